package org.dds.training.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dds.core.DdsInputException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads every array of an {@code .npz} (stored or deflated, as {@code numpy.savez} and {@code savez_compressed}
 * write it) into ND4J arrays of any rank, 0-D included: little-endian float32, float64, int32 or int64, C order.
 * Why not the libraries at hand: dds-core's reader accepts only feature matrices (2-D and more), and ND4J's
 * {@code Nd4j.createFromNpzFile} misreads deflated members and reads Fortran-order arrays scrambled.
 */
final class NpzArrays {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NpzArrays() {
    }

    /**
     * @param npz the archive
     * @return member name without {@code .npy} -> array, in archive order
     * @throws DdsInputException naming the archive and member for anything unreadable
     */
    static Map<String, INDArray> read(Path npz) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String where = "member " + e.getName() + " of " + npz;
                if (!e.getName().endsWith(".npy")) {
                    throw new DdsInputException(where + " is not a .npy array: export the state_dict with numpy.savez");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName().substring(0, e.getName().length() - 4), array(in.readAllBytes(), where));
                }
            }
        } catch (IOException e) {
            throw new DdsInputException(npz + " is not a readable .npz archive (" + e.getMessage() + "): export it"
                    + " again with numpy.savez", e);
        }
        return out;
    }

    private static INDArray array(byte[] bytes, String where) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[2] != 'U') {
            throw new DdsInputException(where + " is not a .npy array (no NUMPY magic): export it again");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int offset = major == 1 ? 10 : 12;
        if (headerLength < 0 || offset + headerLength > bytes.length) {
            throw new DdsInputException(where + " has a truncated header: export it again");
        }
        String header = new String(bytes, offset, headerLength, StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, where);
        if ("True".equals(find(FORTRAN, header, where))) {
            throw new DdsInputException(where + " is in Fortran order: export with v.numpy() (C order), as in"
                    + " README 'Training'");
        }
        String dims = find(SHAPE, header, where).strip();
        long[] shape = dims.isEmpty() ? new long[0] : Arrays.stream(dims.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        long count = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        ByteBuffer data = b.position(offset + headerLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        int size = switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            default -> throw new DdsInputException(where + " has dtype '" + descr + "': weights must be little-endian"
                    + " float32/float64 (or int32/int64 counters)");
        };
        if (data.remaining() < count * size) {
            throw new DdsInputException(where + " holds " + data.remaining() + " bytes of data but its shape "
                    + Arrays.toString(shape) + " needs " + count * size + ": the archive is truncated");
        }
        double[] v = new double[(int) count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (descr) {
                case "<f4" -> data.getFloat(i * 4);
                case "<i4" -> data.getInt(i * 4);
                case "<f8" -> data.getDouble(i * 8);
                default -> data.getLong(i * 8);
            };
        }
        INDArray a = Nd4j.create(v, shape.length == 0 ? new long[] {1} : shape, 'c');
        return descr.equals("<f4") ? a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT) : a;
    }

    private static String find(Pattern p, String header, String where) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DdsInputException(where + " has a .npy header without " + p.pattern().split("'")[1] + ": "
                    + header.strip());
        }
        return m.group(1);
    }
}
