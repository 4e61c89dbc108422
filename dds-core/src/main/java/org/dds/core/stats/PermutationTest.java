package org.dds.core.stats;

import java.util.SplittableRandom;

/**
 * Two-sided permutation p-value of a Spearman correlation: the share of random pairings (one vector shuffled)
 * whose |rho| is at least the observed |rho|, counted as (hits + 1) / (permutations + 1) so that it is never 0
 * (Phipson and Smyth 2010). Seeded: the same vectors, count and seed give the same p-value.
 */
public final class PermutationTest {
    private PermutationTest() {
    }

    /**
     * @param a            values
     * @param b            values, same length
     * @param permutations number of random permutations, e.g. 10000
     * @param seed         seed
     * @return the p-value in (0, 1]
     */
    public static double spearman(double[] a, double[] b, int permutations, long seed) {
        double[] ra = Ranks.average(a);
        double[] rb = Ranks.average(b);
        double observed = Math.abs(Correlation.pearson(ra, rb));
        SplittableRandom random = new SplittableRandom(seed);
        double[] shuffled = rb.clone();
        int hits = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            // Ranks are permuted with the values, so rho of the shuffled ranks is rho of the shuffled values.
            if (Math.abs(Correlation.pearson(ra, shuffled)) >= observed - 1e-12) {
                hits++;
            }
        }
        return (hits + 1.0) / (permutations + 1.0);
    }
}
