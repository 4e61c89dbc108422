package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import org.dds.core.stats.SeedMix;
import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.PermutationTest;

/**
 * Scores DDS variants on the Taskonomy benchmark: for each variant (a named DDS matrix computed from the images) and
 * each ground-truth matrix, the per-target Spearman vector and its mean; optionally with a permutation p-value for
 * every correlation and a subsampling-over-images interval ({@link ImageSubsampling}) for every one of them.
 */
public final class Scoring {

    /** Computes the DDS matrices of several variants from the same images, e.g. all 42 of the Table-2 ablation. */
    @FunctionalInterface
    public interface Variants {
        /**
         * @param models the evaluated models on some images
         * @return DDS matrices by variant name, in a fixed order
         */
        Map<String, AffinityMatrix> compute(FeatureSet models);
    }

    /**
     * One variant against one ground truth.
     *
     * @param mean     the score: the mean over the targets of Spearman
     * @param perTask  Spearman per target, in the benchmark's target order
     * @param measures the five ranking measures per target ({@link RankingMetrics}), same order; empty for the
     *                 subsample replicates of {@link #withSignificance}, which use Spearman only
     */
    public record Score(double mean, double[] perTask, List<RankingMetrics> measures) {
        /** Copies the vector and the list. */
        public Score {
            perTask = perTask.clone();
            measures = List.copyOf(measures);
        }

        /** @return a copy of the per-target vector */
        @Override
        public double[] perTask() {
            return perTask.clone();
        }

        /**
         * @param metric one of the five ranking measures
         * @return its mean over the targets where it is defined, empty when none is (a regret when every best is 0)
         */
        public OptionalDouble mean(RankingMetric metric) {
            return RankingMetrics.mean(measures, metric);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Score s && Double.compare(mean, s.mean) == 0 && Arrays.equals(perTask, s.perTask)
                    && measures.equals(s.measures);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(mean) * 31 + Arrays.hashCode(perTask);
        }

        @Override
        public String toString() {
            return "Score(mean=" + mean + ", perTask=" + Arrays.toString(perTask) + ")";
        }
    }

    /**
     * How sure a {@link Score} is.
     *
     * @param meanP             permutation p-value of the mean
     * @param perTaskP          permutation p-value of each target's correlation
     * @param meanInterval      subsampling interval of the mean ({@link ImageSubsampling})
     * @param perTaskIntervals  subsampling interval of each target's correlation
     */
    public record Significance(double meanP, double[] perTaskP, Interval meanInterval,
            List<Interval> perTaskIntervals) {
        /** Copies the fields. */
        public Significance {
            perTaskP = perTaskP.clone();
            perTaskIntervals = List.copyOf(perTaskIntervals);
        }

        /** @return a copy of the per-target p-values */
        @Override
        public double[] perTaskP() {
            return perTaskP.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Significance s && Double.compare(meanP, s.meanP) == 0
                    && Arrays.equals(perTaskP, s.perTaskP) && meanInterval.equals(s.meanInterval)
                    && perTaskIntervals.equals(s.perTaskIntervals);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(meanP) * 31 + Arrays.hashCode(perTaskP);
        }

        @Override
        public String toString() {
            return "Significance(meanP=" + meanP + ", meanInterval=" + meanInterval + ")";
        }
    }

    /**
     * A score with its significance.
     *
     * @param score        the score
     * @param significance its p-values and intervals
     */
    public record Cell(Score score, Significance significance) {
    }

    /** Columns that {@link #otherMeasures} fills: the means over targets of the four measures beside Spearman. */
    public static final List<String> OTHER_MEASURE_COLUMNS = List.of("pearson", "weighted_tau", "top1_hit",
            "relative_regret");

    /** Images a subsample needs: unbiased CKA is defined from 4 images on. */
    private static final int MIN_SUBSAMPLE = 4;

    private Scoring() {
    }

