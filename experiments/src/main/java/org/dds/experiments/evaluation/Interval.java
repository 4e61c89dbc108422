package org.dds.experiments.evaluation;

import org.dds.core.stats.Resampling;

/**
 * A confidence interval.
 *
 * @param lower lower end
 * @param upper upper end, at least {@code lower}
 * @param level confidence level in (0, 1), e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {

    /** Validates the fields: finite ends in order, a level strictly between 0 and 1. */
    public Interval {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] is not a finite, ordered"
                    + " pair");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " is not in (0, 1)");
        }
    }

    /**
     * @param value a value
     * @return whether it lies in the closed interval
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /**
     * The spread of a statistic over draws: the percentile interval of the values (numpy's linear interpolation).
     *
     * @param values the statistic on each draw
     * @param level  the share of the draws inside, e.g. 0.95
     * @return the interval between the (1 - level)/2 and (1 + level)/2 quantiles
     */
    public static Interval percentile(double[] values, double level) {
        double[] ends = Resampling.percentileInterval(values, level);
        return new Interval(ends[0], ends[1], level);
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "] (" + level + ")";
    }
}
