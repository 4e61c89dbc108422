package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

import org.dds.core.DdsInputException;

/**
 * LogME, the logarithm of maximum evidence (You, Liu, Wang, Long, "LogME: Practical Assessment of Pre-trained
 * Models for Transfer Learning", ICML 2021). For each target column y (the one-hot columns of the classes, or
 * each regression target) a Bayesian linear model y ~ N(F w, 1/beta), w ~ N(0, 1/alpha) on the raw features F
 * (n x D, not centred) has the evidence
 *
 * <pre>
 *   L(alpha, beta) = n/2 log beta + D/2 log alpha - n/2 log 2 pi - beta/2 ||F m - y||^2 - alpha/2 m^T m
 *                    - 1/2 log det(alpha I + beta F^T F),     m = beta (alpha I + beta F^T F)^-1 F^T y,
 * </pre>
 *
 * maximised by the paper's fixed point (its Algorithm 1): gamma = sum_i beta s_i^2 / (alpha + beta s_i^2),
 * alpha = gamma / m^T m, beta = (n - gamma) / ||F m - y||^2, s_i the singular values of F. The score is the mean
 * over the target columns of L / n at the fixed point.
 *
 * <p>Numerics: everything goes through the thin SVD F = U diag(s) V^T (no D x D matrix, so n < D works):
 * with p = U^T y, m^T m = sum (beta s_i p_i / (alpha + beta s_i^2))^2, ||F m - y||^2 = sum (alpha p_i / (alpha +
 * beta s_i^2))^2 + ||y - U p||^2 and log det = sum log(alpha + beta s_i^2) + (D - r) log alpha. The iteration
 * starts at alpha = beta = 1 and stops when both change by less than 1e-10 relative (the authors' code stops at
 * 1e-2 on alpha / beta and so reports whatever 11 iterations reached). Where the iteration heads for a boundary
 * of (alpha, beta), the supremum of the evidence is its limit there, in closed form, taken once the iteration is
 * within 1e-10 of it:
 * <ul>
 *   <li>alpha to infinity (the features carry no linear evidence for the column; beta s_max^2 / alpha below
 *       1e-10): the noise-only model, beta = n / ||y||^2, evidence / n = -1/2 (log(2 pi ||y||^2 / n) + 1);</li>
 *   <li>beta to infinity (the features interpolate the column, as they do when n <= D: LogME's known failure with
 *       fewer images than features, where the authors' code reports an unconverged value; alpha / (beta s_min^2)
 *       below 1e-10): the noise-free model y ~ N(0, F F^T / alpha), alpha = n / y^T (F F^T)^-1 y.</li>
 * </ul>
 * A column that does not settle, or that is fitted exactly by features of rank below n (infinite evidence), is
 * refused, never reported as a number.
 */
public record LogMe() implements TransferabilityEstimator {
    /** Relative change of alpha and of beta below which the fixed point counts as reached. */
    public static final double CONVERGENCE = 1e-10;

    /**
     * How close to a boundary the iteration may come before the boundary's limit is taken: beta s_max^2 / alpha
     * below it (the prior has switched the features off; alpha is heading for infinity), or alpha / (beta
     * s_min^2) below it (the noise is negligible in every direction; beta is heading for infinity).
     */
    static final double BOUNDARY = 1e-10;

    /** Iterations after which a column whose alpha or beta still moves is refused. */
    static final int MAX_ITERATIONS = 100_000;

    @Override
    public String name() {
        return "logme";
    }

    @Override
    public EstimatorInput input() {
        return EstimatorInput.FEATURES;
    }

    @Override
    public Set<TargetKind> targetKinds() {
        return EnumSet.allOf(TargetKind.class);
    }

    @Override
    public double score(double[][] features, TargetLabels labels) {
        Inputs.check(this, features, labels);
        Spectrum spectrum = Spectrum.of(features);
        int d = features[0].length;
        double[][] columns = labels.targetColumns();
        double sum = 0;
        for (int j = 0; j < columns.length; j++) {
            sum += evidence(spectrum, d, columns[j], j);
        }
        return sum / columns.length;
    }

