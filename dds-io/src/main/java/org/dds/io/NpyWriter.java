package org.dds.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;

/**
 * Writes NumPy {@code .npy} files (format version 1.0) that {@code numpy.load} and {@link NpyReader} read: C order,
 * little-endian float64 or float32, the header padded with spaces so that the data starts at a multiple of 64
 * bytes. Files are written to a temporary file and renamed into place atomically.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;

    private NpyWriter() {
    }

    /**
     * Writes an n x d float64 array.
     *
     * @param file the file to create or replace
     * @param x    the features
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, FeatureMatrix x) throws IOException {
        write(file, x, NpyPrecision.FLOAT64);
    }

    /**
     * Writes an n x d array.
     *
     * @param file      the file to create or replace
     * @param x         the features
     * @param precision float64 (exact) or float32 (rounded)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, FeatureMatrix x, NpyPrecision precision) throws IOException {
        write(file, new int[] {x.rows(), x.cols()}, FeatureMatrix.unsafeData(x), precision);
    }

    /**
     * Writes an n x H x W x C array of feature maps (channels last).
     *
     * @param file      the file to create or replace
     * @param x         the features, one flattened map per row
     * @param map       the shape of each map; its size must equal the number of features
     * @param precision float64 (exact) or float32 (rounded)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, FeatureMatrix x, MapShape map, NpyPrecision precision) throws IOException {
        if (map.size() != x.cols()) {
            throw new IllegalArgumentException("map shape " + map + " has " + map.size() + " values but model '"
                    + x.name() + "' has " + x.cols() + " features");
        }
        write(file, new int[] {x.rows(), map.height(), map.width(), map.channels()}, FeatureMatrix.unsafeData(x),
                precision);
    }

    /**
     * Writes an array of any shape.
     *
     * @param file      the file to create or replace
     * @param shape     the dimensions
     * @param data      the values in C order
     * @param precision float64 (exact) or float32 (rounded)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, int[] shape, double[] data, NpyPrecision precision) throws IOException {
        check(shape, data.length);
        AtomicFiles.write(file, out -> write(out, shape, data, precision));
    }

    /**
     * Writes a float32 array of any shape, exactly.
     *
     * @param file  the file to create or replace
     * @param shape the dimensions
     * @param data  the values in C order
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, int[] shape, float[] data) throws IOException {
        check(shape, data.length);
        AtomicFiles.write(file, out -> {
            out.write(header(NpyPrecision.FLOAT32.descr(), shape));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                if (!buf.hasRemaining()) {
                    drain(buf, out);
                }
                buf.putFloat(v);
            }
            drain(buf, out);
        });
    }

    /**
     * Writes a whole .npy (header and data) to a stream, which is not closed.
     *
     * @param out       where to write
     * @param shape     the dimensions
     * @param data      the values in C order
     * @param precision float64 (exact) or float32 (rounded)
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, int[] shape, double[] data, NpyPrecision precision)
            throws IOException {
        check(shape, data.length);
        out.write(header(precision.descr(), shape));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : data) {
            if (!buf.hasRemaining()) {
                drain(buf, out);
            }
            if (precision == NpyPrecision.FLOAT32) {
                buf.putFloat((float) v);
            } else {
                buf.putDouble(v);
            }
        }
        drain(buf, out);
    }

    /**
     * @param descr the type string, e.g. {@code <f8}
     * @param shape the dimensions
     * @return the magic, version 1.0, length and padded header dict, a multiple of 64 bytes in all
     */
    static byte[] header(String descr, int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int k = 0; k < shape.length; k++) {
            dims.append(k == 0 ? "" : ", ").append(shape[k]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': False, 'shape': ").append(dims).append(", }");
        // Pad with spaces and end with a newline so that magic + length + dict is a multiple of 64.
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        dict.append(" ".repeat((ALIGN - unpadded % ALIGN) % ALIGN)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.put(MAGIC).putShort((short) text.length).put(text).array();
    }

    private static void check(int[] shape, int length) {
        Objects.requireNonNull(shape, "shape");
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Shapes.text(shape) + " needs " + n + " values but "
                    + length + " were given");
        }
    }

    private static void drain(ByteBuffer buf, OutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }
}
