package org.dds.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds .npy files byte by byte in tests, independently of {@link NpyWriter}: any header text, version, byte order
 * and storage order, so that the reader can be checked against layouts numpy writes but the writer never does.
 */
final class NpyBytes {
    private NpyBytes() {
    }

    /**
     * @param major      format version 1, 2 or 3
     * @param headerDict the header dict text, e.g. {@code {'descr': '>f8', 'fortran_order': True, 'shape': (3, 4), }}
     * @return magic, version, header length and the header padded to a multiple of 64 bytes with a newline
     */
    static byte[] header(int major, String headerDict) {
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + headerDict.length() + 1;
        String text = headerDict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        byte[] t = text.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + t.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) t.length);
        } else {
            b.putInt(t.length);
        }
        return b.put(t).array();
    }

    /**
     * Writes values of a C-order {@code rows x cols} array stored in the given order and byte order.
     *
     * @param c       the values, C order
     * @param rows    first dimension
     * @param cols    second dimension
     * @param fortran store column by column
     * @param order   byte order of the stored values
     * @param float32 store as float32 (else float64)
     * @return the data bytes
     */
    static byte[] data2d(double[] c, int rows, int cols, boolean fortran, ByteOrder order, boolean float32) {
        ByteBuffer b = ByteBuffer.allocate(c.length * (float32 ? 4 : 8)).order(order);
        for (int k = 0; k < c.length; k++) {
            // Fortran position k is element (k % rows, k / rows).
            double v = fortran ? c[(k % rows) * cols + k / rows] : c[k];
            if (float32) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        return b.array();
    }

    static Path write(Path file, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return Files.write(file, out.toByteArray());
    }

    /** @return {@code {'descr': 'descr', 'fortran_order': F, 'shape': shape, }} */
    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }";
    }
}
