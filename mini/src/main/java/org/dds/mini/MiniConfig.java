package org.dds.mini;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The sizes and seeds of one Mini-Taskonomy run. The images come from fixed, disjoint ranges of Fashion-MNIST (N
 * training and M test images, 60000 and 10000 in the real files): sources train on training images
 * {@code [0, sourceImages)}, transfer readouts are fitted on the last {@code budget} training images
 * {@code [N - budget, N)} (the label budget), evaluated on test images {@code [0, evalImages)}, and DDS sees the last
 * {@code probeImages} test images {@code [M - probeImages, M)}, which nothing is trained or evaluated on.
 *
 * @param data         the Fashion-MNIST folder, null for the OS package's
 * @param cache        where trained sources are cached, null for no cache
 * @param sourceImages training images per source task
 * @param epochs       training epochs per source
 * @param batch        training mini-batch size
 * @param learningRate Adam's learning rate, the peak of the schedule when {@code oneCycle}
 * @param oneCycle     whether the sources' learning rate follows {@link OneCycle} (warm-up, then cosine decay)
 *                     rather than staying constant
 * @param budget       labelled images per transfer readout
 * @param evalImages   evaluation images (test set)
 * @param probeImages  held-out test images DDS is computed on
 * @param widths       encoder stage widths
 * @param depths       encoder blocks per stage
 * @param seed         every random choice derives from it
 * @param fineTuneEpochs epochs of the fine-tuned transfers (every source encoder with a new head trained on every
 *                     target's label budget, encoder included); 0 for none
 * @param estimatorImages labelled images of each target's budget that the transferability estimators score every
 *                     source on ({@link EstimatorScores}); 0 for none
 */
public record MiniConfig(Path data, Path cache, int sourceImages, int epochs, int batch, double learningRate,
        boolean oneCycle, int budget, int evalImages, int probeImages, List<Integer> widths, List<Integer> depths, long seed,
        int fineTuneEpochs, int estimatorImages) {
    /** Source images of both modes. */
    static final int SOURCE_IMAGES = 24000;
    /** Source epochs of both modes. */
    static final int SOURCE_EPOCHS = 1;
    /** Source mini-batch of both modes. */
    static final int SOURCE_BATCH = 32;
    /**
     * Labelled images per target of the full mode's transferability estimators: the first of the label budget.
     * Measured (one thread, 2,048 features): an estimator's SVD of 500 images takes 0.6-1.3 s in EJML and grows
     * with the square of the images, so 500 keeps the 90 pairs x 9 estimators near 100 s on 2 cores; the quick mode
     * computes none (its 8 minutes are spent).
     */
    static final int ESTIMATOR_IMAGES = 500;
    /** The peak of the sources' one-cycle learning rate. */
    static final double SOURCE_PEAK = 6e-3;

    /** Validates the sizes. */
    public MiniConfig {
        widths = List.copyOf(widths);
        depths = List.copyOf(depths);
        if (sourceImages < 1 || budget < 10 || evalImages < 10 || probeImages < 3) {
            throw new IllegalArgumentException("source images " + sourceImages + ", label budget " + budget
                    + ", evaluation images " + evalImages + " and probe images " + probeImages
                    + " must be at least 1, 10, 10 and 3");
        }
        if (estimatorImages < 0 || estimatorImages > budget) {
            throw new IllegalArgumentException("estimator images " + estimatorImages + " must be between 0 and the"
                    + " label budget " + budget);
        }
        if (fineTuneEpochs < 0) {
            throw new IllegalArgumentException("fine-tuning epochs " + fineTuneEpochs + " must be 0 or more");
        }
        if (epochs < 1 || batch < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("epochs " + epochs + ", batch " + batch + " and learning rate "
                    + learningRate + " must be positive");
        }
    }

    /**
     * The quick mode: minutes on 2 CPU cores.
     *
     * @param data  the Fashion-MNIST folder or null
     * @param cache the cache folder or null
     * @param seed  the seed
     * @return the configuration
     */
    public static MiniConfig quick(Path data, Path cache, long seed) {
        return new MiniConfig(data, cache, SOURCE_IMAGES, SOURCE_EPOCHS, SOURCE_BATCH, SOURCE_PEAK, true, 2000, 2000,
                200, List.of(16, 32, 64, 128), List.of(1, 1, 1, 1), seed, 0, 0);
    }

    /**
     * The full mode: the reference run.
     *
     * @param data  the Fashion-MNIST folder or null
     * @param cache the cache folder or null
     * @param seed  the seed
     * @return the configuration
     */
    public static MiniConfig full(Path data, Path cache, long seed) {
        return quick(data, cache, seed).withFineTuning(2).withEstimators(ESTIMATOR_IMAGES);
    }

    /**
     * @param epochs epochs of the fine-tuned transfers, 0 for none
     * @return this configuration with them
     */
    public MiniConfig withFineTuning(int epochs) {
        return new MiniConfig(data, cache, sourceImages, this.epochs, batch, learningRate, oneCycle, budget, evalImages,
                probeImages, widths, depths, seed, epochs, estimatorImages);
    }

    /**
     * @param images labelled images per target for the transferability estimators, 0 for none
     * @return this configuration with them
     */
    public MiniConfig withEstimators(int images) {
        return new MiniConfig(data, cache, sourceImages, epochs, batch, learningRate, oneCycle, budget, evalImages,
                probeImages, widths, depths, seed, fineTuneEpochs, images);
    }

    /**
     * @param sourceImages another number of source images
     * @param epochs       another number of epochs
     * @param budget       another label budget
     * @param evalImages   another number of evaluation images
     * @return this configuration with those sizes
     */
    public MiniConfig withSizes(int sourceImages, int epochs, int budget, int evalImages) {
        return new MiniConfig(data, cache, sourceImages, epochs, batch, learningRate, oneCycle, budget, evalImages,
                probeImages, widths, depths, seed, fineTuneEpochs, Math.min(estimatorImages, budget));
    }

    /** @return the settings that decide a trained source, as one line (the cache key's input) */
    public String sourceKey() {
        return String.format(Locale.ROOT, "images=%d epochs=%d batch=%d lr=%s%s widths=%s depths=%s seed=%d",
                sourceImages, epochs, batch, Double.toString(learningRate), oneCycle ? " one-cycle" : "", widths,
                depths, seed);
    }

    /** @return every setting, for provenance */
    public String describe() {
        return sourceKey() + String.format(Locale.ROOT, " budget=%d eval=%d probe=%d fine-tune-epochs=%d"
                + " estimator-images=%d", budget, evalImages, probeImages, fineTuneEpochs, estimatorImages);
    }
}
