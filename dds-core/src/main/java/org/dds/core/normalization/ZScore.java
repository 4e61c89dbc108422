package org.dds.core.normalization;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSource;
import org.dds.core.numeric.ColumnStatistics;
import org.dds.core.numeric.Means;

/**
 * Column z-scoring ("znorm"): (x - m) / s per column with the population standard deviation s (ddof 0).
 *
 * <p>A column whose variance is zero, or indistinguishable from zero given round-off
 * ({@code var <= n eps var + (n eps |m|)^2}), is constant: it becomes exactly 0, as scikit-learn's
 * {@code StandardScaler} does (scale treated as 1 after centring).
 */
public record ZScore() implements Normalization {
    private static final double EPS = Math.ulp(1.0);

    @Override
    public FeatureMatrix apply(FeatureMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] v = FeatureMatrix.unsafeData(x);
        double[] mu = Means.columnMeans(v, n, d);
        double[] out = Means.subtractFromRows(v, mu, n, d);
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int k = 0; k < d; k++) {
                var[k] += out[off + k] * out[off + k];
            }
        }
        double[] sd = deviations(mu, var, n);
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int k = 0; k < d; k++) {
                // Division, not multiplication by 1/s, to round like (x - m) / s.
                out[off + k] = sd[k] == 0.0 ? 0.0 : out[off + k] / sd[k];
            }
        }
        return FeatureMatrix.wrap(x.name(), n, d, out);
    }

    /** The population standard deviations from the sums of squared deviations; 0 marks a constant column. */
    private static double[] deviations(double[] mu, double[] sumOfSquares, int n) {
        double[] sd = new double[mu.length];
        for (int k = 0; k < mu.length; k++) {
            double vk = sumOfSquares[k] / n;
            double tiny = n * EPS * mu[k];
            sd[k] = vk <= n * EPS * vk + tiny * tiny ? 0.0 : Math.sqrt(vk);
        }
        return sd;
    }

    @Override
    public RowBlockNormalizer fit(FeatureSource source) {
        int d = source.cols();
        ColumnStatistics st = ColumnStatistics.of(source, ColumnStatistics.columns(d), d);
        return RowBlockNormalizer.columnAffine(st.mean, deviations(st.mean, st.sumOfSquares, source.rows()));
    }

    @Override
    public String name() {
        return "zscore";
    }

    @Override
    public boolean centresColumns() {
        return true;
    }
}
