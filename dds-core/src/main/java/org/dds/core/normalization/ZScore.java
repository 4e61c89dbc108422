package org.dds.core.normalization;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSource;
import org.dds.core.numeric.ColumnStatistics;
import org.dds.core.numeric.Means;
import org.dds.core.numeric.Scaling;

/**
 * Column z-scoring ("znorm"): (x - m) / s per column with the population standard deviation s (ddof 0).
 *
 * <p>A column whose variance is zero, or indistinguishable from zero given round-off
 * ({@code var <= n eps var + (n eps |m|)^2}), is constant: it becomes exactly 0, as scikit-learn's
 * {@code StandardScaler} does (scale treated as 1 after centring).
 *
 * <p>The result does not depend on any column's scale, and neither does the computation: a column whose values lie
 * far from 1 (e.g. 1e160 or 1e-200) is first multiplied by an exact power of two ({@link Scaling}), so that its
 * squares neither overflow nor underflow.
 */
public record ZScore() implements Normalization {
    private static final double EPS = Math.ulp(1.0);

    @Override
    public FeatureMatrix apply(FeatureMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] v = scaledColumns(FeatureMatrix.unsafeData(x), n, d);
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

    /** @return v, or a copy with every column of extreme scale multiplied by its power of two */
    private static double[] scaledColumns(double[] v, int n, int d) {
        double[] s = Scaling.columnFactors(v, n, d);
        boolean any = false;
        for (double f : s) {
            any |= f != 1;
        }
        if (!any) {
            return v;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int k = 0; k < d; k++) {
                out[off + k] = v[off + k] * s[k];
            }
        }
        return out;
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
