package org.dds.core.numeric;

import org.dds.core.FeatureMatrix;

/**
 * Rescaling by powers of two, which is exact: features at 1e160 or 1e-200 are brought near 1 before anything is
 * squared, so that sums of squares neither overflow to infinity nor underflow to zero. Values already within
 * [2^-{@value #LIMIT}, 2^{@value #LIMIT}] are left alone (their squares, summed over a few million terms, stay
 * far inside the double range), so ordinary inputs give bit-for-bit the results they gave before.
 */
public final class Scaling {
    /** Binary exponents beyond which values are rescaled. */
    static final int LIMIT = 200;

    private Scaling() {
    }

    /**
     * @param maxAbs the largest absolute value of a block
     * @return the power of two that brings it into [1/2, 1) if it lies outside [2^-LIMIT, 2^LIMIT], else 1 (also
     *         for 0 and non-finite values, which rescaling cannot help)
     */
    public static double factor(double maxAbs) {
        if (!(maxAbs > 0) || !Double.isFinite(maxAbs)) {
            return 1;
        }
        int e = Math.getExponent(maxAbs);
        return e > LIMIT || e < -LIMIT ? Math.scalb(1.0, -e - 1) : 1;
    }

    /**
     * @param x features
     * @return x itself when its values are of moderate size, else x times the power of two of {@link #factor}
     *         (same name and shape)
     */
    public static FeatureMatrix toModerateRange(FeatureMatrix x) {
        double[] v = FeatureMatrix.unsafeData(x);
        double max = 0;
        for (double a : v) {
            max = Math.max(max, Math.abs(a));
        }
        double s = factor(max);
        if (s == 1) {
            return x;
        }
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] * s;
        }
        return FeatureMatrix.wrap(x.name(), x.rows(), x.cols(), out);
    }

    /**
     * @param v    row-major n x d values
     * @param n    rows
     * @param d    columns
     * @return the factor of each column ({@link #factor} of its largest absolute value)
     */
    public static double[] columnFactors(double[] v, int n, int d) {
        double[] max = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int k = 0; k < d; k++) {
                max[k] = Math.max(max[k], Math.abs(v[off + k]));
            }
        }
        for (int k = 0; k < d; k++) {
            max[k] = factor(max[k]);
        }
        return max;
    }
}