    /**
     * @param f      the SVD of the features
     * @param d      D, the number of features
     * @param y      one target column
     * @param column its index, for the message
     * @return the maximum log evidence divided by n
     */
    static double evidence(Spectrum f, int d, double[] y, int column) {
        int n = y.length;
        double[] s = f.s();
        double[] p = f.project(y);
        double outside = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i];
            for (int k = 0; k < s.length; k++) {
                r -= f.u()[k][i] * p[k];
            }
            outside += r * r;
        }
        double alpha = 1;
        double beta = 1;
        double s2max = 0;
        double s2min = Double.POSITIVE_INFINITY;
        for (double si : s) {
            s2max = Math.max(s2max, si * si);
            s2min = Math.min(s2min, si * si);
        }
        boolean settled = false;
        for (int it = 0; it < MAX_ITERATIONS && !settled; it++) {
            Fit fit = Fit.at(alpha, beta, s, p, outside);
            double nextAlpha = fit.gamma / fit.mm;
            double nextBeta = (n - fit.gamma) / fit.residual;
            if (nextAlpha > 0 && nextBeta > 0 && Double.isFinite(nextBeta)
                    && !(nextBeta * s2max >= BOUNDARY * nextAlpha)) {
                return noiseOnly(y);
            }
            if (nextAlpha > 0 && nextBeta > 0 && Double.isFinite(nextAlpha)
                    && !(nextAlpha >= BOUNDARY * nextBeta * s2min) && s.length == n) {
                return noiseFree(s, p);
            }
            if (!(nextAlpha > 0 && nextBeta > 0 && Double.isFinite(nextAlpha) && Double.isFinite(nextBeta))) {
                break;
            }
            settled = Math.abs(nextAlpha - alpha) <= CONVERGENCE * nextAlpha
                    && Math.abs(nextBeta - beta) <= CONVERGENCE * nextBeta;
            alpha = nextAlpha;
            beta = nextBeta;
        }
        if (!settled) {
            double a = alpha;
            double b = beta;
            throw new DdsInputException(p2 -> "LogME's evidence for target column " + column + " has no finite"
                    + " maximum (alpha " + a + ", beta " + b + " after the fixed-point iteration): the "
                    + p2.apply("features") + " fit the " + p2.apply("labels") + " exactly; use more images than"
                    + " features or another method");
        }
        Fit fit = Fit.at(alpha, beta, s, p, outside);
        double logDet = (d - s.length) * Math.log(alpha);
        for (double si : s) {
            logDet += Math.log(alpha + beta * si * si);
        }
        double evidence = n / 2.0 * Math.log(beta) + d / 2.0 * Math.log(alpha) - n / 2.0 * Math.log(2 * Math.PI)
                - beta / 2 * fit.residual - alpha / 2 * fit.mm - logDet / 2;
        return evidence / n;
    }

    /**
     * The evidence's limit as alpha goes to infinity (w = 0: y is noise of precision beta = n / ||y||^2), divided
     * by n: -1/2 (log(2 pi ||y||^2 / n) + 1).
     */
    static double noiseOnly(double[] y) {
        double yy = 0;
        for (double v : y) {
            yy += v * v;
        }
        return -0.5 * (Math.log(2 * Math.PI * yy / y.length) + 1);
    }

    /**
     * The evidence's limit as beta goes to infinity when the n x n Gram matrix K = F F^T = U diag(s^2) U^T has
     * full rank (every column is fitted exactly, which happens when n <= D): y ~ N(0, K / alpha) with alpha = n /
     * y^T K^-1 y, divided by n: (n/2 log alpha - n/2 log 2 pi - 1/2 sum log s_k^2 - n/2) / n.
     */
    static double noiseFree(double[] s, double[] p) {
        int n = s.length;
        double quadratic = 0;
        double logDet = 0;
        for (int k = 0; k < n; k++) {
            quadratic += p[k] * p[k] / (s[k] * s[k]);
            logDet += 2 * Math.log(s[k]);
        }
        double alpha = n / quadratic;
        return 0.5 * Math.log(alpha) - 0.5 * Math.log(2 * Math.PI) - logDet / (2.0 * n) - 0.5;
    }

    /** The posterior mean's squared norm, the residual and gamma at one (alpha, beta). */
    private record Fit(double gamma, double mm, double residual) {
        static Fit at(double alpha, double beta, double[] s, double[] p, double outside) {
            double gamma = 0;
            double mm = 0;
            double residual = outside;
            for (int k = 0; k < s.length; k++) {
                double s2 = s[k] * s[k];
                double denominator = alpha + beta * s2;
                gamma += beta * s2 / denominator;
                double m = beta * s[k] * p[k] / denominator;
                mm += m * m;
                double r = alpha * p[k] / denominator;
                residual += r * r;
            }
            return new Fit(gamma, mm, residual);
        }
    }
}
