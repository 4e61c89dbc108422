package org.dds.core.normalization;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSource;
import org.dds.core.numeric.ColumnStatistics;
import org.dds.core.numeric.Means;

/** Column centring: X - 1 m^T, m the column means over the n images (corrected, see {@link Means}). */
public record Centering() implements Normalization {
    @Override
    public FeatureMatrix apply(FeatureMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] v = FeatureMatrix.unsafeData(x);
        double[] mu = Means.columnMeans(v, n, d);
        double[] out = Means.subtractFromRows(v, mu, n, d);
        return FeatureMatrix.wrap(x.name(), n, d, out);
    }

    @Override
    public RowBlockNormalizer fit(FeatureSource source) {
        int d = source.cols();
        double[] one = new double[d];
        java.util.Arrays.fill(one, 1.0);
        return RowBlockNormalizer.columnAffine(ColumnStatistics.means(source, ColumnStatistics.columns(d), d).mean, one);
    }

    @Override
    public String name() {
        return "centering";
    }

    @Override
    public boolean centresColumns() {
        return true;
    }
}
