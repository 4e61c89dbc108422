package org.dds.experiments.evaluation;

import java.util.List;
import java.util.OptionalDouble;

import org.dds.core.DdsInputException;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.WeightedTau;

/**
 * How well a method's scores rank the sources of one target against the ground truth (larger is better in both):
 * the five measures of the transferability-estimation literature.
 *
 * <ul>
 *   <li>Spearman's rho (average ranks for ties), the measure of the paper (Dwivedi et al., ECCV 2020, section 4);
 *   <li>Pearson's r of the raw values;
 *   <li>weighted Kendall's tau (Vigna 2015, hyperbolic additive weights, {@link WeightedTau}), which weighs the
 *       top of the rankings more, as benchmarks of transferability estimators do (e.g. You et al., LogME, 2021);
 *   <li>top-1 hit: whether the source the method ranks first has the best ground truth. A source whose ground truth
 *       equals the maximum counts as best (ties in the ground truth share the title). When several sources share
 *       the method's top score, the method picks one of them at random: the hit is the share of those tied sources
 *       that are best, i.e. its expectation under a uniform tie-break (so it lies in [0, 1], and is 0 or 1 without
 *       ties);
 *   <li>relative regret of the top-ranked source: {@code (best - picked) / |best|}, where best is the largest ground
 *       truth and picked the ground truth of the method's top source (averaged over the sources tied for the top
 *       score, as for the hit). It is 0 when the pick is best (also when best is 0), positive otherwise, e.g. 0.05
 *       when the pick loses 5% of the best transfer. When best is 0 and the pick is worse, the relative regret has
 *       no scale and is undefined: {@link #regret()} is empty and reports say so instead of printing a number.
 * </ul>
 *
 * @param spearman    Spearman's rho
 * @param pearson     Pearson's r
 * @param weightedTau weighted Kendall's tau
 * @param top1        top-1 hit in [0, 1]
 * @param regret      relative regret, at least 0; empty when undefined (best is 0 and the pick is worse)
 */
public record RankingMetrics(double spearman, double pearson, double weightedTau, double top1, OptionalDouble regret) {

    /**
     * @param truth  ground truth per source, larger is better (e.g. transfer accuracy)
     * @param scores the method's score per source, same order, larger ranks higher
     * @return the five measures
     * @throws DdsInputException if the lengths differ, there are fewer than 3 sources, a value is not finite, or a
     *                           vector is constant (no correlation is defined)
     */
    public static RankingMetrics of(double[] truth, double[] scores) {
        if (truth.length != scores.length || truth.length < 3) {
            throw new DdsInputException("ranking metrics need the ground truth and the scores of the same sources,"
                    + " at least 3, got " + truth.length + " and " + scores.length + " values");
        }
        for (int i = 0; i < truth.length; i++) {
            if (!Double.isFinite(truth[i]) || !Double.isFinite(scores[i])) {
                throw new DdsInputException("source " + i + " has ground truth " + truth[i] + " and score "
                        + scores[i] + ": ranking metrics need finite values");
            }
        }
        double best = max(truth);
        double top = max(scores);
        int picked = 0;
        int hits = 0;
        double regretSum = 0;
        boolean regretDefined = true;
        for (int i = 0; i < truth.length; i++) {
            if (scores[i] == top) {
                picked++;
                if (truth[i] == best) {
                    hits++;
                } else if (best == 0) {
                    regretDefined = false;
                } else {
                    regretSum += (best - truth[i]) / Math.abs(best);
                }
            }
        }
        return new RankingMetrics(Correlation.spearman(truth, scores), Correlation.pearson(truth, scores),
                WeightedTau.of(truth, scores), (double) hits / picked,
                regretDefined ? OptionalDouble.of(regretSum / picked) : OptionalDouble.empty());
    }

    /**
     * @param metric one of the five
     * @return its value, empty only for an undefined regret
     */
    public OptionalDouble value(RankingMetric metric) {
        return switch (metric) {
            case SPEARMAN -> OptionalDouble.of(spearman);
            case PEARSON -> OptionalDouble.of(pearson);
            case WEIGHTED_TAU -> OptionalDouble.of(weightedTau);
            case TOP1 -> OptionalDouble.of(top1);
            case REGRET -> regret;
        };
    }

    /**
     * @param metrics the measures of several targets
     * @param metric  one of the five
     * @return its mean over the targets where it is defined, empty when none is
     */
    public static OptionalDouble mean(List<RankingMetrics> metrics, RankingMetric metric) {
        double sum = 0;
        int n = 0;
        for (RankingMetrics m : metrics) {
            OptionalDouble v = m.value(metric);
            if (v.isPresent()) {
                sum += v.getAsDouble();
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
