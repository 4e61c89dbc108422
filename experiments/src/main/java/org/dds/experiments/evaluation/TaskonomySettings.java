package org.dds.experiments.evaluation;

import org.dds.core.DdsInputException;
import org.dds.experiments.ExperimentContext;

/**
 * How thoroughly the Taskonomy experiments run: how many images (the first N of the features, the paper's 200), how
 * many permutations for each p-value, how many subsamples ({@link ImageSubsampling}) for each confidence interval, how many random
 * image draws per size in the image-count view, at which confidence level, from which seed.
 *
 * @param images       the first N images are used (all of them when the features hold fewer), at least 4
 * @param permutations permutations per p-value, at least 1
 * @param replicates   subsamples per interval, at least 2
 * @param draws        random image subsets per size in the image-count view, at least 2
 * @param level        confidence level of the intervals, in (0, 1)
 * @param seed         the seed every statistic derives its own from
 */
public record TaskonomySettings(int images, int permutations, int replicates, int draws, double level, long seed) {
    /** Images the paper uses: the first 200 of the feature file. */
    public static final int PAPER_IMAGES = 200;
    /** Confidence level of every interval. */
    public static final double LEVEL = 0.95;

    /** Validates the fields. */
    public TaskonomySettings {
        if (images < 4) {
            throw new DdsInputException("the Taskonomy experiments need at least 4 images (unbiased CKA), got "
                    + images);
        }
        if (permutations < 1 || replicates < 2 || draws < 2) {
            throw new DdsInputException("need at least 1 permutation, 2 subsamples and 2 draws, got "
                    + permutations + ", " + replicates + " and " + draws);
        }
        if (!(level > 0 && level < 1)) {
            throw new DdsInputException("confidence level " + level + " is not in (0, 1)");
        }
    }

    /**
     * @param seed seed
     * @return the full mode: 10,000 permutations, 100 replicates, 100 draws
     */
    public static TaskonomySettings full(long seed) {
        return new TaskonomySettings(PAPER_IMAGES, 10_000, 100, 100, LEVEL, seed);
    }

    /**
     * @param seed seed
     * @return the quick mode: 1,000 permutations, 10 replicates, 10 draws
     */
    public static TaskonomySettings quick(long seed) {
        return new TaskonomySettings(PAPER_IMAGES, 1_000, 10, 10, LEVEL, seed);
    }

    /**
     * @param context a run
     * @return its mode's settings, with its seed
     */
    public static TaskonomySettings of(ExperimentContext context) {
        return context.quick() ? quick(context.seed()) : full(context.seed());
    }

    /** @return one sentence saying how the statistics were made, for result summaries */
    public String describe() {
        return "p-values from " + permutations + " seeded permutations (two-sided; per target, Spearman with one"
                + " column shuffled; for the mean, every column shuffled independently), " + Math.round(level * 100)
                + "% subsampling intervals from " + replicates + " subsamples of half the images without replacement"
                + " (so that no image is paired with a copy of itself; the basic interval of Politis and Romano,"
                + " deviations rescaled by sqrt(m/(n-m)) = 1), seed " + seed + ".";
    }

    /** @return the interval level as a percentage, e.g. {@code 95%} */
    public String levelPercent() {
        return String.format(java.util.Locale.ROOT, "%d%%", Math.round(level() * 100));
    }
}
