package org.dds.core.comparison;

import java.io.Serializable;

/**
 * A comparison g of two symmetric n x n matrices, the last step of a duality diagram:
 * DDS(X, Y) = g(f(X), f(Y)) (Dwivedi et al. 2020, section 3). Matrices are row-major {@code double[n*n]}.
 * Implementations are immutable and thread-safe.
 *
 * <p>A g that is the dot product of unit-vector embeddings of the two matrices implements
 * {@link UnitVectorComparison}, which lets an affinity matrix over T models embed each model once and compare all
 * pairs with one matrix product. Any other g needs only {@link #compare}: affinity matrices then compare the
 * models' matrices pair by pair.
 */
public interface MatrixComparison extends Serializable {

    /**
     * g(Mx, My).
     *
     * @param mx first matrix, symmetric n x n, row-major (not modified)
     * @param my second matrix, same order (not modified)
     * @param n  their order
     * @return the similarity (1 for equal matrices)
     * @throws org.dds.core.DdsInputException if g is undefined for these matrices (e.g. a constant matrix)
     */
    double compare(double[] mx, double[] my, int n);

    /** @return the smallest n this comparison is defined for */
    default int minimumImages() {
        return 2;
    }

    /**
     * @return true when g is unchanged by adding row and column effects (v 1^T + 1 v^T + c) to a matrix, which
     *         double and U-centring remove
     */
    default boolean removesRowAndColumnEffects() {
        return false;
    }

    /** @return the name used on the command line and in reports */
    String name();
}
