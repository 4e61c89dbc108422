package org.dds.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.dds.core.DdsInputException;

/**
 * Seeded resampling of image indices and percentile intervals for bootstrap confidence intervals (Efron and
 * Tibshirani 1993, ch. 13). Every draw takes its own {@link SplittableRandom}, split per replicate from one seed,
 * so the same seed gives the same draws in any order of evaluation.
 */
public final class Resampling {
    private Resampling() {
    }

    /**
     * k distinct indices from 0..n-1, uniformly, in increasing order (a partial Fisher-Yates shuffle).
     *
     * @param n      population size
     * @param k      sample size, 1..n
     * @param random the replicate's generator
     * @return sorted indices
     */
    public static int[] withoutReplacement(int n, int k, SplittableRandom random) {
        if (k < 1 || k > n) {
            throw new DdsInputException("cannot draw " + k + " of " + n + " images without replacement: choose a"
                    + " sample size between 1 and " + n);
        }
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, k);
        Arrays.sort(out);
        return out;
    }

    /**
     * n indices from 0..n-1 with replacement (a bootstrap sample), in increasing order.
     *
     * @param n      population size
     * @param random the replicate's generator
     * @return sorted indices (repeats allowed)
     */
    public static int[] withReplacement(int n, SplittableRandom random) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(n);
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The q-quantile with linear interpolation between order statistics (numpy's default, "type 7").
     *
     * @param values finite values
     * @param q      in [0, 1]
     * @return the quantile
     */
    public static double quantile(double[] values, double q) {
        if (values.length == 0 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile " + q + " of " + values.length + " values");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /**
     * @param replicates bootstrap replicates of a statistic
     * @param level      confidence level, e.g. 0.95
     * @return the percentile interval {lower, upper}
     */
    public static double[] percentileInterval(double[] replicates, double level) {
        double alpha = (1 - level) / 2;
        return new double[] {quantile(replicates, alpha), quantile(replicates, 1 - alpha)};
    }

    /**
     * @param values values
     * @return their population standard deviation (ddof 0), as the paper reports bootstrap spread
     */
    public static double populationSd(double[] values) {
        double m = Correlation.mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / values.length);
    }
}
