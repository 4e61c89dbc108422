package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

/**
 * The regularised H-score (Ibrahim, Ponomareva, Mazumder, "Newer is not always better: Rethinking
 * transferability metrics, their peculiarities, stability and performance", ECML PKDD 2022): {@link HScore} with
 * the feature covariance replaced by its Ledoit-Wolf shrinkage estimate, which stays invertible and stable when
 * d is large next to n,
 *
 * <pre>
 *   H_a(f) = tr( cov_a(f)^-1 (1 - a) cov(E[f | y]) ),    cov_a(f) = (1 - a) S + a mu I,  mu = tr(S) / d,
 * </pre>
 *
 * S the 1/n covariance of the features and a the Ledoit-Wolf (2004, "A well-conditioned estimator for
 * large-dimensional covariance matrices") shrinkage a = min(b2, d2) / d2 with d2 = ||S - mu I||_F^2 / d and
 * b2 = sum_k ||x_k x_k^T - S||_F^2 / (n^2 d) over the centred rows x_k (scikit-learn's {@code ledoit_wolf}).
 * From the thin SVD of the centred features (lambda_k = s_k^2 / n the eigenvalues of S, u-bar_{c,k} the class
 * means of the left singular vectors): H_a = sum_c sum_k (1 - a) (n_c / n) s_k^2 u-bar_{c,k}^2 / ((1 - a) lambda_k
 * + a mu), d2 = sum lambda_k^2 / d - mu^2 and b2 = (sum_k ||x_k||^4 - n sum lambda_k^2) / (n^2 d). With a = 1
 * (the covariance carries no usable information beyond its trace) the score is 0.
 */
public record RegularizedHScore() implements TransferabilityEstimator {
    @Override
    public String name() {
        return "hscore-reg";
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
        double[][] centred = Inputs.centred(features);
        int n = centred.length;
        int d = centred[0].length;
        Spectrum x = Spectrum.of(centred);
        double[] lambda = new double[x.rank()];
        double trace = 0;
        double squares = 0;
        for (int k = 0; k < lambda.length; k++) {
            lambda[k] = x.s()[k] * x.s()[k] / n;
            trace += lambda[k];
            squares += lambda[k] * lambda[k];
        }
        double mu = trace / d;
        double fourth = 0;
        for (double[] row : centred) {
            double r = 0;
            for (double v : row) {
                r += v * v;
            }
            fourth += r * r;
        }
        double d2 = squares / d - mu * mu;
        double b2 = (fourth - n * squares) / ((double) n * n * d);
        double a = d2 <= 0 ? 0 : Math.min(b2, d2) / d2;
        double[][] means = HScore.classMeans(x, labels);
        int[] sizes = labels.classSizes();
        double h = 0;
        for (int c = 0; c < sizes.length; c++) {
            for (int k = 0; k < lambda.length; k++) {
                double s2 = x.s()[k] * x.s()[k];
                h += (1 - a) * sizes[c] / n * s2 * means[c][k] * means[c][k] / ((1 - a) * lambda[k] + a * mu);
            }
        }
        return h;
    }
}
