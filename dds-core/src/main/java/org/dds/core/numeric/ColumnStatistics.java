package org.dds.core.numeric;

import org.dds.core.FeatureSource;

/**
 * Means and sums of squared deviations of groups of columns over all rows of a streamed model, in three passes
 * over its row blocks (sum, the correction pass of {@link Means}, squared deviations). The
 * values are added in the order the whole-matrix normalisations add them (image by image, columns in order), so
 * the statistics are the same bits as theirs.
 */
public final class ColumnStatistics {
    /** Rows read per block: bounded memory whatever n is. */
    private static final int BLOCK_VALUES = 1 << 20;

    /** Per group: the corrected mean. */
    public final double[] mean;
    /** Per group: the sum of squared deviations from the mean. */
    public final double[] sumOfSquares;
    /** Per group: the number of values. */
    public final double[] count;

    private ColumnStatistics(int groups) {
        mean = new double[groups];
        sumOfSquares = new double[groups];
        count = new double[groups];
    }

    /**
     * @param source  the model's rows
     * @param groupOf the group of every column (length d)
     * @param groups  the number of groups
     * @return per group: the corrected mean, the sum of squared deviations from it, the number of values
     */
    public static ColumnStatistics of(FeatureSource source, int[] groupOf, int groups) {
        ColumnStatistics st = new ColumnStatistics(groups);
        double[] sum = new double[groups];
        pass(source, (v, k) -> sum[groupOf[k]] += v);
        for (int k = 0; k < groupOf.length; k++) {
            st.count[groupOf[k]] += source.rows();
        }
        for (int g = 0; g < groups; g++) {
            st.mean[g] = sum[g] / st.count[g];
        }
        double[] corr = new double[groups];
        pass(source, (v, k) -> corr[groupOf[k]] += v - st.mean[groupOf[k]]);
        for (int g = 0; g < groups; g++) {
            st.mean[g] += corr[g] / st.count[g];
        }
        pass(source, (v, k) -> {
            double t = v - st.mean[groupOf[k]];
            st.sumOfSquares[groupOf[k]] += t * t;
        });
        return st;
    }

    /** @return 0, 1, ..., d-1: every column its own group */
    public static int[] columns(int d) {
        int[] g = new int[d];
        for (int k = 0; k < d; k++) {
            g[k] = k;
        }
        return g;
    }

    private interface ValueVisitor {
        void accept(double value, int column);
    }

    private static void pass(FeatureSource source, ValueVisitor visitor) {
        int n = source.rows();
        int d = source.cols();
        int block = Math.max(1, Math.min(n, BLOCK_VALUES / d));
        double[] buf = new double[block * d];
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            source.read(from, to, buf);
            FeatureSource.checkFinite(source, from, buf, (to - from) * d);
            for (int p = 0, e = (to - from) * d; p < e; p++) {
                visitor.accept(buf[p], p % d);
            }
        }
    }
}
