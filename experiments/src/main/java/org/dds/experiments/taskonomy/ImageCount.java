package org.dds.experiments.taskonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.Resampling;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.Interval;
import org.dds.experiments.evaluation.MeanSpearmanTest;
import org.dds.core.stats.SeedMix;
import org.dds.experiments.evaluation.TaskonomyBenchmark;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.evaluation.TaskonomyMatrix;
import org.dds.experiments.evaluation.TaskonomyMethods;
import org.dds.experiments.evaluation.TaskonomySettings;
import org.dds.experiments.published.PublishedTable;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;

/**
 * Supplementary section S3 of Dwivedi et al. (ECCV 2020): how the Taskonomy score of the default DDS (z-score,
 * cosine, unbiased CKA) depends on the number of images: 10, 20, 50, 100, 150 and 200 (those the features hold, and
 * all of them when they hold fewer than 200). For each size, the score on the first k images (the paper's protocol,
 * with a permutation p-value) and its spread over random draws of k of all the images without replacement (mean,
 * population sd, percentile interval).
 */
public final class ImageCount implements Experiment {
    /** The sizes of the supplementary figure. */
    public static final List<Integer> SIZES = List.of(10, 20, 50, 100, 150, 200);

    @Override
    public String name() {
        return "image-count";
    }

    @Override
    public String paperReference() {
        return "supplementary S3: Taskonomy score of DDS (z-score, cosine) vs the number of images, 10 to 200";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return new Table3().requiredInputs();
    }

    /**
     * @param available the number of images the features hold
     * @return the sizes to evaluate: {@link #SIZES} up to {@code available}, then {@code available} itself when it is
     *         below the largest size and not in the list
     */
    static List<Integer> sizes(int available) {
        List<Integer> out = new ArrayList<>();
        for (int k : SIZES) {
            if (k <= available) {
                out.add(k);
            }
        }
        if (available < SIZES.get(SIZES.size() - 1) && !out.contains(available)) {
            out.add(available);
        }
        return out;
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        return run(context, TaskonomySettings.of(context));
    }

    /**
     * @param context  the run
     * @param settings images, permutations, replicates, draws, level and seed
     * @return the results
     */
    ExperimentResult run(ExperimentContext context, TaskonomySettings settings) {
        TaskonomyInputs inputs = TaskonomyInputs.load(context, settings.images());
        FeatureSet all = inputs.evaluated();
        TaskonomyBenchmark benchmark = inputs.benchmark();
        DdsConfig config = DdsConfig.defaults();
        PublishedTable table3 = PublishedTable.table3();
        ResultTable.Builder rows = ResultTable.builder(name(), "Taskonomy score vs number of images")
                .integer("images").text("against").real("first_images", "p_value").integer("draws")
                .real("draws_mean", "draws_sd", "draws_lower", "draws_upper");
        for (int k : sizes(all.images())) {
            context.progress().accept("  image-count: " + k + " images");
            AffinityMatrix first = AffinityMatrix.compute(all.firstImages(k), config);
            // Every draw of all the images is the same set: nothing to draw.
            int draws = k < all.images() ? settings.draws() : 0;
            double[][] drawn = new double[TaskonomyMatrix.values().length][draws];
            SplittableRandom root = new SplittableRandom(SeedMix.derive(settings.seed(), name(), k));
            for (int r = 0; r < draws; r++) {
                int[] idx = Resampling.withoutReplacement(all.images(), k, root.split());
                AffinityMatrix a = AffinityMatrix.compute(all.selectImages(idx), config);
                for (TaskonomyMatrix m : TaskonomyMatrix.values()) {
                    drawn[m.ordinal()][r] = Correlation.mean(benchmark.perTask(a, m));
                }
            }
            for (TaskonomyMatrix m : List.of(TaskonomyMatrix.WINRATE, TaskonomyMatrix.AFFINITY)) {
                double score = Correlation.mean(benchmark.perTask(first, m));
                double p = MeanSpearmanTest.pValue(benchmark.matrix(m).values(), benchmark.scores(first),
                        settings.permutations(), SeedMix.derive(settings.seed(), name(), k, m.cliName(), "mean"));
                if (draws == 0) {
                    Cell na = Cell.missing("n/a (all images)");
                    rows.row(k, m.cliName(), score, p, 0, na, na, na, na);
                } else {
                    double[] d = drawn[m.ordinal()];
                    Interval ci = Interval.percentile(d, settings.level());
                    rows.row(k, m.cliName(), score, p, draws, Correlation.mean(d), Resampling.populationSd(d),
                            ci.lower(), ci.upper());
                }
                if (k == TaskonomySettings.PAPER_IMAGES) {
                    rows.published(new PublishedValue("first 200 images, DDS (f = cosine) vs " + m.cliName(), score,
                            table3.value(TaskonomyMethods.DDS_COSINE, m.cliName()), PublishedTable.THREE_DECIMALS,
                            "paper Table 3"));
                }
            }
        }
        String summary = "Mean over the 17 Taskonomy targets of Spearman(GT[:, j], DDS[:, j]) for DDS (z-score,"
                + " cosine, unbiased CKA) on k images: the first k (the paper's protocol) and " + settings.draws()
                + " random draws of k of all " + all.images() + " images without replacement (seeded from "
                + settings.seed() + "; " + settings.levelPercent() + " percentile interval of the draws). "
                + inputs.describe();
        return new ExperimentResult(name(), paperReference(), summary, List.of(rows.build()));
    }
}
