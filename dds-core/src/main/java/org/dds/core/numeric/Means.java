package org.dds.core.numeric;

/**
 * Means with one correction pass: after the plain mean m, the mean of the residuals (x - m) is added back. The
 * mean of a constant block is then that constant exactly, and a large common offset leaves no rounding residue
 * of the size eps * offset in the centred values.
 */
public final class Means {
    private Means() {
    }

    /**
     * @param data row-major n x d values
     * @param n    rows
     * @param d    columns
     * @return the d column means, corrected
     */
    public static double[] columnMeans(double[] data, int n, int d) {
        double[] mu = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int k = 0; k < d; k++) {
                mu[k] += data[off + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mu[k] /= n;
        }
        double[] corr = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int k = 0; k < d; k++) {
                corr[k] += data[off + k] - mu[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mu[k] += corr[k] / n;
        }
        return mu;
    }

    /**
     * @param data   values
     * @param idx    positions in {@code data} to average
     * @return the corrected mean of data[idx[*]]
     */
    public static double mean(double[] data, int[] idx) {
        double s = 0;
        for (int p : idx) {
            s += data[p];
        }
        double m = s / idx.length;
        double c = 0;
        for (int p : idx) {
            c += data[p] - m;
        }
        return m + c / idx.length;
    }

    /**
     * @param data values
     * @param from first position
     * @param len  number of consecutive values
     * @return the corrected mean of data[from .. from+len)
     */
    public static double mean(double[] data, int from, int len) {
        double s = 0;
        for (int k = from; k < from + len; k++) {
            s += data[k];
        }
        double m = s / len;
        double c = 0;
        for (int k = from; k < from + len; k++) {
            c += data[k] - m;
        }
        return m + c / len;
    }

    /**
     * Writes (v[q] - m) / sqrt(var + eps) to out[q] for every q in idx, m and var the (corrected) mean and the
     * population variance of those values: the normalisation step shared by batch and group normalisation.
     *
     * @param v   values
     * @param idx positions of one normalisation group
     * @param eps added to the variance
     * @param out where the normalised values go (same positions)
     */
    public static void standardize(double[] v, int[] idx, double eps, double[] out) {
        double max = 0;
        for (int q : idx) {
            max = Math.max(max, Math.abs(v[q]));
        }
        // Large values are scaled down by a power of two s (exactly) so that their squares stay finite:
        // (v - m) / sqrt(var + eps) = (s v - s m) / sqrt(s^2 var + s^2 eps). Small ones are left alone, as eps
        // then dominates the variance anyway.
        double s = Math.min(1, Scaling.factor(max));
        double m = s == 1 ? mean(v, idx) : scaledMean(v, idx, s);
        double ss = 0;
        for (int q : idx) {
            double t = v[q] * s - m;
            ss += t * t;
        }
        double sd = Math.sqrt(ss / idx.length + eps * s * s);
        for (int q : idx) {
            out[q] = (v[q] * s - m) / sd;
        }
    }

    private static double scaledMean(double[] v, int[] idx, double s) {
        double[] scaled = new double[idx.length];
        int[] at = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            scaled[k] = v[idx[k]] * s;
            at[k] = k;
        }
        return mean(scaled, at);
    }

    /**
     * @param data row-major n x d values
     * @param mu   the d values to subtract
     * @param n    rows
     * @param d    columns
     * @return data - 1 mu^T, a new array
     */
    public static double[] subtractFromRows(double[] data, double[] mu, int n, int d) {
        double[] out = new double[data.length];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int k = 0; k < d; k++) {
                out[off + k] = data[off + k] - mu[k];
            }
        }
        return out;
    }
}
