package org.dds.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks 1..m with ties given their average rank (scipy's {@code rankdata(method='average')}). */
public final class Ranks {
    private Ranks() {
    }

    /**
     * @param values finite values
     * @return their average ranks, 1-based
     */
    public static double[] average(double[] values) {
        int m = values.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[m];
        int i = 0;
        while (i < m) {
            int j = i;
            while (j + 1 < m && values[order[j + 1]] == values[order[i]]) {
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
}
