package org.dds.training.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How RGB pixels in [0, 1] become network input: {@code x_c = (v_c - mean_c) / std_c} per channel, the
 * preprocessing the pretrained weights were trained with.
 * <ul>
 * <li>{@link #TORCHVISION}: ImageNet mean (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224, 0.225), as
 * torchvision's models expect.</li>
 * <li>{@link #CAFFE}: Keras' {@code preprocess_input(mode="caffe")} for ResNet50, which subtracts the ImageNet mean
 * (123.68, 116.779, 103.939 for R, G, B) from pixels in [0, 255]: mean = those / 255, std = 1 / 255. Keras also
 * swaps the channels to BGR; that permutation is applied to the stem's weights on import instead
 * ({@link org.dds.training.weights.KerasWeights}), so the input stays RGB.</li>
 * </ul>
 *
 * @param name a short name for logs and provenance
 * @param mean the per-channel mean, R, G, B, on the [0, 1] scale
 * @param std  the per-channel divisor, positive
 */
public record PixelNormalization(String name, double[] mean, double[] std) implements Serializable {
    /** torchvision's ImageNet normalisation. */
    public static final PixelNormalization TORCHVISION = new PixelNormalization("torchvision",
            new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});
    /** Keras' "caffe" mode (ResNet50): the ImageNet mean subtracted on the 0..255 scale, no division. */
    public static final PixelNormalization CAFFE = new PixelNormalization("caffe",
            new double[] {123.68 / 255, 116.779 / 255, 103.939 / 255}, new double[] {1 / 255.0, 1 / 255.0,
                1 / 255.0});

    /** Validates and copies the fields. */
    public PixelNormalization {
        Objects.requireNonNull(name, "name");
        mean = mean.clone();
        std = std.clone();
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean " + Arrays.toString(mean) + " and std " + Arrays.toString(std)
                    + " must have 3 values (R, G, B)");
        }
        for (int c = 0; c < 3; c++) {
            if (!Double.isFinite(mean[c]) || !(std[c] > 0) || !Double.isFinite(std[c])) {
                throw new IllegalArgumentException("channel " + c + " has mean " + mean[c] + " and std " + std[c]
                        + ": the mean must be finite and the std positive");
            }
        }
    }

    /** @return a copy of the means */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the divisors */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * @param value   a pixel value in [0, 1]
     * @param channel 0 (R), 1 (G) or 2 (B)
     * @return the network input
     */
    public float apply(float value, int channel) {
        // In float, as the pipeline always computed it, so that torchvision inputs stay bit for bit the same.
        return (value - (float) mean[channel]) / (float) std[channel];
    }

    /**
     * Normalises planar RGB in place.
     *
     * @param rgb   3 planes of {@code plane} values each, R then G then B
     * @param plane pixels per plane
     */
    public void applyInPlace(float[] rgb, int plane) {
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                rgb[c * plane + i] = apply(rgb[c * plane + i], c);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelNormalization p && name.equals(p.name) && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(mean), Arrays.hashCode(std));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(mean=%s, std=%s)", name, Arrays.toString(mean), Arrays.toString(std));
    }
}
