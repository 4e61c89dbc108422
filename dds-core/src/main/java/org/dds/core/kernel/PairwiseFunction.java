package org.dds.core.kernel;

import java.io.Serializable;

import org.dds.core.FeatureMatrix;

/**
 * A function f that maps n feature vectors (the rows of a normalised feature matrix) to a symmetric n x n
 * matrix: a kernel (similarity) or a distance (dissimilarity). Matrices are row-major {@code double[n*n]}.
 * Implementations are immutable and thread-safe.
 */
public interface PairwiseFunction extends Serializable {

    /**
     * @param geometry the rows and their shared pairwise quantities
     * @return the n x n matrix, row-major
     * @throws org.dds.core.DdsInputException if f is undefined on these rows (e.g. pearson on a constant row)
     */
    double[] matrix(RowGeometry geometry);

    /**
     * @param x feature matrix
     * @return the n x n matrix of its rows
     */
    default double[] matrix(FeatureMatrix x) {
        return matrix(new RowGeometry(x));
    }

    /**
     * The matrix to use when the comparison g removes row and column effects (double or U-centring): equal to
     * {@link #matrix(RowGeometry)} after such centring in exact arithmetic, and allowed to differ before it.
     *
     * @param geometry the rows
     * @return the matrix to centre
     */
    default double[] matrixForCentredComparison(RowGeometry geometry) {
        return matrix(geometry);
    }

    /**
     * One tile of {@link #matrix}: the entries between two blocks of rows, for tiled computations that never
     * form the whole n x n matrix. Equal to the same entries of {@link #matrix} up to rounding.
     *
     * @param tile the two blocks and the model-wide statistics
     * @return the tile, row-major rows x columns
     * @throws org.dds.core.DdsInputException if f has no tiled form or is undefined on these rows
     */
    default double[] block(BlockGeometry tile) {
        throw new org.dds.core.DdsInputException("f = " + name() + " has no tiled form (it needs the whole n x n "
                + "matrix at once): compute this affinity matrix with all features in memory");
    }

    /**
     * The tile of {@link #matrixForCentredComparison}.
     *
     * @param tile the two blocks and the model-wide statistics
     * @return the tile to centre
     */
    default double[] blockForCentredComparison(BlockGeometry tile) {
        return block(tile);
    }

    /**
     * @return true when f depends on the median of all n^2 squared distances of the model (the RBF bandwidth),
     *         which a tiled computation must then find in passes of its own before the tiles
     */
    default boolean needsMedianSquaredDistance() {
        return false;
    }

    /**
     * @return true when f(c Z) = a f(Z) for every c &gt; 0 with some a &gt; 0 (linear: c^2, distances: c, cosine,
     *         correlation and the median-bandwidth RBF: 1): every g then gives the same DDS for c Z as for Z, so
     *         DDS may rescale Z by a power of two first, and features at 1e160 or 1e-200 neither overflow nor
     *         underflow. False (the default) for f such as the Laplacian kernel with a fixed gamma.
     */
    default boolean scaleInvariant() {
        return false;
    }

    /** @return true for a similarity (kernel), false for a dissimilarity (distance) */
    boolean isKernel();

    /** @return the name used on the command line and in reports (e.g. {@code cosine}) */
    String name();
}
