package org.dds.core.normalization;

import java.io.Serializable;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSource;

/**
 * A feature normalisation (the (Q, D) of a duality diagram): maps an n x d feature matrix to another n x d
 * matrix in float64. Implementations are immutable and thread-safe.
 */
public interface Normalization extends Serializable {

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

    /**
     * Fits this normalisation to all rows of a model that is read in row blocks (for tiled computations, which
     * never hold the whole matrix): the returned normaliser gives every block the rows {@link #apply} gives the
     * whole matrix. Normalisations that treat each row on its own need not override this.
     *
     * @param source the model's rows
     * @return the fitted normaliser
     * @throws org.dds.core.DdsInputException if the rows do not fit this normalisation
     */
    default RowBlockNormalizer fit(FeatureSource source) {
        return RowBlockNormalizer.rowwise(this, source.name(), source.cols());
    }
}