    /**
     * @param measures the measures of several rankings (targets, or draws of images)
     * @return the cells of {@link #OTHER_MEASURE_COLUMNS}: the means of Pearson, weighted tau, top-1 hit and relative
     *         regret over them, a missing cell where none defines the regret
     */
    public static List<Object> otherMeasures(List<RankingMetrics> measures) {
        List<Object> cells = new ArrayList<>();
        for (RankingMetric m : List.of(RankingMetric.PEARSON, RankingMetric.WEIGHTED_TAU, RankingMetric.TOP1,
                RankingMetric.REGRET)) {
            OptionalDouble v = RankingMetrics.mean(measures, m);
            cells.add(v.isPresent() ? Double.valueOf(v.getAsDouble())
                    : org.dds.reports.Cell.missing("undefined (the best ground truth is 0 in every ranking)"));
        }
        return cells;
    }

    /**
     * @param models    the evaluated models (see {@link TaskonomyBenchmark#models}) on the chosen images
     * @param benchmark the ground truth
     * @param variants  the DDS variants
     * @return scores by variant, then by ground truth
     */
    public static Map<String, Map<TaskonomyMatrix, Score>> scores(FeatureSet models, TaskonomyBenchmark benchmark,
            Variants variants) {
        return score(variants.compute(models), benchmark, true);
    }

    /** @param measures false for subsample replicates, which need Spearman only (their measures stay empty) */
    private static Map<String, Map<TaskonomyMatrix, Score>> score(Map<String, AffinityMatrix> matrices,
            TaskonomyBenchmark benchmark, boolean measures) {
        Map<String, Map<TaskonomyMatrix, Score>> out = new LinkedHashMap<>();
        for (Map.Entry<String, AffinityMatrix> e : matrices.entrySet()) {
            Map<TaskonomyMatrix, Score> byMatrix = new EnumMap<>(TaskonomyMatrix.class);
            double[][] dds = benchmark.scores(e.getValue());
            for (TaskonomyMatrix m : TaskonomyMatrix.values()) {
                double[] rho = benchmark.perTask(e.getValue(), m);
                double[][] truth = benchmark.matrix(m).values();
                List<RankingMetrics> perTarget = new ArrayList<>(rho.length);
                for (int j = 0; measures && j < rho.length; j++) {
                    perTarget.add(RankingMetrics.of(Vectors.column(truth, j), Vectors.column(dds, j)));
                }
                byMatrix.put(m, new Score(Correlation.mean(rho), rho, perTarget));
            }
            out.put(e.getKey(), byMatrix);
        }
        return out;
    }

