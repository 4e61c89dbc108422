package org.dds.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranks 1..m with ties given their average rank (scipy's {@code rankdata(method='average')}).
 *
 * <p>Values computed in floating point can miss a tie that holds in exact arithmetic by a few ulps, and a Spearman
 * correlation jumps when that happens. {@link #averageComputed} therefore treats values that agree to
 * {@value #COMPUTED_TIE_TOLERANCE} (relative) as tied; {@link #average} uses exact equality, for data read from
 * files.
 */
public final class Ranks {

    /** Relative difference below which two computed values are one tie. */
    public static final double COMPUTED_TIE_TOLERANCE = 1e-14;

    private Ranks() {
    }

    /**
     * @param values finite values
     * @return their average ranks, 1-based; ties by exact equality
     */
    public static double[] average(double[] values) {
        return average(values, 0.0);
    }

    /**
     * @param values finite values computed in floating point
     * @return their average ranks, 1-based; neighbours within {@value #COMPUTED_TIE_TOLERANCE} relative tie
     */
    public static double[] averageComputed(double[] values) {
        return average(values, COMPUTED_TIE_TOLERANCE);
    }

    /**
     * @param values   finite values
     * @param relative neighbours in sorted order that differ by at most this times their magnitude are tied
     * @return average ranks, 1-based
     */
    public static double[] average(double[] values, double relative) {
        int m = values.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[m];
        int i = 0;
        while (i < m) {
            int j = i;
            while (j + 1 < m && tied(values[order[j]], values[order[j + 1]], relative)) {
                j++;
            }
            // Positions i..j (0-based) tie: their ranks i+1..j+1 average to (i + j) / 2 + 1.
            double r = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = r;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static boolean tied(double a, double b, double relative) {
        return a == b || b - a <= relative * Math.max(Math.abs(a), Math.abs(b));
    }
}
