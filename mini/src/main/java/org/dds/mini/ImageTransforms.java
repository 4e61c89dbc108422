package org.dds.mini;

import java.util.Arrays;

/**
 * The input corruptions of the Mini-Taskonomy tasks on a {@value MiniTask#SIZE} x {@value MiniTask#SIZE} image
 * (row-major, row 0 at the top, values in [0, 1]): centre mask and patch (inpainting), quarter-turn rotation,
 * translation with zero fill, clipped Gaussian noise. Each writes into a slice of a larger array, so a batch is
 * filled without allocating.
 */
public final class ImageTransforms {
    private static final int N = MiniTask.SIZE;

    private ImageTransforms() {
    }

    /**
     * The image with the centre square (rows and columns {@value MiniTask#MASK_FROM} to
     * {@code MASK_FROM + MASK_SIZE - 1}) set to 0.
     *
     * @param image  784 values
     * @param dst    output array
     * @param offset where the 784 output values start in {@code dst}
     */
    public static void maskCentre(float[] image, float[] dst, int offset) {
        System.arraycopy(image, 0, dst, offset, MiniTask.PIXELS);
        for (int r = MiniTask.MASK_FROM; r < MiniTask.MASK_FROM + MiniTask.MASK_SIZE; r++) {
            int row = offset + r * N + MiniTask.MASK_FROM;
            Arrays.fill(dst, row, row + MiniTask.MASK_SIZE, 0f);
        }
    }

    /**
     * The centre square that {@link #maskCentre} hides, row-major ({@code MASK_SIZE^2} = 196 values).
     *
     * @param image  784 values
     * @param dst    output array
     * @param offset where the 196 output values start in {@code dst}
     */
    public static void centrePatch(float[] image, float[] dst, int offset) {
        for (int i = 0; i < MiniTask.MASK_SIZE; i++) {
            System.arraycopy(image, (MiniTask.MASK_FROM + i) * N + MiniTask.MASK_FROM, dst,
                    offset + i * MiniTask.MASK_SIZE, MiniTask.MASK_SIZE);
        }
    }

    /**
     * Rotation by {@code quarterTurns * 90} degrees counter-clockwise as the image is displayed (like numpy's
     * {@code rot90(image, k)}): one quarter turn moves pixel (row r, column c) to (27 - c, r).
     *
     * @param image        784 values
     * @param quarterTurns 0, 1, 2 or 3
     * @param dst          output array
     * @param offset       where the 784 output values start in {@code dst}
     */
    public static void rotate(float[] image, int quarterTurns, float[] dst, int offset) {
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                // out(r, c) reads the source pixel that the rotation moves onto (r, c).
                int source = switch (quarterTurns) {
                    case 0 -> r * N + c;
                    case 1 -> c * N + (N - 1 - r);
                    case 2 -> (N - 1 - r) * N + (N - 1 - c);
                    case 3 -> (N - 1 - c) * N + r;
                    default -> throw new IllegalArgumentException("quarter turns not in 0..3: " + quarterTurns);
                };
                dst[offset + r * N + c] = image[source];
            }
        }
    }

    /**
     * Translation by {@code dx} columns to the right and {@code dy} rows down; pixels shifted in from outside are 0.
     *
     * @param image  784 values
     * @param dx     columns to the right (negative: to the left)
     * @param dy     rows down (negative: up)
     * @param dst    output array
     * @param offset where the 784 output values start in {@code dst}
     */
    public static void shift(float[] image, int dx, int dy, float[] dst, int offset) {
        Arrays.fill(dst, offset, offset + MiniTask.PIXELS, 0f);
        int c0 = Math.max(0, dx);
        int c1 = Math.min(N, N + dx);
        if (c0 >= c1) {
            return;
        }
        for (int r = Math.max(0, dy); r < Math.min(N, N + dy); r++) {
            System.arraycopy(image, (r - dy) * N + c0 - dx, dst, offset + r * N + c0, c1 - c0);
        }
    }

    /**
     * {@code clip(image + sd * z, 0, 1)} with one standard normal {@code z} per pixel, drawn in pixel order.
     *
     * @param image  784 values
     * @param sd     standard deviation of the noise
     * @param random the image's random stream
     * @param dst    output array
     * @param offset where the 784 output values start in {@code dst}
     */
    public static void addNoise(float[] image, double sd, TaskRandom random, float[] dst, int offset) {
        for (int p = 0; p < MiniTask.PIXELS; p++) {
            double v = image[p] + sd * random.nextGaussian();
            dst[offset + p] = (float) Math.min(1.0, Math.max(0.0, v));
        }
    }
}
