package org.dds.mini;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.dds.core.DdsInputException;
import org.dds.io.AtomicFiles;
import org.dds.training.train.EpochLoop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one Mini-Taskonomy source network (Adam, mini-batches in a seeded order per epoch; the steps are driven by
 * training's {@link EpochLoop}, the loop of every trainer) and caches it: a
 * finished network is written to the cache folder under a name that encodes everything it depends on, and a rerun
 * with the same settings loads it instead of training again.
 */
public final class SourceTrainer {

    /**
     * What a training run produced.
     *
     * @param net       the trained network
     * @param lastLoss  the mean training loss over the last epoch (NaN when it was loaded from the cache)
     * @param seconds   training time, 0 when loaded from the cache
     * @param fromCache whether it was loaded
     * @param file      the cache file, or null when there is no cache
     */
    public record Trained(ComputationGraph net, double lastLoss, double seconds, boolean fromCache, Path file) {
    }

    private SourceTrainer() {
    }

    /**
     * @param net      an initialised network ({@link MiniNetworks#network})
     * @param samples  the training samples
     * @param epochs   passes over the samples
     * @param batch    mini-batch size
     * @param seed     the seed of the batch order
     * @param label    names the run in progress lines
     * @param progress takes progress lines
     * @return the mean loss over the last epoch
     */
    public static double train(ComputationGraph net, TaskSamples samples, int epochs, int batch, long seed,
            String label, Consumer<String> progress) {
        int n = samples.count();
        int k = samples.outputs();
        ImageSize size = samples.size();
        int pixels = size.pixels();
        int steps = (n + batch - 1) / batch;
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        double last = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = permutation(n, random);
            int e = epoch;
            EpochLoop.Stats stats = EpochLoop.run(steps, s -> {
                int from = s * batch;
                int b = Math.min(batch, n - from);
                float[] x = new float[b * pixels];
                float[] y = new float[b * k];
                for (int i = 0; i < b; i++) {
                    int idx = order[from + i];
                    System.arraycopy(samples.inputs(), idx * pixels, x, i * pixels, pixels);
                    System.arraycopy(samples.targets(), idx * k, y, i * k, k);
                }
                net.fit(new DataSet(Nd4j.create(x, new long[] {b, 1, size.height(), size.width()}, 'c'),
                        Nd4j.create(y, new long[] {b, k}, 'c')));
                return new EpochLoop.Result(net.score(), b);
            }, epoch == 0, (s, loss) -> "training " + label + " diverged at epoch " + (e + 1) + ", step " + s
                    + " (loss " + loss + "); lower the learning rate", (s, loss, sofar) -> {
                        long done = (long) e * steps + s;
                        if (done % 25 == 0 || done == (long) epochs * steps) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            double rate = (e * (double) n + sofar.images()) / seconds;
                            double eta = ((long) epochs * steps - done) * seconds / done;
                            progress.accept(String.format(Locale.ROOT, "  mini: %s epoch %d/%d step %d/%d loss %.4f"
                                    + " %.0f img/s ETA %.0f s", label, e + 1, epochs, s, steps, loss, rate, eta));
                        }
                    });
            last = stats.meanImageLoss(n);
        }
        return last;
    }

    /**
     * Trains, or loads from the cache when a file for the same key is there.
     *
     * @param factory  makes the initialised, untrained network
     * @param samples  the training samples
     * @param epochs   passes
     * @param batch    mini-batch size
     * @param seed     batch-order seed
     * @param cache    the cache folder, or null for none
     * @param key      the cache file's name without extension: must change whenever anything the result depends
     *                 on changes
     * @param progress progress lines
     * @return the network and how it was obtained
     */
    public static Trained trainOrLoad(java.util.function.Supplier<ComputationGraph> factory, TaskSamples samples,
            int epochs, int batch, long seed, Path cache, String key, Consumer<String> progress) {
        Path file = cache == null ? null : cache.resolve(key + ".zip");
        if (file != null && Files.isRegularFile(file)) {
            try {
                ComputationGraph net = ModelSerializer.restoreComputationGraph(file.toFile(), false);
                progress.accept("  mini: " + key + " loaded from the cache " + file);
                return new Trained(net, Double.NaN, 0, true, file);
            } catch (IOException | RuntimeException e) {
                throw new DdsInputException("the cached network " + file + " cannot be read (" + e.getMessage()
                        + "); delete it (or the whole cache folder " + cache + ") and rerun to train it again");
            }
        }
        ComputationGraph net = factory.get();
        long start = System.nanoTime();
        double loss = train(net, samples, epochs, batch, seed, key, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (file != null) {
            AtomicFiles.writeFile(file, f -> ModelSerializer.writeModel(net, f.toFile(), false));
        }
        return new Trained(net, loss, seconds, false, file);
    }

    /** A seeded Fisher-Yates permutation of 0..n-1. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
