package org.dds.mini;

import java.util.Arrays;

/**
 * The input corruptions of the Mini-Taskonomy tasks on an image of a given {@link ImageSize} (row-major, row 0 at
 * the top, values in [0, 1]): centre mask and patch (inpainting), quarter-turn rotation,
 * translation with zero fill, clipped Gaussian noise. Each writes into a slice of a larger array, so a batch is
 * filled without allocating.
 */
public final class ImageTransforms {
    private ImageTransforms() {
    }

    /**
     * The image with the centre square ({@link ImageSize#maskSide()} pixels from row {@link ImageSize#maskRow()}
     * and column {@link ImageSize#maskColumn()}; rows and columns 7..20 on 28 x 28) set to 0.
     *
     * @param size   the image's size
     * @param image  {@code size.pixels()} values
     * @param dst    output array
     * @param offset where the output values start in {@code dst}
     */
    public static void maskCentre(ImageSize size, float[] image, float[] dst, int offset) {
        int side = size.maskSide();
        System.arraycopy(image, 0, dst, offset, size.pixels());
        for (int r = size.maskRow(); r < size.maskRow() + side; r++) {
            int row = offset + r * size.width() + size.maskColumn();
            Arrays.fill(dst, row, row + side, 0f);
        }
    }

    /**
     * The centre square that {@link #maskCentre} hides, row-major ({@code maskSide^2} values, 196 on 28 x 28).
     *
     * @param size   the image's size
     * @param image  {@code size.pixels()} values
     * @param dst    output array
     * @param offset where the output values start in {@code dst}
     */
    public static void centrePatch(ImageSize size, float[] image, float[] dst, int offset) {
        int side = size.maskSide();
        for (int i = 0; i < side; i++) {
            System.arraycopy(image, (size.maskRow() + i) * size.width() + size.maskColumn(), dst, offset + i * side,
                    side);
        }
    }

    /**
     * Rotation by {@code quarterTurns * 90} degrees counter-clockwise as the image is displayed (like numpy's
     * {@code rot90(image, k)}): one quarter turn moves pixel (row r, column c) to (N - 1 - c, r) on an N x N image.
     *
     * @param size         the image's size, square
     * @param image        {@code size.pixels()} values
     * @param quarterTurns 0, 1, 2 or 3
     * @param dst          output array
     * @param offset       where the output values start in {@code dst}
     */
    public static void rotate(ImageSize size, float[] image, int quarterTurns, float[] dst, int offset) {
        if (!size.square()) {
            throw new IllegalArgumentException("quarter turns need a square image, not " + size);
        }
        int n = size.width();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                // out(r, c) reads the source pixel that the rotation moves onto (r, c).
                int source = switch (quarterTurns) {
                    case 0 -> r * n + c;
                    case 1 -> c * n + (n - 1 - r);
                    case 2 -> (n - 1 - r) * n + (n - 1 - c);
                    case 3 -> (n - 1 - c) * n + r;
                    default -> throw new IllegalArgumentException("quarter turns not in 0..3: " + quarterTurns);
                };
                dst[offset + r * n + c] = image[source];
            }
        }
    }

    /**
     * Translation by {@code dx} columns to the right and {@code dy} rows down; pixels shifted in from outside are 0.
     *
     * @param size   the image's size
     * @param image  {@code size.pixels()} values
     * @param dx     columns to the right (negative: to the left)
     * @param dy     rows down (negative: up)
     * @param dst    output array
     * @param offset where the output values start in {@code dst}
     */
    public static void shift(ImageSize size, float[] image, int dx, int dy, float[] dst, int offset) {
        int w = size.width();
        int h = size.height();
        Arrays.fill(dst, offset, offset + size.pixels(), 0f);
        int c0 = Math.max(0, dx);
        int c1 = Math.min(w, w + dx);
        if (c0 >= c1) {
            return;
        }
        for (int r = Math.max(0, dy); r < Math.min(h, h + dy); r++) {
            System.arraycopy(image, (r - dy) * w + c0 - dx, dst, offset + r * w + c0, c1 - c0);
        }
    }

    /**
     * {@code clip(image + sd * z, 0, 1)} with one standard normal {@code z} per pixel, drawn in pixel order.
     *
     * @param image  the pixels
     * @param sd     standard deviation of the noise
     * @param random the image's random stream
     * @param dst    output array
     * @param offset where the output values start in {@code dst}
     */
    public static void addNoise(float[] image, double sd, TaskRandom random, float[] dst, int offset) {
        for (int p = 0; p < image.length; p++) {
            double v = image[p] + sd * random.nextGaussian();
            dst[offset + p] = (float) Math.min(1.0, Math.max(0.0, v));
        }
    }
}