    /**
     * Scores with a permutation p-value and a subsampling interval for every correlation. Each p-value has its own
     * seed derived from (settings' seed, label, variant, matrix, target); the intervals subsample half the images
     * without replacement once per replicate for all variants together ({@link ImageSubsampling}), seeded from
     * (settings' seed, label, "bootstrap").
     *
     * @param models    the evaluated models on the chosen images
     * @param benchmark the ground truth
     * @param variants  the DDS variants
     * @param settings  permutations, replicates, level, seed
     * @param label     names the experiment in the derived seeds
     * @param progress  takes a line of progress now and then
     * @return scored cells by variant, then by ground truth
     */
    public static Map<String, Map<TaskonomyMatrix, Cell>> withSignificance(FeatureSet models,
            TaskonomyBenchmark benchmark, Variants variants, TaskonomySettings settings, String label,
            Consumer<String> progress) {
        Map<String, AffinityMatrix> observed = variants.compute(models);
        Map<String, Map<TaskonomyMatrix, Score>> scores = score(observed, benchmark, true);

        if (models.images() < 2 * MIN_SUBSAMPLE) {
            int n = models.images();
            throw new DdsInputException(p -> "the intervals subsample half of the " + n + " images without"
                    + " replacement and unbiased CKA needs at least " + MIN_SUBSAMPLE + " images in each: pass "
                    + p.apply("images") + " " + 2 * MIN_SUBSAMPLE + " or more, with features of at least "
                    + 2 * MIN_SUBSAMPLE + " images");
        }
        int replicates = settings.replicates();
        int[] done = {0};
        ImageSubsampling subsampling = ImageSubsampling.half(models.images());
        List<Map<String, Map<TaskonomyMatrix, Score>>> boot = subsampling.replicates(replicates,
                SeedMix.derive(settings.seed(), label, "bootstrap"), idx -> {
                    Map<String, Map<TaskonomyMatrix, Score>> r = score(variants.compute(models.selectImages(idx)),
                            benchmark, false);
                    done[0]++;
                    if (done[0] % Math.max(1, replicates / 5) == 0 || done[0] == replicates) {
                        progress.accept("  " + label + ": subsample " + done[0] + "/" + replicates);
                    }
                    return r;
                });

        Map<String, Map<TaskonomyMatrix, Cell>> out = new LinkedHashMap<>();
        for (Map.Entry<String, AffinityMatrix> e : observed.entrySet()) {
            String variant = e.getKey();
            double[][] dds = benchmark.scores(e.getValue());
            Map<TaskonomyMatrix, Cell> byMatrix = new EnumMap<>(TaskonomyMatrix.class);
            for (TaskonomyMatrix m : TaskonomyMatrix.values()) {
                Score score = scores.get(variant).get(m);
                double[][] truth = benchmark.matrix(m).values();
                int k = score.perTask().length;
                double[] perTaskP = new double[k];
                List<Interval> perTaskIntervals = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    perTaskP[j] = PermutationTest.spearman(Vectors.column(truth, j), Vectors.column(dds, j), settings.permutations(),
                            SeedMix.derive(settings.seed(), label, variant, m.cliName(), j));
                    int target = j;
                    perTaskIntervals.add(subsampling.correlationInterval(score.perTask()[target], boot.stream()
                            .mapToDouble(r -> r.get(variant).get(m).perTask()[target]).toArray(), settings.level()));
                }
                double meanP = MeanSpearmanTest.pValue(truth, dds, settings.permutations(),
                        SeedMix.derive(settings.seed(), label, variant, m.cliName(), "mean"));
                Interval meanInterval = subsampling.correlationInterval(score.mean(),
                        boot.stream().mapToDouble(r -> r.get(variant).get(m).mean()).toArray(), settings.level());
                byMatrix.put(m, new Cell(score, new Significance(meanP, perTaskP, meanInterval, perTaskIntervals)));
            }
            out.put(variant, byMatrix);
        }
        return out;
    }

    /**
     * Says which intervals do not contain their own estimate, for result summaries: every such interval of a mean
     * and of a target's correlation, by name, so that a reader never takes one for a statement about the estimate.
     * With subsampling ({@link ImageSubsampling}) this happens when the subsamples' values lie to one side of the
     * full-sample estimate (a statistic whose bias changes quickly with the number of images, or too few subsamples
     * for its quantiles).
     *
     * @param cells   scored cells
     * @param targets the target names, in the order of the per-target vectors
     * @return " Every one of the N intervals contains its estimate." or a sentence naming each one that does not
     */
    public static String intervalNote(Map<String, Map<TaskonomyMatrix, Cell>> cells, List<String> targets) {
        int total = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Map<TaskonomyMatrix, Cell>> byVariant : cells.entrySet()) {
            for (Map.Entry<TaskonomyMatrix, Cell> e : byVariant.getValue().entrySet()) {
                Cell c = e.getValue();
                String where = byVariant.getKey() + " vs " + e.getKey().cliName();
                total++;
                if (!c.significance().meanInterval().contains(c.score().mean())) {
                    missing.add(describeMiss(where + ", mean", c.score().mean(), c.significance().meanInterval()));
                }
                double[] rho = c.score().perTask();
                for (int j = 0; j < rho.length; j++) {
                    total++;
                    Interval ci = c.significance().perTaskIntervals().get(j);
                    if (!ci.contains(rho[j])) {
                        missing.add(describeMiss(where + ", " + targets.get(j), rho[j], ci));
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            return " Every one of the " + total + " intervals (means and per-target) contains its estimate.";
        }
        return " " + missing.size() + " of the " + total + " intervals (means and per-target) do not contain their"
                + " own estimate: " + String.join("; ", missing) + ".";
    }

    private static String describeMiss(String where, double estimate, Interval ci) {
        return String.format(java.util.Locale.ROOT, "%s %.4f outside [%.4f, %.4f]", where, estimate, ci.lower(),
                ci.upper());
    }
}
