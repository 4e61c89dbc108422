package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.dds.core.DdsInputException;
import org.dds.core.stats.Resampling;

/**
 * Confidence intervals over images by subsampling without replacement (Politis and Romano, "Large sample confidence
 * regions based on subsamples under minimal assumptions", Ann. Statist. 1994; Politis, Romano and Wolf,
 * "Subsampling", 1999, ch. 2), the project's replacement for the image bootstrap.
 *
 * <p><b>Why not the bootstrap.</b> A bootstrap sample draws n of the n images with replacement, so about a third of
 * its images are copies. DDS, RSA and CKA compare images in pairs, and a copied image is a perfect match of itself in
 * every model: the copies add the same spurious similarity to every model's n x n matrix, which pulls every
 * replicate away from the estimate (in the reference Mini-Taskonomy run 4 of 24 bootstrap intervals missed their own
 * estimate; on planted noisy 30-dimensional features the 95% bootstrap interval covered the true CKA in 79.5% of the
 * data sets of 60 images and in about a third of those of 30 images). rsatoolbox's answer is to turn the pairs of a resampled image with its copies into missing entries
 * that the comparison drops; for unbiased CKA and the project's fast V V^T path that would need a new estimator for
 * every g. Subsampling needs none: each replicate takes m distinct images (m = n / 2 by default), so no image is ever
 * paired with a copy of itself, and every statistic is computed exactly as on the full set.
 *
 * <p><b>The interval.</b> A statistic on m of n images without replacement varies about its full-sample value with
 * variance sigma^2 (1/m - 1/n) for a smooth (asymptotically linear) statistic, while the full-sample estimate has
 * variance sigma^2 / n; the deviations are therefore rescaled by {@code s = sqrt(m / (n - m))} (the delete-d
 * jackknife's factor, Shao and Wu 1989), which is 1 at m = n / 2. With q_lo, q_hi the (1 - level)/2 and
 * (1 + level)/2 quantiles of the replicates (numpy's linear interpolation), the interval is the subsampling
 * ("basic") interval
 * <pre>
 *   [ estimate - s (q_hi - estimate),  estimate - s (q_lo - estimate) ],
 * </pre>
 * which also removes the first-order difference in bias between m and n images. It need not contain the estimate
 * (when the replicates lie to one side of it); results then say so ({@link Scoring#intervalNote}). Validated by
 * simulation ({@code ImageSubsamplingCoverageTest}: planted features with a known population CKA, 200 data sets, the
 * 95% interval covers the population value in 90-98% of them).
 *
 * <p>Replicate r takes the r-th {@link SplittableRandom#split()} of the seed's generator, so the draws depend only on
 * the seed. The Pascal VOC protocol (paper Table 4, {@code pascal.PascalBootstrap}) and the image-count view already
 * draw without replacement and report the spread of the statistic at that size, as the paper does; they are not
 * intervals for a full-sample estimate and keep their own draws.
 *
 * @param images n, the images of the full sample
 * @param size   m, the images of each subsample, 1..n-1
 */
public record ImageSubsampling(int images, int size) {

    /** Validates the sizes. */
    public ImageSubsampling {
        if (images < 2 || size < 1 || size >= images) {
            throw new DdsInputException("subsampling takes m of n images without replacement with 1 <= m < n, got m = "
                    + size + " of n = " + images + ": use at least 2 images");
        }
    }

    /**
     * @param images n
     * @return subsamples of half the images (rounded down), where the rescaling factor is 1
     */
    public static ImageSubsampling half(int images) {
        if (images < 2) {
            throw new DdsInputException("subsampling needs at least 2 images, got " + images);
        }
        return new ImageSubsampling(images, images / 2);
    }

    /** @return the factor s = sqrt(m / (n - m)) by which deviations of the replicates are rescaled */
    public double scale() {
        return Math.sqrt((double) size / (images - size));
    }

    /**
     * @param replicates how many subsamples, at least 2
     * @param seed       seed
     * @param statistic  computes the statistic on the images at the given indices (sorted, distinct)
     * @param <T>        what the statistic gives
     * @return one result per replicate, in replicate order
     */
    public <T> List<T> replicates(int replicates, long seed, Function<int[], T> statistic) {
        if (replicates < 2) {
            throw new DdsInputException("an interval needs at least 2 subsamples, got " + replicates);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<T> out = new ArrayList<>(replicates);
        for (int r = 0; r < replicates; r++) {
            out.add(statistic.apply(Resampling.withoutReplacement(images, size, root.split())));
        }
        return out;
    }

    /**
     * @param estimate   the statistic on all n images
     * @param replicates the statistic on each subsample
     * @param level      confidence level, e.g. 0.95
     * @return the subsampling interval (class Javadoc)
     */
    public Interval interval(double estimate, double[] replicates, double level) {
        double[] q = Resampling.percentileInterval(replicates, level);
        double s = scale();
        return new Interval(estimate - s * (q[1] - estimate), estimate - s * (q[0] - estimate), level);
    }

    /**
     * The interval of a correlation (or a mean of correlations), whose ends cannot leave [-1, 1].
     *
     * @param estimate   the statistic on all n images
     * @param replicates the statistic on each subsample
     * @param level      confidence level, e.g. 0.95
     * @return {@link #interval} with its ends clipped to [-1, 1]
     */
    public Interval correlationInterval(double estimate, double[] replicates, double level) {
        Interval ci = interval(estimate, replicates, level);
        return new Interval(Math.max(-1, Math.min(1, ci.lower())), Math.min(1, Math.max(-1, ci.upper())), level);
    }

    /**
     * @param replicates how many subsamples
     * @param level      the confidence level
     * @return one phrase for result summaries, e.g. "95% subsampling intervals from 100 subsamples of 100 of the 200
     *         images without replacement"
     */
    public String describe(int replicates, double level) {
        return String.format(Locale.ROOT, "%d%% subsampling intervals from %d subsamples of %d of the %d images"
                + " without replacement (no image is paired with a copy of itself; deviations rescaled by"
                + " sqrt(m/(n-m)) = %.3f)", Math.round(level * 100), replicates, size, images, scale());
    }
}
