package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

/**
 * GBC, the Gaussian Bhattacharyya coefficient (Pandy, Agostinelli, Uijlings, Ferrari, Mensink, "Transferability
 * Estimation using Bhattacharyya Class Separability", CVPR 2022): how much the target classes overlap in feature
 * space, each class c modelled as a Gaussian with mean mu_c and diagonal covariance (population variances),
 *
 * <pre>
 *   GBC = - sum_{i != j} BC(c_i, c_j),   BC = exp(-D_B),
 *   D_B = 1/8 (mu_i - mu_j)^T S^-1 (mu_i - mu_j) + 1/2 log( det S / sqrt(det S_i det S_j) ),  S = (S_i + S_j) / 2,
 * </pre>
 *
 * between -C (C - 1) (all classes on top of each other) and 0 (fully separated). A feature with zero variance in
 * a class takes the limit of a vanishing variance: it adds nothing to D_B when it is constant and equal in both
 * classes (a dead unit), and makes D_B infinite (BC = 0) otherwise. The authors reduce the features to 64
 * dimensions by PCA first; that is not part of the formula and not done here. Diagonal covariances make GBC
 * depend on the features' coordinate axes: it is not invariant to rotating them.
 */
public record Gbc() implements TransferabilityEstimator {
    @Override
    public String name() {
        return "gbc";
    }

    @Override
    public EstimatorInput input() {
        return EstimatorInput.FEATURES;
    }

    @Override
    public Set<TargetKind> targetKinds() {
        return EnumSet.of(TargetKind.CLASSIFICATION);
    }

    @Override
    public double score(double[][] features, TargetLabels labels) {
        Inputs.check(this, features, labels);
        int d = features[0].length;
        int classes = labels.classCount();
        int[] y = labels.classIndices();
        int[] sizes = labels.classSizes();
        double[][] mean = new double[classes][d];
        double[][] var = new double[classes][d];
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < d; k++) {
                mean[y[i]][k] += features[i][k];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < d; k++) {
                mean[c][k] /= sizes[c];
            }
        }
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < d; k++) {
                double t = features[i][k] - mean[y[i]][k];
                var[y[i]][k] += t * t;
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < d; k++) {
                var[c][k] /= sizes[c];
            }
        }
        double sum = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = i + 1; j < classes; j++) {
                sum += 2 * Math.exp(-bhattacharyya(mean[i], var[i], mean[j], var[j]));
            }
        }
        return sum == 0 ? 0 : -sum;
    }

    /** D_B of two diagonal Gaussians; infinite where a zero variance makes them mutually singular. */
    static double bhattacharyya(double[] m1, double[] v1, double[] m2, double[] v2) {
        double total = 0;
        for (int k = 0; k < m1.length; k++) {
            if (v1[k] == 0 || v2[k] == 0) {
                if (v1[k] == 0 && v2[k] == 0 && m1[k] == m2[k]) {
                    continue;
                }
                return Double.POSITIVE_INFINITY;
            }
            double v = (v1[k] + v2[k]) / 2;
            double dm = m1[k] - m2[k];
            total += dm * dm / (8 * v) + 0.5 * Math.log(v / Math.sqrt(v1[k] * v2[k]));
        }
        return total;
    }
}
