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
        return SymmetricMaps.apply(geometry.manhattanDistances(), geometry.rows(), v -> Math.exp(-g * v));
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
