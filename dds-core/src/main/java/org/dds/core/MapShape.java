package org.dds.core;

import java.io.Serializable;

/**
 * The shape (H, W, C), channels last, of a feature map flattened into one row of a {@link FeatureMatrix}:
 * flat column k belongs to position k / C and channel k % C. The Taskonomy encoders give 16 x 16 x 8 = 2048.
 *
 * @param height   H, at least 1
 * @param width    W, at least 1
 * @param channels C, at least 1
 */
public record MapShape(int height, int width, int channels) implements Serializable {

    /** The Taskonomy encoder output, 16 x 16 x 8. */
    public static final MapShape TASKONOMY = new MapShape(16, 16, 8);

    /** Validates the dimensions. */
    public MapShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new DdsInputException("feature-map shape " + height + "," + width + "," + channels
                    + " has a dimension below 1: give three positive integers H,W,C (e.g. 16,16,8)");
        }
        if ((long) height * width * channels > Integer.MAX_VALUE) {
            throw new DdsInputException("feature-map shape " + height + "," + width + "," + channels
                    + " has more than 2^31-1 elements");
        }
    }

    /**
     * Parses "H,W,C" (height, width, channels).
     *
     * @param text three comma-separated positive integers
     * @return the shape
     */
    public static MapShape parse(String text) {
        String[] parts = text.trim().split("\\s*[,xX]\\s*");
        if (parts.length != 3) {
            throw new DdsInputException("feature-map shape '" + text
                    + "' is not three comma-separated integers H,W,C (e.g. 16,16,8)");
        }
        try {
            return new MapShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new DdsInputException("feature-map shape '" + text
                    + "' is not three comma-separated integers H,W,C (e.g. 16,16,8)", e);
        }
    }

    /** @return H * W * C, the number of features a row must have */
    public int size() {
        return height * width * channels;
    }

    @Override
    public String toString() {
        return height + "," + width + "," + channels;
    }
}
