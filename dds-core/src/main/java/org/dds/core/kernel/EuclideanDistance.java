package org.dds.core.kernel;

/** The Euclidean distance ||x - y||_2 between rows, computed exactly (no Gram-matrix cancellation). */
public record EuclideanDistance() implements PairwiseFunction {
    @Override
    public double[] matrix(RowGeometry geometry) {
        return SymmetricMaps.apply(geometry.squaredDistances(), geometry.rows(), Math::sqrt);
    }

    /** Scaling the rows by c scales this f by a positive factor (or not at all). */
    @Override
    public boolean scaleInvariant() {
        return true;
    }

    @Override
    public double[] block(BlockGeometry tile) {
        double[] d2 = tile.squaredDistances();
        for (int k = 0; k < d2.length; k++) {
            d2[k] = Math.sqrt(d2[k]);
        }
        return d2;
    }

    @Override
    public boolean isKernel() {
        return false;
    }

    @Override
    public String name() {
        return "euclidean";
    }
}
