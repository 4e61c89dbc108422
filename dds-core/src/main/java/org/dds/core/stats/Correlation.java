package org.dds.core.stats;

import org.dds.core.DdsInputException;
import org.dds.core.numeric.Means;

/**
 * Pearson and Spearman correlation of two vectors, and the per-column Spearman correlation between a
 * ground-truth transfer matrix and a DDS affinity matrix (the evaluation protocol of Dwivedi et al. 2020,
 * section 4: for every target column, Spearman over all sources, the diagonal included).
 */
public final class Correlation {
    private Correlation() {
    }

    /**
     * @param a values
     * @param b values, same length (at least 2)
     * @return Pearson's r
     * @throws DdsInputException if a vector is constant (r undefined)
     */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new DdsInputException("correlation needs two vectors of the same length >= 2, got "
                    + a.length + " and " + b.length);
        }
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < a.length; k++) {
            double x = a[k] - ma;
            double y = b[k] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        if (saa == 0 || sbb == 0) {
            throw new DdsInputException("correlation is undefined because one of the vectors is constant");
        }
        return sab / (Math.sqrt(saa) * Math.sqrt(sbb));
    }

    /**
     * @param a values
     * @param b values, same length
     * @return Spearman's rho (Pearson of average ranks)
     */
    public static double spearman(double[] a, double[] b) {
        return pearson(Ranks.average(a), Ranks.average(b));
    }

    /**
     * @param truth    S x K ground truth, truth[i][j] = transfer from source i to target j
     * @param affinity S x K DDS values, same source and target order
     * @return Spearman(truth[:, j], affinity[:, j]) for every column j
     */
    public static double[] columnwiseSpearman(double[][] truth, double[][] affinity) {
        int t = truth.length;
        int k = truth[0].length;
        if (affinity.length != t || affinity[0].length != k) {
            throw new DdsInputException("ground truth is " + t + " x " + k + " but the DDS matrix is "
                    + affinity.length + " x " + affinity[0].length + ": align the models first");
        }
        double[] rho = new double[k];
        for (int j = 0; j < k; j++) {
            double[] a = new double[t];
            double[] b = new double[t];
            for (int i = 0; i < t; i++) {
                a[i] = truth[i][j];
                b[i] = affinity[i][j];
            }
            rho[j] = spearman(a, b);
        }
        return rho;
    }

    /**
     * @param values values
     * @return their mean
     */
    public static double mean(double[] values) {
        // One correction pass: the mean of identical values is that value exactly, so their sd is exactly 0.
        return Means.mean(values, 0, values.length);
    }
}
