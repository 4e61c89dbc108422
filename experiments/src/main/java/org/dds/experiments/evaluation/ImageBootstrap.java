package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.dds.core.DdsInputException;
import org.dds.core.stats.Resampling;

/**
 * Bootstrap over images (Efron and Tibshirani 1993): each replicate draws n of the n images with replacement and
 * recomputes a statistic on them; percentile intervals of the replicates are the confidence intervals. Replicate r
 * takes the r-th {@link SplittableRandom#split()} of the seed's generator, so the draws depend only on the seed.
 */
public final class ImageBootstrap {
    private ImageBootstrap() {
    }

    /**
     * @param images     n, the number of images
     * @param replicates how many resamples, at least 2
     * @param seed       seed
     * @param statistic  computes the statistic on the images at the given indices (sorted, repeats allowed)
     * @param <T>        what the statistic gives
     * @return one result per replicate, in replicate order
     */
    public static <T> List<T> replicates(int images, int replicates, long seed, Function<int[], T> statistic) {
        if (replicates < 2) {
            throw new DdsInputException("a bootstrap needs at least 2 replicates, got " + replicates);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<T> out = new ArrayList<>(replicates);
        for (int r = 0; r < replicates; r++) {
            out.add(statistic.apply(Resampling.withReplacement(images, root.split())));
        }
        return out;
    }

    /**
     * @param replicates bootstrap replicates of one statistic
     * @param level      confidence level, e.g. 0.95
     * @return the percentile interval
     */
    public static Interval percentile(double[] replicates, double level) {
        double[] ends = Resampling.percentileInterval(replicates, level);
        return new Interval(ends[0], ends[1], level);
    }
}
