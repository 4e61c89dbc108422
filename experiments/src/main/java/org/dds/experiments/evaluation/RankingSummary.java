package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.dds.core.DdsInputException;
import org.dds.core.stats.Resampling;

/**
 * The five ranking measures ({@link RankingMetrics}) of one method against one ground truth, as means over targets
 * with a confidence interval and a permutation p-value each.
 *
 * <ul>
 *   <li>Mean: over the targets where the measure is defined (the relative regret can be undefined, see
 *       {@link RankingMetrics}).
 *   <li>Interval: percentile interval of a bootstrap over the targets (targets drawn with replacement, the measure's
 *       mean recomputed; Efron and Tibshirani 1993, ch. 13). Targets are separate units with their own ground truth,
 *       so no pairwise artefact arises; the interval says how much the mean depends on which targets were chosen, not
 *       how it depends on the images the scores were computed from. It is omitted with fewer than 2 targets.
 *   <li>p-value: the scores are shuffled among the sources of every target independently (the null hypothesis that
 *       the method's ranking is unrelated to the ground truth), counted as (hits + 1) / (permutations + 1) (Phipson
 *       and Smyth 2010). Two-sided for the three correlations (|mean| at least the observed |mean|, a random
 *       ranking scores 0); one-sided for the top-1 hit (at least the observed hit rate) and the regret (at most the
 *       observed regret), which ask whether the method picks better than at random.
 * </ul>
 */
public final class RankingSummary {
    /** Means closer than this count as equal: summation order differs between observed and shuffled means. */
    private static final double TIE = 1e-12;

    /**
     * One measure's summary.
     *
     * @param targets  over how many targets the mean is taken
     * @param mean     the mean, empty when no target defines the measure
     * @param interval the interval, null when there is no mean or fewer than 2 targets
     * @param p        the permutation p-value, empty when there is no mean
     */
    public record Entry(int targets, OptionalDouble mean, Interval interval, OptionalDouble p) {
    }

    private RankingSummary() {
    }

    /**
     * @param truth        per target, the ground truth of its sources (larger is better)
     * @param scores       per target, the method's scores of the same sources
     * @param replicates   bootstrap replicates over the targets, at least 2
     * @param permutations shufflings for the p-values, at least 1
     * @param level        the interval's confidence level
     * @param seed         seed of the bootstrap and the shufflings
     * @return the summary of each measure
     * @throws DdsInputException if a target's vectors do not fit {@link RankingMetrics#of}
     */
    public static Map<RankingMetric, Entry> of(List<double[]> truth, List<double[]> scores, int replicates,
            int permutations, double level, long seed) {
        if (truth.size() != scores.size() || truth.isEmpty()) {
            throw new DdsInputException(truth.size() + " ground-truth columns but " + scores.size() + " score"
                    + " columns: give one of each per target, at least one");
        }
        if (replicates < 2 || permutations < 1) {
            throw new DdsInputException("need at least 2 bootstrap replicates and 1 permutation, got " + replicates
                    + " and " + permutations);
        }
        int k = truth.size();
        List<RankingMetrics> observed = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            observed.add(RankingMetrics.of(truth.get(j), scores.get(j)));
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom shuffles = root.split();
        int[] hits = new int[RankingMetric.values().length];
        Map<RankingMetric, OptionalDouble> means = new EnumMap<>(RankingMetric.class);
        for (RankingMetric m : RankingMetric.values()) {
            means.put(m, mean(observed, m, null));
        }
        List<double[]> shuffled = new ArrayList<>(k);
        scores.forEach(s -> shuffled.add(s.clone()));
        for (int p = 0; p < permutations; p++) {
            List<RankingMetrics> permuted = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                Vectors.shuffle(shuffled.get(j), shuffles);
                permuted.add(RankingMetrics.of(truth.get(j), shuffled.get(j)));
            }
            for (RankingMetric m : RankingMetric.values()) {
                OptionalDouble obs = means.get(m);
                OptionalDouble value = mean(permuted, m, null);
                if (obs.isPresent() && value.isPresent() && asExtreme(m, value.getAsDouble(), obs.getAsDouble())) {
                    hits[m.ordinal()]++;
                }
            }
        }
        SplittableRandom boot = root.split();
        List<int[]> draws = new ArrayList<>(replicates);
        for (int r = 0; r < replicates; r++) {
            int[] idx = new int[k];
            SplittableRandom random = boot.split();
            for (int i = 0; i < k; i++) {
                idx[i] = random.nextInt(k);
            }
            draws.add(idx);
        }
        Map<RankingMetric, Entry> out = new EnumMap<>(RankingMetric.class);
        for (RankingMetric m : RankingMetric.values()) {
            OptionalDouble mean = means.get(m);
            int defined = (int) observed.stream().filter(o -> o.value(m).isPresent()).count();
            if (mean.isEmpty()) {
                out.put(m, new Entry(0, mean, null, OptionalDouble.empty()));
                continue;
            }
            Interval ci = null;
            if (k >= 2) {
                double[] reps = draws.stream().map(idx -> mean(observed, m, idx)).filter(OptionalDouble::isPresent)
                        .mapToDouble(OptionalDouble::getAsDouble).toArray();
                ci = reps.length >= 2 ? Interval.percentile(reps, level) : null;
            }
            out.put(m, new Entry(defined, mean, ci,
                    OptionalDouble.of((hits[m.ordinal()] + 1.0) / (permutations + 1.0))));
        }
        return out;
    }

    private static boolean asExtreme(RankingMetric m, double value, double observed) {
        if (m.isCorrelation()) {
            return Math.abs(value) >= Math.abs(observed) - TIE;
        }
        return m.higherIsBetter() ? value >= observed - TIE : value <= observed + TIE;
    }

    /** The mean of a measure over the targets (all, or those at the given indices), where it is defined. */
    private static OptionalDouble mean(List<RankingMetrics> metrics, RankingMetric m, int[] indices) {
        return RankingMetrics.mean(indices == null ? metrics
                : java.util.Arrays.stream(indices).mapToObj(metrics::get).toList(), m);
    }
}
