package org.dds.training.model;

import java.util.Objects;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * How a network is laid out and computed, independent of what it computes: activations NCHW or NHWC, float or
 * double, and how atrous convolutions run. Float32 NCHW with shift-sum atrous convolutions is the default (the
 * fastest measured with oneDNN, see README "Training"); double is for gradient checks.
 *
 * @param format   the activation layout of every convolutional layer
 * @param dataType the parameter and activation type
 * @param atrous   how the decoder's atrous convolutions run
 */
public record NetworkOptions(CNN2DFormat format, DataType dataType, Atrous atrous) {

    /** How a 3 x 3 convolution of rate r > 1 runs (the same function either way). */
    public enum Atrous {
        /** A 1 x 1 convolution to the nine taps, then {@link ShiftSum} (oneDNN runs the convolution). */
        SHIFT_SUM,
        /** DL4J's dilated convolution (its oneDNN helper fails on dilation: the slow built-in path runs). */
        DILATED
    }


    /** Validates the fields. */
    public NetworkOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(atrous, "atrous");
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("data type " + dataType + " is not a floating-point type");
        }
    }

    /** @return NCHW, float32, shift-sum atrous convolutions */
    public static NetworkOptions defaults() {
        return new NetworkOptions(CNN2DFormat.NCHW, DataType.FLOAT, Atrous.SHIFT_SUM);
    }

    /**
     * @param dataType the type
     * @return these options with another type
     */
    public NetworkOptions with(DataType dataType) {
        return new NetworkOptions(format, dataType, atrous);
    }

    /**
     * @param format the layout
     * @return these options with another layout
     */
    public NetworkOptions with(CNN2DFormat format) {
        return new NetworkOptions(format, dataType, atrous);
    }

    /**
     * @param atrous how atrous convolutions run
     * @return these options with that
     */
    public NetworkOptions with(Atrous atrous) {
        return new NetworkOptions(format, dataType, atrous);
    }
}
