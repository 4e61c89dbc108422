package org.dds.experiments.taskonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

import org.dds.experiments.published.PublishedTable;

/**
 * How close a reproduced grid is to one published table: over the cells the table has, the mean and largest
 * |reproduced - published| and how many cells agree to the published rounding.
 *
 * @param reference     which published table, e.g. "authors' notebook, winrate"
 * @param cells         how many cells were compared
 * @param meanAbsolute  mean |difference|
 * @param maxAbsolute   largest |difference|
 * @param withinRounding how many cells differ by at most {@link PublishedTable#THREE_DECIMALS}
 */
record PublishedComparison(String reference, int cells, double meanAbsolute, double maxAbsolute, int withinRounding) {

    /**
     * @param reference  the table's name
     * @param rows       the row keys
     * @param columns    the column keys
     * @param reproduced the reproduced value of a cell
     * @param published  the published value of a cell, or empty
     * @param <R>        row key
     * @param <C>        column key
     * @return the comparison over the cells the table has
     */
    static <R, C> PublishedComparison of(String reference, List<R> rows, List<C> columns,
            BiFunction<R, C, Double> reproduced, BiFunction<R, C, OptionalDouble> published) {
        int n = 0;
        int within = 0;
        double sum = 0;
        double max = 0;
        for (R r : rows) {
            for (C c : columns) {
                OptionalDouble p = published.apply(r, c);
                if (p.isEmpty()) {
                    continue;
                }
                double d = Math.abs(reproduced.apply(r, c) - p.getAsDouble());
                n++;
                sum += d;
                max = Math.max(max, d);
                if (d <= PublishedTable.THREE_DECIMALS) {
                    within++;
                }
            }
        }
        return new PublishedComparison(reference, n, n == 0 ? 0 : sum / n, max, within);
    }

    /** @return whether every compared cell agrees to the published rounding */
    boolean matches() {
        return cells > 0 && withinRounding == cells;
    }

    /**
     * @param comparisons comparisons of one result with several tables
     * @return a sentence saying which table the result matches, or which is closest
     */
    static String verdict(List<PublishedComparison> comparisons) {
        List<PublishedComparison> sorted = new ArrayList<>(comparisons);
        sorted.sort(Comparator.comparingDouble(PublishedComparison::meanAbsolute));
        PublishedComparison best = sorted.get(0);
        StringBuilder s = new StringBuilder();
        if (best.matches()) {
            s.append(String.format(Locale.ROOT, "matches %s (all %d cells within %.4f, mean |difference| %.4f)",
                    best.reference, best.cells, PublishedTable.THREE_DECIMALS, best.meanAbsolute));
        } else {
            s.append(String.format(Locale.ROOT, "matches no published table to its rounding; closest is %s (mean"
                    + " |difference| %.4f, %d of %d cells within %.4f)", best.reference, best.meanAbsolute,
                    best.withinRounding, best.cells, PublishedTable.THREE_DECIMALS));
        }
        for (PublishedComparison c : sorted.subList(1, sorted.size())) {
            s.append(String.format(Locale.ROOT, "; %s: mean |difference| %.4f, %d of %d within rounding",
                    c.reference, c.meanAbsolute, c.withinRounding, c.cells));
        }
        return s.toString();
    }
}
