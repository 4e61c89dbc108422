package org.dds.core.kernel;

import java.util.Arrays;

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
        double m = median(d2);
        if (!(m > 0)) {
            throw new DdsInputException("rbf kernel of model '" + geometry.name() + "' is undefined: the median "
                    + "squared distance between its images is " + m + " (more than half the image pairs coincide);"
                    + " use another f or remove the duplicated images");
        }
        double scale = -1.0 / (2.0 * threshold * threshold * m);
        double[] k = new double[d2.length];
        for (int p = 0; p < d2.length; p++) {
            k[p] = Math.exp(d2[p] * scale);
        }
        return k;
    }

    /** Median as numpy computes it: the mean of the two middle values when the count is even. */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int len = s.length;
        return (len % 2 == 1) ? s[len / 2] : (s[len / 2 - 1] + s[len / 2]) / 2.0;
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
