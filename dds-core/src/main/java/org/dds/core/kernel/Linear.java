package org.dds.core.kernel;

/**
 * The linear kernel k(x, y) = x^T y, the n x n Gram matrix X X^T (with a centred comparison this is linear CKA,
 * Kornblith et al. 2019).
 *
 * <p>Before a double- or U-centred comparison the Gram matrix of the column-centred features is used: both
 * centrings remove exactly the terms by which X X^T and (X - 1m^T)(X - 1m^T)^T differ, and the centred Gram
 * matrix is formed without the cancellation a large common offset would cause.
 */
public record Linear() implements PairwiseFunction {
    @Override
    public double[] matrix(RowGeometry geometry) {
        return geometry.gram();
    }

    @Override
    public double[] matrixForCentredComparison(RowGeometry geometry) {
        return geometry.centredGram();
    }

    /** Scaling the rows by c scales this f by a positive factor (or not at all). */
    @Override
    public boolean scaleInvariant() {
        return true;
    }

    @Override
    public double[] block(BlockGeometry tile) {
        return tile.gram();
    }

    @Override
    public double[] blockForCentredComparison(BlockGeometry tile) {
        return tile.centredGram();
    }

    @Override
    public boolean isKernel() {
        return true;
    }

    @Override
    public String name() {
        return "linear";
    }
}
