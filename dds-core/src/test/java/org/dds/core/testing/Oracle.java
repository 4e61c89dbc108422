package org.dds.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;

/**
 * Access to ../shared/oracle: the oracle's feature sets and expected affinity matrices (written by
 * ../shared/oracle/dds_ref.py, float64, repr precision).
 */
public final class Oracle {
    private Oracle() {
    }

    /** Oracle normalisation names in Table-2 row order. */
    public static final List<String> NORMS = List.of("None", "centering", "znorm", "group_norm", "instance_norm",
            "layer_norm", "batch_norm");
    /** Oracle f names in Table-2 column order. */
    public static final List<String> FUNCS = List.of("rbf", "lap", "linear", "pearson", "euclidean", "cosine");
    /** Oracle g names. */
    public static final List<String> GS = List.of("cka_unbiased", "cka_biased", "cka_none", "spearman", "pearson");

    /**
     * Loads a directory of C-order little-endian float .npy files in models.txt order (a minimal reader for the
     * oracle's own files, independent of the project's reader).
     *
     * @param dir directory relative to ../shared/oracle
     * @return the models
     */
    public static FeatureSet features(String dir) throws IOException {
        Path d = SharedData.require("oracle/" + dir);
        List<FeatureMatrix> out = new ArrayList<>();
        for (String name : Files.readAllLines(d.resolve("models.txt"))) {
            if (!name.isBlank()) {
                out.add(readNpy(d.resolve(name.trim() + ".npy"), name.trim()));
            }
        }
        return new FeatureSet(out);
    }

    private static FeatureMatrix readNpy(Path p, String name) throws IOException {
        byte[] b = Files.readAllBytes(p);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int major = b[6];
        int hlen = major == 1 ? (buf.getShort(8) & 0xffff) : buf.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(b, start, hlen, StandardCharsets.ISO_8859_1);
        Matcher shape = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(header);
        if (!shape.find() || !header.contains("'fortran_order': False")) {
            throw new IOException("unexpected oracle header " + header);
        }
        int n = Integer.parseInt(shape.group(1));
        int d = Integer.parseInt(shape.group(2));
        buf.position(start + hlen);
        if (header.contains("'<f8'")) {
            double[] v = new double[n * d];
            buf.asDoubleBuffer().get(v);
            return FeatureMatrix.of(name, n, d, v);
        }
        if (header.contains("'<f4'")) {
            float[] v = new float[n * d];
            buf.asFloatBuffer().get(v);
            return FeatureMatrix.ofFloats(name, n, d, v);
        }
        throw new IOException("unexpected dtype in " + header);
    }

    /**
     * @param relative path under ../shared/oracle/expected
     * @return the matrix in the CSV (header of names skipped)
     */
    public static double[][] expectedMatrix(String relative) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("oracle/expected/" + relative));
        double[][] m = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",");
            int first = isNumber(parts[0]) ? 0 : 1;
            m[i - 1] = new double[parts.length - first];
            for (int k = first; k < parts.length; k++) {
                m[i - 1][k - first] = parts[k].equals("nan") ? Double.NaN : Double.parseDouble(parts[k]);
            }
        }
        return m;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
