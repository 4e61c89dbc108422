package org.dds.experiments.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes small .npy files (format 1.0, little-endian float64, C order) for tests, including the bad ones the
 * project's writer would never make: NaN values, a truncated body.
 */
final class Npy {
    private Npy() {
    }

    /**
     * @param file   where
     * @param rows   n
     * @param cols   d
     * @param values n * d values, row-major (may hold NaN)
     * @return the file
     */
    static Path write(Path file, int rows, int cols, double[] values) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        // Header padded with spaces so that magic + length + header + '\n' is a multiple of 64 (numpy's layout).
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            b.putDouble(v);
        }
        return Files.write(file, b.array());
    }

    /**
     * @param file   where
     * @param values a 1-D array of int64 values (class labels)
     * @return the file
     */
    static Path writeLongs(Path file, long[] values) throws IOException {
        String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (long v : values) {
            b.putLong(v);
        }
        return Files.write(file, b.array());
    }

    /**
     * @param file where
     * @param rows n
     * @param cols d
     * @param seed seed of the values
     * @return the file, holding seeded standard-normal-ish values
     */
    static Path random(Path file, int rows, int cols, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[rows * cols];
        Arrays.setAll(v, k -> r.nextDouble(-1, 1));
        return write(file, rows, cols, v);
    }
}
