package org.dds.core.kernel;

import org.dds.core.DdsInputException;

/**
 * The Gaussian (RBF) kernel with a data-dependent bandwidth, as in the authors' code:
 * k(x_i, x_j) = exp(-||x_i - x_j||^2 / (2 t^2 m)), with m the median of all n^2 squared distances (the n zeros
 * of the diagonal included) and t the threshold, 0.5 by default (Kornblith et al. 2019 use the same form).
 *
 * @param threshold t, positive
 */
public record Rbf(double threshold) implements PairwiseFunction {

    /** The authors' default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** Validates the threshold. */
    public Rbf {
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new DdsInputException("rbf threshold is not a positive number: " + threshold);
        }
    }

    /** The kernel with t = 0.5. */
    public Rbf() {
        this(DEFAULT_THRESHOLD);
    }

    @Override
    public double[] matrix(RowGeometry geometry) {
        double[] d2 = geometry.squaredDistances();
        int n = geometry.rows();
        double scale = scale(geometry.name(), medianOfSymmetric(d2, n));
        return SymmetricMaps.apply(d2, n, v -> Math.exp(v * scale));
    }

    @Override
    public double[] block(BlockGeometry tile) {
        double scale = scale(tile.name(), tile.medianSquaredDistance());
        double[] d2 = tile.squaredDistances();
        for (int k = 0; k < d2.length; k++) {
            d2[k] = Math.exp(d2[k] * scale);
        }
        return d2;
    }

    @Override
    public boolean needsMedianSquaredDistance() {
        return true;
    }

    /** -1 / (2 t^2 m) for the median squared distance m; refuses m = 0. */
    private double scale(String model, double m) {
        if (!(m > 0)) {
            throw new DdsInputException("rbf kernel of model '" + model + "' is undefined: the median "
                    + "squared distance between its images is " + m + " (more than half the image pairs coincide);"
                    + " use another f or remove the duplicated images");
        }
        return -1.0 / (2.0 * threshold * threshold * m);
    }

    /**
     * The median of all n^2 entries of a symmetric matrix with zero diagonal and non-negative entries, as numpy
     * computes it (the mean of the two middle values when the count is even), from the sorted strict upper
     * triangle: in sorted order the n^2 entries are the n diagonal zeros, then every off-diagonal value twice.
     */
    static double medianOfSymmetric(double[] m, int n) {
        double[] upper = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                upper[p++] = m[i * n + j];
            }
        }
        long total = (long) n * n;
        return total % 2 == 1 ? entry(upper, n, total / 2)
                : (entry(upper, n, total / 2 - 1) + entry(upper, n, total / 2)) / 2.0;
    }

    /** The k-th (0-based) of the n^2 entries in sorted order; reorders {@code upper}. */
    private static double entry(double[] upper, int n, long k) {
        return k < n ? 0.0 : Selection.kth(upper, (int) ((k - n) / 2));
    }

    /** Scaling the rows by c scales this f by a positive factor (or not at all). */
    @Override
    public boolean scaleInvariant() {
        return true;
    }

    @Override
    public boolean isKernel() {
        return true;
    }

    @Override
    public String name() {
        return "rbf";
    }

    @Override
    public String toString() {
        return "Rbf(threshold=" + threshold + ")";
    }
}
