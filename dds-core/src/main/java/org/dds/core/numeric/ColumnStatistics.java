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
        ColumnStatistics st = means(source, groupOf, groups);
        double[] mean = st.mean;
        double[] ss = st.sumOfSquares;
        pass(source, (buf, values, d) -> {
            for (int p = 0; p < values; p += d) {
                for (int k = 0; k < d; k++) {
                    double t = buf[p + k] - mean[groupOf[k]];
                    ss[groupOf[k]] += t * t;
                }
            }
        });
        return st;
    }

    /**
     * The first two passes of {@link #of} alone: the same means, bit for bit, without the sums of squares (left 0).
     *
     * @param source  the model's rows
     * @param groupOf the group of every column (length d)
     * @param groups  the number of groups
     * @return per group: the corrected mean and the number of values
     */
    public static ColumnStatistics means(FeatureSource source, int[] groupOf, int groups) {
        ColumnStatistics st = new ColumnStatistics(groups);
        double[] sum = new double[groups];
        pass(source, (buf, values, d) -> {
            for (int p = 0; p < values; p += d) {
                for (int k = 0; k < d; k++) {
                    sum[groupOf[k]] += buf[p + k];
                }
            }
        });
        for (int k = 0; k < groupOf.length; k++) {
            st.count[groupOf[k]] += source.rows();
        }
        for (int g = 0; g < groups; g++) {
            st.mean[g] = sum[g] / st.count[g];
        }
        double[] mean = st.mean;
        double[] corr = new double[groups];
        pass(source, (buf, values, d) -> {
            for (int p = 0; p < values; p += d) {
                for (int k = 0; k < d; k++) {
                    corr[groupOf[k]] += buf[p + k] - mean[groupOf[k]];
                }
            }
        });
        for (int g = 0; g < groups; g++) {
            st.mean[g] += corr[g] / st.count[g];
        }
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

    /** Visits a block of rows: values in row-major order, image by image, so sums add in the whole matrix's order. */
    private interface BlockVisitor {
        void accept(double[] block, int values, int d);
    }

    private static void pass(FeatureSource source, BlockVisitor visitor) {
        int n = source.rows();
        int d = source.cols();
        int block = Math.max(1, Math.min(n, BLOCK_VALUES / d));
        double[] buf = new double[block * d];
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            source.read(from, to, buf);
            FeatureSource.checkFinite(source, from, buf, (to - from) * d);
            visitor.accept(buf, (to - from) * d, d);
        }
    }
}
