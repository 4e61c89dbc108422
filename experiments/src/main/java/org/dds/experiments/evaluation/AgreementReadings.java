package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.Resampling;

/**
 * The agreement of two transfer matrices (sources x targets) under each reading of a protocol that the paper states
 * in one sentence: for every target column, a correlation between the two matrices over the sources, then a summary
 * over the targets. The readings differ in the three choices the sentence leaves open: the mean or the median over
 * the targets, each column with or without its diagonal entry (the target as its own source), and Spearman's rho
 * (average ranks for ties) or Pearson's r. SPEC section 4's protocol, the headline, is the mean, with the diagonal,
 * Spearman.
 */
public final class AgreementReadings {

    /**
     * One reading and its value.
     *
     * @param median   true for the median over the targets (numpy's, the middle value or the mean of the two), false
     *                 for the mean
     * @param diagonal true when each column keeps its diagonal entry
     * @param pearson  true for Pearson's r, false for Spearman's rho
     * @param perTask  the correlation per target
     * @param value    the summary over the targets
     */
    public record Reading(boolean median, boolean diagonal, boolean pearson, double[] perTask, double value) {
        /** Copies the vector. */
        public Reading {
            perTask = perTask.clone();
        }

        /** @return a copy of the per-target correlations */
        @Override
        public double[] perTask() {
            return perTask.clone();
        }

        /** @return true for SPEC section 4's protocol: mean, diagonal included, Spearman */
        public boolean isProtocol() {
            return !median && diagonal && !pearson;
        }

        /** @return e.g. "median over targets, without the diagonal, Spearman" */
        public String label() {
            return (median ? "median" : "mean") + " over targets, " + (diagonal ? "with" : "without")
                    + " the diagonal, " + (pearson ? "Pearson" : "Spearman");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reading r && median == r.median && diagonal == r.diagonal && pearson == r.pearson
                    && java.util.Arrays.equals(perTask, r.perTask) && Double.compare(value, r.value) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(median, diagonal, pearson, value);
        }

        @Override
        public String toString() {
            return "Reading(" + label() + " = " + value + ")";
        }
    }

    private AgreementReadings() {
    }

    /**
     * @param a square matrix, a[i][j] for source i and target j
     * @param b the other, same tasks in the same order
     * @return the 8 readings: the protocol first, then mean before median, with before without the diagonal,
     *         Spearman before Pearson
     * @throws DdsInputException if the matrices are not square of the same size (at least 4 tasks, so that 3 sources
     *                           remain without the diagonal), or a column is constant under a reading
     */
    public static List<Reading> all(double[][] a, double[][] b) {
        int k = a.length;
        if (k < 4 || b.length != k) {
            throw new DdsInputException("agreement readings need two square matrices of the same size, at least 4"
                    + " tasks, got " + k + " and " + b.length + " rows");
        }
        for (int i = 0; i < k; i++) {
            if (a[i].length != k || b[i].length != k) {
                throw new DdsInputException("row " + i + " has " + a[i].length + " and " + b[i].length
                        + " values: the matrices must be " + k + " x " + k);
            }
        }
        List<Reading> out = new ArrayList<>();
        for (boolean median : new boolean[] {false, true}) {
            for (boolean diagonal : new boolean[] {true, false}) {
                for (boolean pearson : new boolean[] {false, true}) {
                    double[] rho = new double[k];
                    for (int j = 0; j < k; j++) {
                        double[] x = column(a, j, diagonal);
                        double[] y = column(b, j, diagonal);
                        rho[j] = pearson ? Correlation.pearson(x, y) : Correlation.spearman(x, y);
                    }
                    double value = median ? Resampling.quantile(rho, 0.5) : Correlation.mean(rho);
                    out.add(new Reading(median, diagonal, pearson, rho, value));
                }
            }
        }
        return out;
    }

    private static double[] column(double[][] m, int j, boolean diagonal) {
        double[] c = new double[diagonal ? m.length : m.length - 1];
        int n = 0;
        for (int i = 0; i < m.length; i++) {
            if (diagonal || i != j) {
                c[n++] = m[i][j];
            }
        }
        return c;
    }
}
