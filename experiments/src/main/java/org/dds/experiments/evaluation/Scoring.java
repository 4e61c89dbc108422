package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.dds.core.stats.SeedMix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.PermutationTest;

/**
 * Scores DDS variants on the Taskonomy benchmark: for each variant (a named DDS matrix computed from the images) and
 * each ground-truth matrix, the per-target Spearman vector and its mean; optionally with a permutation p-value for
 * every correlation and a bootstrap-over-images percentile interval for every one of them.
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
     * @param mean    the score: the mean over the targets
     * @param perTask Spearman per target, in the benchmark's target order
     */
    public record Score(double mean, double[] perTask) {
        /** Copies the vector. */
        public Score {
            perTask = perTask.clone();
        }

        /** @return a copy of the per-target vector */
        @Override
        public double[] perTask() {
            return perTask.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Score s && Double.compare(mean, s.mean) == 0 && Arrays.equals(perTask, s.perTask);
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
     * @param meanInterval      bootstrap interval of the mean
     * @param perTaskIntervals  bootstrap interval of each target's correlation
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

    private Scoring() {
    }

    /**
     * @param models    the evaluated models (see {@link TaskonomyBenchmark#models}) on the chosen images
     * @param benchmark the ground truth
     * @param variants  the DDS variants
     * @return scores by variant, then by ground truth
     */
    public static Map<String, Map<TaskonomyMatrix, Score>> scores(FeatureSet models, TaskonomyBenchmark benchmark,
            Variants variants) {
        return score(variants.compute(models), benchmark);
    }

    private static Map<String, Map<TaskonomyMatrix, Score>> score(Map<String, AffinityMatrix> matrices,
            TaskonomyBenchmark benchmark) {
        Map<String, Map<TaskonomyMatrix, Score>> out = new LinkedHashMap<>();
        for (Map.Entry<String, AffinityMatrix> e : matrices.entrySet()) {
            Map<TaskonomyMatrix, Score> byMatrix = new EnumMap<>(TaskonomyMatrix.class);
            for (TaskonomyMatrix m : TaskonomyMatrix.values()) {
                double[] rho = benchmark.perTask(e.getValue(), m);
                byMatrix.put(m, new Score(Correlation.mean(rho), rho));
            }
            out.put(e.getKey(), byMatrix);
        }
        return out;
    }

    /**
     * Scores with a permutation p-value and a bootstrap interval for every correlation. Each p-value has its own
     * seed derived from (settings' seed, label, variant, matrix, target); the bootstrap resamples the images once per
     * replicate for all variants together, seeded from (settings' seed, label, "bootstrap").
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
        Map<String, Map<TaskonomyMatrix, Score>> scores = score(observed, benchmark);

        int replicates = settings.replicates();
        int[] done = {0};
        List<Map<String, Map<TaskonomyMatrix, Score>>> boot = ImageBootstrap.replicates(models.images(), replicates,
                SeedMix.derive(settings.seed(), label, "bootstrap"), idx -> {
                    Map<String, Map<TaskonomyMatrix, Score>> r = scores(models.selectImages(idx), benchmark,
                            variants);
                    done[0]++;
                    if (done[0] % Math.max(1, replicates / 5) == 0 || done[0] == replicates) {
                        progress.accept("  " + label + ": bootstrap replicate " + done[0] + "/" + replicates);
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
                    perTaskIntervals.add(ImageBootstrap.percentile(boot.stream()
                            .mapToDouble(r -> r.get(variant).get(m).perTask()[target]).toArray(), settings.level()));
                }
                double meanP = MeanSpearmanTest.pValue(truth, dds, settings.permutations(),
                        SeedMix.derive(settings.seed(), label, variant, m.cliName(), "mean"));
                Interval meanInterval = ImageBootstrap.percentile(
                        boot.stream().mapToDouble(r -> r.get(variant).get(m).mean()).toArray(), settings.level());
                byMatrix.put(m, new Cell(score, new Significance(meanP, perTaskP, meanInterval, perTaskIntervals)));
            }
            out.put(variant, byMatrix);
        }
        return out;
    }

    /**
     * A caveat for result summaries when bootstrap intervals miss their own estimate. Resampling with replacement
     * repeats images, and a repeated image is a perfect match in every model; with high-dimensional, noisy features
     * that shared artefact pulls the replicates' scores away from the estimate.
     *
     * @param cells scored cells
     * @return an empty string when every interval of a mean contains the estimate, else one sentence saying how many
     *         do not and why
     */
    public static String bootstrapCaveat(Map<String, Map<TaskonomyMatrix, Cell>> cells) {
        int total = 0;
        int missing = 0;
        for (Map<TaskonomyMatrix, Cell> byMatrix : cells.values()) {
            for (Cell c : byMatrix.values()) {
                total++;
                if (!c.significance().meanInterval().contains(c.score().mean())) {
                    missing++;
                }
            }
        }
        if (missing == 0) {
            return "";
        }
        return " Caution: " + missing + " of " + total + " bootstrap intervals do not contain their own estimate."
                + " Resampling with replacement repeats images, and a repeated image is a perfect match in every"
                + " model; with high-dimensional, noisy features this shared artefact shifts the replicates, so those"
                + " intervals say more about that artefact than about the estimate's uncertainty.";
    }
}
