package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

/**
 * H-score (Bao, Li, Huang, Tan, Zhang, Zheng, "An Information-Theoretic Approach to Transferability in Task
 * Transfer Learning", ICIP 2019): how well the features f separate the target classes relative to their spread,
 *
 * <pre>
 *   H(f) = tr( cov(f)^+ cov(E[f | y]) ),
 * </pre>
 *
 * cov(f) the covariance of the features and cov(E[f | y]) that of each image's class mean, both with 1/n (the
 * factor cancels). {@code ^+} is the pseudo-inverse; it keeps the singular values of the centred features above
 * numpy's rank tolerance {@code max(s) max(n, d) eps} (the authors' code uses {@code pinv(rcond=1e-15)}, which
 * keeps rounding noise when the features are rank-deficient). Computed from the thin SVD Xc = U diag(s) V^T of
 * the centred features: with u-bar_{c,k} the mean of u_k over class c, H = sum_c n_c sum_k u-bar_{c,k}^2, so
 * no d x d matrix is formed. When d >= n - 1 the centred features span every direction and H = C - 1 for any
 * features: use {@link RegularizedHScore} there.
 */
public record HScore() implements TransferabilityEstimator {
    @Override
    public String name() {
        return "hscore";
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
        Spectrum x = Spectrum.of(Inputs.centred(features));
        double[][] means = classMeans(x, labels);
        int[] sizes = labels.classSizes();
        double h = 0;
        for (int c = 0; c < sizes.length; c++) {
            double sum = 0;
            for (double m : means[c]) {
                sum += m * m;
            }
            h += sizes[c] * sum;
        }
        return h;
    }

    /**
     * @param x      the SVD of the centred features
     * @param labels the classes
     * @return C x r: the mean over each class of each left singular vector's entries
     */
    static double[][] classMeans(Spectrum x, TargetLabels labels) {
        int[] y = labels.classIndices();
        int[] sizes = labels.classSizes();
        double[][] out = new double[sizes.length][x.rank()];
        for (int k = 0; k < x.rank(); k++) {
            double[] u = x.u()[k];
            for (int i = 0; i < y.length; i++) {
                out[y[i]][k] += u[i];
            }
            for (int c = 0; c < sizes.length; c++) {
                out[c][k] /= sizes[c];
            }
        }
        return out;
    }
}
