package org.dds.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.dds.core.DdsInputException;

/**
 * Weighted Kendall's tau with hyperbolic, additive weights (Vigna, "A weighted correlation index for rankings with
 * ties", WWW 2015), as {@code scipy.stats.weightedtau(x, y)} computes it with its defaults. Pairs of elements near
 * the top of a ranking weigh more than pairs near the bottom, which is what a ranking of transfer sources is for:
 * getting the best sources right matters more than ordering the worst.
 *
 * <p>For a ranking {@code rank} (0 = top), the pair (i, j) weighs {@code w_ij = 1/(rank_i + 1) + 1/(rank_j + 1)}, and
 * <pre>
 *   tau_rank(a, b) = sum_{i<j} w_ij sgn(a_i - a_j) sgn(b_i - b_j)
 *                    / ( sqrt(sum_{i<j} w_ij [a_i != a_j]) * sqrt(sum_{i<j} w_ij [b_i != b_j]) ),
 * </pre>
 * ties contributing 0 to the numerator and nothing to their vector's norm. The ranking is the decreasing
 * lexicographic order of (a, b): larger a first, larger b first among equal a, and among elements equal in both the
 * later index first (scipy's stable {@code lexsort} reversed). The statistic is the average of tau with the ranking
 * by (x, y) and with the ranking by (y, x), so it is symmetric in x and y. This is the O(m^2) definition; scipy
 * computes the same sums in O(m log m) by Knight's merge sort, which for the tens of sources scored here buys
 * nothing.
 */
public final class WeightedTau {
    private WeightedTau() {
    }

    /**
     * @param x values, e.g. the ground truth of each source (larger is better)
     * @param y values, same length (at least 2), e.g. a method's score of each source
     * @return the weighted tau in [-1, 1]
     * @throws DdsInputException if the lengths differ or a vector is constant (tau undefined)
     */
    public static double of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new DdsInputException("weighted tau needs two vectors of the same length >= 2, got " + x.length
                    + " and " + y.length);
        }
        return (ranked(x, y, decreasingRanks(x, y)) + ranked(y, x, decreasingRanks(y, x))) / 2;
    }

    /**
     * @param a primary key
     * @param b secondary key
     * @return rank[i] = position of i in decreasing (a, b) order, 0 for the top; later index first on full ties
     */
    static int[] decreasingRanks(double[] a, double[] b) {
        int m = a.length;
        Integer[] ascending = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(ascending, Comparator.<Integer>comparingDouble(i -> a[i]).thenComparingDouble(i -> b[i])
                .thenComparingInt(i -> i));
        int[] rank = new int[m];
        for (int k = 0; k < m; k++) {
            rank[ascending[m - 1 - k]] = k;
        }
        return rank;
    }

    private static double ranked(double[] a, double[] b, int[] rank) {
        double num = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                double w = 1.0 / (rank[i] + 1) + 1.0 / (rank[j] + 1);
                int sa = Double.compare(a[i], a[j]);
                int sb = Double.compare(b[i], b[j]);
                num += w * Integer.signum(sa) * Integer.signum(sb);
                normA += sa != 0 ? w : 0;
                normB += sb != 0 ? w : 0;
            }
        }
        if (normA == 0 || normB == 0) {
            throw new DdsInputException("weighted tau is undefined because one of the vectors is constant");
        }
        return num / Math.sqrt(normA) / Math.sqrt(normB);
    }
}
