package org.dds.core.normalization;

import org.dds.core.FeatureMatrix;

/**
 * A feature normalisation (the (Q, D) of a duality diagram): maps an n x d feature matrix to another n x d
 * matrix in float64. Implementations are immutable and thread-safe.
 */
public interface Normalization {

    /**
     * @param x features of one model
     * @return the normalised features, same name and shape
     * @throws org.dds.core.DdsInputException if the features do not fit this normalisation (e.g. a map
     *                                        normalisation and d != H*W*C)
     */
    FeatureMatrix apply(FeatureMatrix x);

    /** @return the name used on the command line and in reports (e.g. {@code zscore}) */
    String name();

    /**
     * @return true when every column of the output has mean zero (up to rounding), so that a later column
     *         centring is the identity
     */
    default boolean centresColumns() {
        return false;
    }
}
