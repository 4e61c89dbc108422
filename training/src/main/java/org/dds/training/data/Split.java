package org.dds.training.data;

import java.util.Locale;

/** Which part of a dataset: the training or the validation (test) images of the official split. */
public enum Split {
    /** Training images. */
    TRAIN,
    /** Validation (NYUv2: test) images. */
    VAL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
