package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

import org.dds.core.DdsInputException;

/**
 * TransRate (Huang, Huang, Rong, Yang, Wei, "Frustratingly Easy Transferability Estimation", ICML 2022): the
 * mutual information between features and labels measured by the coding rate of Ma et al. (2007) / Yu et al.
 * (MCR^2, 2020),
 *
 * <pre>
 *   TrR = R(Z) - sum_c (n_c / n) R(Z_c),    R(Z) = 1/2 log det( I_d + d / (n eps^2) Z^T Z ),
 * </pre>
 *
 * Z the features centred over all n images and Z_c its n_c rows of class c. The distortion is set, as in the
 * authors' code, by {@code eps = eps^2 / d} (default 1e-4), so R(Z) = 1/2 log det(I + Z^T Z / (n eps)). The
 * paper weighs each class by n_c / n, as here (the authors' code by 1 / C; the same for balanced classes). The
 * log-determinants are sums of log(1 + s_k^2 / (n eps)) over the singular values of Z (no d x d matrix). Invariant
 * to rotations of the features, not to their scale.
 *
 * @param eps the distortion eps^2 / d, positive
 */
public record TransRate(double eps) implements TransferabilityEstimator {
    /** The authors' default distortion. */
    public static final double DEFAULT_EPS = 1e-4;

    /** Validates eps. */
    public TransRate {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            double e = eps;
            throw new DdsInputException(p -> "TransRate's " + p.apply("eps") + " is " + e + ": give a positive"
                    + " distortion, e.g. 1e-4");
        }
    }

    /** TransRate with the authors' distortion 1e-4. */
    public TransRate() {
        this(DEFAULT_EPS);
    }

    @Override
    public String name() {
        return "transrate";
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
        double[][] z = Inputs.centred(features);
        int n = z.length;
        int[] y = labels.classIndices();
        int[] sizes = labels.classSizes();
        double conditional = 0;
        for (int c = 0; c < sizes.length; c++) {
            double[][] rows = new double[sizes[c]][];
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] == c) {
                    rows[next++] = z[i];
                }
            }
            conditional += (double) sizes[c] / n * codingRate(rows);
        }
        return codingRate(z) - conditional;
    }

    private double codingRate(double[][] z) {
        double rate = 0;
        for (double s : Spectrum.of(z).s()) {
            rate += Math.log1p(s * s / (z.length * eps));
        }
        return rate / 2;
    }
}
