package org.dds.core.kernel;

/**
 * The cosine distance 1 - x^T y / (||x|| ||y||) between rows. Nearly parallel rows get the cancellation-free
 * form ||u - v||^2 / 2 of unit vectors u, v. A row of (near-)zero norm (below 10 eps) has similarity 0 to every
 * row, itself included, so its row and column are 1 (scikit-learn's convention).
 */
public record CosineDistance() implements PairwiseFunction {
    @Override
    public double[] matrix(RowGeometry geometry) {
        return geometry.cosineDistances();
    }

    /** Scaling the rows by c scales this f by a positive factor (or not at all). */
    @Override
    public boolean scaleInvariant() {
        return true;
    }

    @Override
    public double[] block(BlockGeometry tile) {
        return tile.cosineDistances();
    }

    @Override
    public boolean isKernel() {
        return false;
    }

    @Override
    public String name() {
        return "cosine";
    }
}
