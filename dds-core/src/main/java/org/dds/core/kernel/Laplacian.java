package org.dds.core.kernel;

import org.dds.core.DdsInputException;

/**
 * The Laplacian kernel k(x, y) = exp(-gamma ||x - y||_1) (scikit-learn's {@code laplacian_kernel}), gamma = 1/d
 * by default, d the number of features.
 *
 * @param gamma the scale, positive; {@code NaN} means 1/d
 */
public record Laplacian(double gamma) implements PairwiseFunction {

    /** Validates gamma. */
    public Laplacian {
        if (!Double.isNaN(gamma) && (!(gamma > 0) || !Double.isFinite(gamma))) {
            throw new DdsInputException("laplacian gamma is not a positive number: " + gamma);
        }
    }

    /** The kernel with gamma = 1/d. */
    public Laplacian() {
        this(Double.NaN);
    }

    @Override
    public double[] matrix(RowGeometry geometry) {
        double g = Double.isNaN(gamma) ? 1.0 / geometry.cols() : gamma;
        double[] k = SymmetricMaps.apply(geometry.manhattanDistances(), geometry.rows(), v -> Math.exp(-g * v));
        requireResolved(k, geometry, g);
        return k;
    }

    /**
     * Refuses a kernel that double precision cannot resolve: when gamma times every distance is below 2^-53 (every
     * entry rounds to 1) or above about 745 (every entry underflows to 0), the matrix would be called constant
     * although the images differ; the cause is the scale of gamma against the features'.
     */
    private static void requireResolved(double[] k, RowGeometry geometry, double g) {
        int n = geometry.rows();
        if (n < 2) {
            return;
        }
        double[] l1 = geometry.manhattanDistances();
        boolean allOne = true;
        boolean allZero = true;
        double d = 0;
        for (int i = 0; i < n && (allOne || allZero); i++) {
            for (int j = i + 1; j < n; j++) {
                allOne &= k[i * n + j] == 1.0;
                allZero &= k[i * n + j] == 0.0;
                d = Math.max(d, l1[i * n + j]);
            }
        }
        if (allOne && d == 0.0) {
            return; // identical images: the kernel really is constant, and g will say so
        }
        if (allOne || allZero) {
            throw new DdsInputException("laplacian kernel of model '" + geometry.name() + "' is " + (allOne ? 1 : 0)
                    + " for every pair of images: gamma " + g + " times their L1 distances (up to " + d + ") is too "
                    + (allOne ? "small" : "large") + " for double precision; pass laplacian:GAMMA with GAMMA near 1/"
                    + d + ", or normalise the features (zscore)");
        }
    }

    @Override
    public double[] block(BlockGeometry tile) {
        double g = Double.isNaN(gamma) ? 1.0 / tile.cols() : gamma;
        double[] l1 = tile.manhattanDistances();
        for (int k = 0; k < l1.length; k++) {
            l1[k] = Math.exp(-g * l1[k]);
        }
        return l1;
    }

    @Override
    public boolean isKernel() {
        return true;
    }

    @Override
    public String name() {
        return "laplacian";
    }

    @Override
    public String toString() {
        return Double.isNaN(gamma) ? "Laplacian(gamma=1/d)" : "Laplacian(gamma=" + gamma + ")";
    }
}
