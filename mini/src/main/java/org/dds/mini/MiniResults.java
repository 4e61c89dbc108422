package org.dds.mini;

import java.util.List;
import java.util.Map;

import org.dds.core.FeatureSet;
import org.dds.core.MapShape;

/**
 * Everything a Mini-Taskonomy run measured, before any DDS is computed.
 *
 * @param config          the run's settings
 * @param sources         the source encoders: every task's name, then {@value MiniBenchmark#CONTROL}
 * @param targets         the target tasks (columns)
 * @param transfer        sources x targets: the target's metric on the evaluation images through a readout from the
 *                        frozen source (accuracy for classification, R^2 for regression; higher is better)
 * @param winrate         sources x targets: over the evaluation images and the other sources, the share of
 *                        (image, other source) pairs where this source's readout has the lower squared error (ties
 *                        count half)
 * @param fineTuned       sources x targets: the target's metric after fine-tuning the source encoder with a new head
 *                        on the label budget; an empty array when the run had no fine-tuning
 * @param probe           each source's last-block features on the probe images, named as {@code sources}
 * @param probeShape      the last block's feature-map shape (H, W, C), for the map normalisations
 * @param layerModel      the source whose blocks the layer-selection experiment branches ({@code class10})
 * @param blocks          that source's features after each block on the probe images ({@code layer1 ..})
 * @param blockTransfer   blocks x targets: the target's metric through a readout from each block
 * @param estimators      the transferability estimators' scores of every (source, target) pair
 *                        ({@link EstimatorScores#none()} when the run computed none)
 * @param sourceRuns      how each source was obtained
 * @param dataFingerprint SHA-256 of the Fashion-MNIST pixels and labels used
 * @param seconds         the time of each stage: wall seconds, or worker-seconds where the key says so
 */
public record MiniResults(MiniConfig config, List<String> sources, List<MiniTask> targets, double[][] transfer,
        double[][] winrate, double[][] fineTuned, FeatureSet probe, MapShape probeShape, String layerModel, FeatureSet blocks, double[][] blockTransfer,
        EstimatorScores estimators, List<SourceRun> sourceRuns, String dataFingerprint, Map<String, Double> seconds) {

    /**
     * How one source was obtained.
     *
     * @param name      the source
     * @param lastLoss  mean training loss of its last epoch (NaN when loaded from the cache or untrained)
     * @param seconds   training seconds (0 when loaded or untrained)
     * @param fromCache whether it came from the cache
     * @param cacheFile the cache file name, or "" when there is none
     */
    public record SourceRun(String name, double lastLoss, double seconds, boolean fromCache, String cacheFile) {
    }

    /** @return whether the run fine-tuned every transfer */
    public boolean hasFineTuned() {
        return fineTuned.length > 0;
    }

    /** @return the target names, in column order */
    public List<String> targetNames() {
        return targets.stream().map(MiniTask::cliName).toList();
    }
}
