package org.dds.core.kernel;

/** The Euclidean distance ||x - y||_2 between rows, computed exactly (no Gram-matrix cancellation). */
public record EuclideanDistance() implements PairwiseFunction {
    @Override
    public double[] matrix(RowGeometry geometry) {
        double[] d2 = geometry.squaredDistances();
        double[] d = new double[d2.length];
        for (int p = 0; p < d2.length; p++) {
            d[p] = Math.sqrt(d2[p]);
        }
        return d;
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
