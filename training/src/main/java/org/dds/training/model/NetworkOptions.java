package org.dds.training.model;

import java.util.Objects;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * How a network is laid out in memory, independent of what it computes: activations NCHW or NHWC, float or double.
 * Float32 NCHW is the default (the fastest measured with oneDNN, see README "Training"); double is for gradient
 * checks.
 *
 * @param format   the activation layout of every convolutional layer
 * @param dataType the parameter and activation type
 */
public record NetworkOptions(CNN2DFormat format, DataType dataType) {

    /** Validates the fields. */
    public NetworkOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dataType, "dataType");
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("data type " + dataType + " is not a floating-point type");
        }
    }

    /** @return NCHW, float32 */
    public static NetworkOptions defaults() {
        return new NetworkOptions(CNN2DFormat.NCHW, DataType.FLOAT);
    }

    /**
     * @param dataType the type
     * @return these options with another type
     */
    public NetworkOptions with(DataType dataType) {
        return new NetworkOptions(format, dataType);
    }

    /**
     * @param format the layout
     * @return these options with another layout
     */
    public NetworkOptions with(CNN2DFormat format) {
        return new NetworkOptions(format, dataType);
    }
}
