package org.dds.mini;

import org.dds.core.DdsInputException;

/**
 * The size of the one-channel images a Mini-Taskonomy run works on, as the image set gives it (Fashion-MNIST:
 * {@link #FASHION_MNIST}, 28 x 28). Everything that depends on it (network inputs, the 2D tasks' targets, the
 * inpainting square) is derived from it rather than fixed.
 *
 * @param height rows
 * @param width  columns
 */
public record ImageSize(int height, int width) {
    /** Fashion-MNIST's (and MNIST's) 28 x 28. */
    public static final ImageSize FASHION_MNIST = new ImageSize(28, 28);

    /** The smallest side: the encoder halves the image three times, and the tasks shift by up to 4 pixels. */
    public static final int MIN_SIDE = 8;

    /** Checks that both sides are at least {@value #MIN_SIDE} and that the pixels fit one array per image. */
    public ImageSize {
        if (height < MIN_SIDE || width < MIN_SIDE || (long) height * width > Integer.MAX_VALUE / 64) {
            throw new DdsInputException("images of " + height + " x " + width + " pixels cannot be used:"
                    + " Mini-Taskonomy needs both sides at least " + MIN_SIDE + " and images of a sensible size");
        }
    }

    /** @return pixels per image, height * width */
    public int pixels() {
        return height * width;
    }

    /** @return true if height equals width (quarter turns keep the size) */
    public boolean square() {
        return height == width;
    }

    /** @return the side of the centre square the inpainting task masks: half the smaller side (14 for 28 x 28) */
    public int maskSide() {
        return Math.min(height, width) / 2;
    }

    /** @return the first row of the masked square (7 for 28 x 28) */
    public int maskRow() {
        return (height - maskSide()) / 2;
    }

    /** @return the first column of the masked square (7 for 28 x 28) */
    public int maskColumn() {
        return (width - maskSide()) / 2;
    }

    @Override
    public String toString() {
        return height + " x " + width;
    }
}
