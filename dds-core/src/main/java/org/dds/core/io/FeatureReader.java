package org.dds.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;

/**
 * STAND-IN, to be replaced by the real feature reader from the dds-core owner. Reads only a directory of C-order
 * little-endian float32/float64 2-D {@code <model>.npy} files (model order from {@code models.txt}, else sorted
 * names) and a single plain {@code .npy} file (the model is named after the file).
 */
public final class FeatureReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private FeatureReader() {
    }

    /**
     * @param path a directory of {@code <model>.npy} files or one {@code .npy} file
     * @return the models, in order
     * @throws DdsInputException one sentence naming the file and the fix for every unusable input
     */
    public static FeatureSet read(Path path) {
        if (!Files.exists(path)) {
            throw new DdsInputException("feature path " + path + " does not exist: give a directory of"
                    + " <model>.npy files or one .npy file");
        }
        if (Files.isDirectory(path)) {
            return new FeatureSet(readDirectory(path));
        }
        if (path.getFileName().toString().endsWith(".npy")) {
            return new FeatureSet(List.of(readNpy(path, stem(path))));
        }
        throw new DdsInputException("feature file " + path + " is not a .npy file: give a directory of"
                + " <model>.npy files or one .npy file");
    }

    private static List<FeatureMatrix> readDirectory(Path dir) {
        List<String> names = new ArrayList<>();
        try {
            Path order = dir.resolve("models.txt");
            if (Files.isRegularFile(order)) {
                for (String line : Files.readAllLines(order, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        names.add(line.strip());
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy")).sorted()
                            .forEach(n -> names.add(n.substring(0, n.length() - 4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new DdsInputException("feature directory " + dir + " holds no .npy files: put one <model>.npy"
                    + " per model there");
        }
        List<FeatureMatrix> out = new ArrayList<>(names.size());
        for (String name : names) {
            Path file = dir.resolve(name + ".npy");
            if (!Files.isRegularFile(file)) {
                throw new DdsInputException("model '" + name + "' is listed in " + dir.resolve("models.txt")
                        + " but " + file + " does not exist: add the file or remove the name");
            }
            out.add(readNpy(file, name));
        }
        return out;
    }

    private static FeatureMatrix readNpy(Path file, String name) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int k = 0; k < MAGIC.length; k++) {
            if (b.length <= k || b[k] != MAGIC[k]) {
                throw new DdsInputException(file + " is not a .npy file (no NUMPY magic): save it with numpy.save");
            }
        }
        if (b.length < 12) {
            throw new DdsInputException(file + " is truncated inside its header: write it again with numpy.save");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int major = b[6];
        long headerLength = major == 1 ? buf.getShort(8) & 0xffff : buf.getInt(8) & 0xffffffffL;
        int start = major == 1 ? 10 : 12;
        if (start + headerLength > b.length) {
            throw new DdsInputException(file + " is truncated inside its header: write it again with numpy.save");
        }
        String header = new String(b, start, (int) headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new DdsInputException(file + " has an unreadable .npy header: write it again with numpy.save");
        }
        String dtype = descr.group(1);
        if (!dtype.equals("<f8") && !dtype.equals("<f4")) {
            throw new DdsInputException(file + " holds dtype '" + dtype + "': save little-endian float32 or"
                    + " float64 (e.g. x.astype('<f4'))");
        }
        if (fortran.group(1).equals("True")) {
            throw new DdsInputException(file + " is in Fortran order: save it with numpy.ascontiguousarray");
        }
        String[] dims = shape.group(1).split(",");
        if (dims.length < 2 || dims[1].isBlank()) {
            throw new DdsInputException(file + " holds a (" + shape.group(1) + ") array: save a 2-D array of"
                    + " images x features");
        }
        int rows = Integer.parseInt(dims[0].strip());
        int cols = Integer.parseInt(dims[1].strip());
        int width = dtype.equals("<f8") ? 8 : 4;
        long need = (long) rows * cols * width;
        long have = b.length - start - headerLength;
        if (have < need) {
            throw new DdsInputException(file + " is truncated: its header declares " + rows + " x " + cols + " "
                    + (width == 8 ? "float64" : "float32") + " (" + need + " bytes) but only " + have
                    + " bytes follow: write it again");
        }
        buf.position((int) (start + headerLength));
        if (width == 8) {
            double[] v = new double[rows * cols];
            buf.asDoubleBuffer().get(v);
            return FeatureMatrix.wrap(name, rows, cols, v);
        }
        float[] v = new float[rows * cols];
        buf.asFloatBuffer().get(v);
        return FeatureMatrix.ofFloats(name, rows, cols, v);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }
}
