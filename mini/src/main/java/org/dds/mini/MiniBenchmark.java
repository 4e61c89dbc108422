package org.dds.mini;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;

import org.dds.io.Sha256;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.stats.SeedMix;
import org.dds.core.transfer.TransferabilityEstimator;
import org.dds.core.transfer.TransferabilityMethods;
import org.dds.training.backend.NativeBackend;
import org.dds.training.model.ResNetSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Runs the measured part of the Mini-Taskonomy benchmark (SPEC section 7): trains one small ResNet encoder per
 * {@link MiniTask} from scratch (plus an untrained control), builds the brute-force transfer and winrate matrices by
 * fitting a {@link RidgeReadout} from every frozen source encoder to every target task on a label budget, measures
 * transfer from each block of the 10-class encoder, and collects the features DDS is computed from.
 *
 * <p>Every step is seeded from {@link MiniConfig#seed()}; trained sources are cached ({@link SourceTrainer}).
 */
public final class MiniBenchmark {
    /** The name of the untrained control source. */
    public static final String CONTROL = "untrained";
    /** The source the layer-selection experiment branches. */
    public static final MiniTask LAYER_MODEL = MiniTask.CLASS10;
    /**
     * Bumped whenever a change makes cached sources stale (3: OpenBLAS on one thread in the workers rounds the
     * heads' products differently, so a source trained now differs in its last bits from one trained before).
     */
    static final int CACHE_VERSION = 3;
    /**
     * Sources trained at the same time, each in its own thread. Measured on 2 cores: two networks side by side
     * train about 20% more images per second than one network at a time (small convolutions leave a core idle).
     */
    public static final int WORKERS = 2;
    /** Adam's constant learning rate of the fine-tuned transfers when the sources use a one-cycle schedule. */
    static final double FINE_TUNE_LEARNING_RATE = 2e-3;
    /** The mini-batch of the fine-tuned transfers (the reference run's). */
    static final int FINE_TUNE_BATCH = 64;
    /** The key of {@link MiniResults#seconds()} for the wall time of training the sources and fitting the readouts. */
    public static final String SOURCES_AND_TRANSFER = "sources and transfer matrix";
    /** The key of {@link MiniResults#seconds()} for the worker-seconds spent training sources. */
    public static final String TRAIN_SOURCES = "train sources (worker-seconds)";
    /** The key of {@link MiniResults#seconds()} for the worker-seconds spent computing transfer and probe features. */
    public static final String TRANSFER_FEATURES = "transfer features (worker-seconds)";
    /** The key of {@link MiniResults#seconds()} for the worker-seconds spent in the transferability estimators. */
    public static final String ESTIMATORS = "transferability estimators (worker-seconds)";
    /** The key of {@link MiniResults#seconds()} for the worker-seconds spent fitting the ridge readouts. */
    public static final String TRANSFER_READOUTS = "transfer readouts (worker-seconds)";

    private MiniBenchmark() {
    }

    /**
     * @param config   sizes, seeds, data and cache folders
     * @param progress takes progress lines
     * @return the measurements
     * @throws org.dds.core.DdsInputException when Fashion-MNIST is missing or malformed
     */
    public static MiniResults run(MiniConfig config, Consumer<String> progress) {
        NativeBackend.configure();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        FashionMnist train = FashionMnist.load(config.data(), "train", Integer.MAX_VALUE);
        FashionMnist test = FashionMnist.load(config.data(), "t10k", Integer.MAX_VALUE);
        int trainCount = train.labels().length;
        int testCount = test.labels().length;
        ImageSize size = train.imageSize();
        check(train, size, config.sourceImages() + config.budget(), "train", "source images + label budget", config);
        check(test, size, config.evalImages() + config.probeImages(), "t10k", "evaluation + probe images", config);
        String fingerprint = fingerprint(train, test);
        int[] sourceIdx = range(0, config.sourceImages());
        int[] budgetIdx = range(trainCount - config.budget(), config.budget());
        int[] evalIdx = range(0, config.evalImages());
        int[] probeIdx = range(testCount - config.probeImages(), config.probeImages());
        seconds.put("load data", since(t0));

        ResNetSpec spec = MiniNetworks.encoder(config.widths(), config.depths());
        List<String> blockNames = MiniNetworks.blocks(spec);
        String last = blockNames.get(blockNames.size() - 1);

        // 1. Sources and transfer, WORKERS jobs at a time. A job trains (or loads) one source, then fits a readout from
        // its frozen encoder to every target, from features computed once per input kind, and computes its probe
        // features; the untrained control's job has nothing to train. One pool for both stages keeps both cores busy
        // while the last sources train (measured: with a pool per stage, one core idled for most of a source's
        // training and again for the last readouts). The layer model's job (readouts from four blocks) is the
        // longest and goes first.
        long t1 = System.nanoTime();
        List<MiniTask> tasks = List.of(MiniTask.values());
        String keyHash = Sha256.of(config.sourceKey() + " data=" + fingerprint + " version=" + CACHE_VERSION)
                .substring(0, 16);
        int steps = config.epochs() * ((config.sourceImages() + config.batch() - 1) / config.batch());
        List<String> sources = new ArrayList<>();
        tasks.forEach(t -> sources.add(t.cliName()));
        sources.add(CONTROL);
        Map<MiniTask, TaskSamples> targetTrain = new EnumMap<>(MiniTask.class);
        Map<MiniTask, TaskSamples> targetEval = new EnumMap<>(MiniTask.class);
        for (MiniTask t : tasks) {
            targetTrain.put(t, t.samples(train, budgetIdx, seed(config, t.cliName(), "transfer")));
            targetEval.put(t, t.samples(test, evalIdx, seed(config, t.cliName(), "evaluation")));
        }
        TaskSamples probeSamples = MiniTask.CLASS10.samples(test, probeIdx, seed(config, "probe"));
        Map<MiniTask.Input, List<MiniTask>> byInput = new EnumMap<>(MiniTask.Input.class);
        for (MiniTask t : tasks) {
            byInput.computeIfAbsent(t.input(), k -> new ArrayList<>()).add(t);
        }
        int m = config.evalImages();
        int n = config.probeImages();
        ComputationGraph[] nets = new ComputationGraph[sources.size()];
        MiniResults.SourceRun[] runs = new MiniResults.SourceRun[sources.size()];
        double[][] transfer = new double[sources.size()][tasks.size()];
        double[][][] losses = new double[sources.size()][tasks.size()][];
        double[][] blockTransfer = new double[blockNames.size()][tasks.size()];
        float[][][] probeFeatures = new float[sources.size()][][];
        int[] done = new int[1];
        DoubleAdder featureSeconds = new DoubleAdder();
        DoubleAdder readoutSeconds = new DoubleAdder();
        DoubleAdder estimatorSeconds = new DoubleAdder();
        List<TransferabilityEstimator> methods = config.estimatorImages() > 0 ? TransferabilityMethods.all()
                : List.of();
        EstimatorScores estimators = config.estimatorImages() > 0 ? EstimatorScores.empty(config.estimatorImages(),
                methods, sources.size(), tasks.size()) : EstimatorScores.none();
        Workers.run(sources.size(), WORKERS, s -> {
            String source = sources.get(s);
            if (s < tasks.size()) {
                MiniTask task = tasks.get(s);
                progress.accept("  mini: source " + task.cliName() + " (" + task.description(size) + ")");
                TaskSamples samples = task.samples(train, sourceIdx, seed(config, task.cliName(), "source"));
                SourceTrainer.Trained t = SourceTrainer.trainOrLoad(() -> sourceNetwork(spec, size, task, config,
                        steps), samples, config.epochs(), config.batch(), seed(config, task.cliName(), "order"),
                        config.cache(), "source-" + task.cliName() + "-" + keyHash, progress);
                nets[s] = t.net();
                runs[s] = new MiniResults.SourceRun(source, t.lastLoss(), t.seconds(), t.fromCache(),
                        t.file() == null ? "" : t.file().getFileName().toString());
            } else {
                nets[s] = init(spec, size, MiniTask.CLASS10, config);
                runs[s] = new MiniResults.SourceRun(CONTROL, Double.NaN, 0, false, "");
            }
            boolean layers = source.equals(LAYER_MODEL.cliName());
            List<String> vertices = layers ? blockNames : List.of(last);
            for (Map.Entry<MiniTask.Input, List<MiniTask>> group : byInput.entrySet()) {
                MiniTask first = group.getValue().get(0);
                long f0 = System.nanoTime();
                float[][] fTrain = EncoderFeatures.compute(nets[s], size, targetTrain.get(first).inputs(),
                        config.budget(), vertices);
                float[][] fEval = EncoderFeatures.compute(nets[s], size, targetEval.get(first).inputs(), m,
                        vertices);
                long e0 = System.nanoTime();
                featureSeconds.add((e0 - f0) / 1e9);
                if (estimators.present()) {
                    scoreEstimators(estimators, methods, s, nets[s], fTrain[vertices.indexOf(last)], group.getValue(),
                            targetTrain, tasks, size, config.estimatorImages());
                }
                long r0 = System.nanoTime();
                estimatorSeconds.add((r0 - e0) / 1e9);
                for (int v = 0; v < vertices.size(); v++) {
                    int d = fTrain[v].length / config.budget();
                    try (RidgeReadout readout = RidgeReadout.prepare(fTrain[v], config.budget(), fEval[v], m, d,
                            seed(config, source, group.getKey().name(), vertices.get(v), "readout"))) {
                        fTrain[v] = null;
                        fEval[v] = null;
                        for (MiniTask target : group.getValue()) {
                            int j = tasks.indexOf(target);
                            RidgeReadout.Prediction p = readout.fit(targetTrain.get(target).targets(),
                                    target.outputs(size));
                            TaskSamples truth = targetEval.get(target);
                            double score = score(target, p.predictions(), truth);
                            if (vertices.get(v).equals(last)) {
                                transfer[s][j] = score;
                                losses[s][j] = imageLosses(p.predictions(), truth.targets(), m,
                                        target.outputs(size));
                            }
                            if (layers) {
                                blockTransfer[v][j] = score;
                            }
                        }
                    }
                }
                readoutSeconds.add((System.nanoTime() - r0) / 1e9);
            }
            long p0 = System.nanoTime();
            probeFeatures[s] = EncoderFeatures.compute(nets[s], size, probeSamples.inputs(), n, vertices);
            featureSeconds.add((System.nanoTime() - p0) / 1e9);
            synchronized (done) {
                done[0]++;
                progress.accept(String.format(Locale.ROOT, "  mini: transfer from %s done (%d/%d)", source, done[0],
                        sources.size()));
            }
        });
        seconds.put(SOURCES_AND_TRANSFER, since(t1));
        seconds.put(TRAIN_SOURCES, java.util.Arrays.stream(runs).mapToDouble(MiniResults.SourceRun::seconds).sum());
        double[][] winrate = winrate(losses);
        seconds.put(TRANSFER_FEATURES, featureSeconds.sum());
        seconds.put(TRANSFER_READOUTS, readoutSeconds.sum());
        if (estimators.present()) {
            seconds.put(ESTIMATORS, estimatorSeconds.sum());
        }

        // 2. Fine-tuned transfers: every source encoder, a new head, trained on every target's budget.
        double[][] fineTuned = new double[0][];
        if (config.fineTuneEpochs() > 0) {
            long t2b = System.nanoTime();
            double[][] tuned = new double[sources.size()][tasks.size()];
            int[] finished = new int[sources.size()];
            Workers.run(sources.size() * tasks.size(), WORKERS, job -> {
                int s = job / tasks.size();
                int j = job % tasks.size();
                MiniTask target = tasks.get(j);
                String label = "fine-tune " + sources.get(s) + " -> " + target.cliName();
                ComputationGraph net = init(spec, size, target, config, seed(config, sources.get(s),
                        target.cliName(), "fine-tune init"));
                copyEncoder(nets[s], net);
                SourceTrainer.train(net, targetTrain.get(target), config.fineTuneEpochs(), FINE_TUNE_BATCH,
                        seed(config, sources.get(s), target.cliName(), "fine-tune order"), label, line -> { });
                TaskSamples truth = targetEval.get(target);
                tuned[s][j] = score(target, predict(net, size, truth.inputs(), m, target.outputs(size)), truth);
                synchronized (finished) {
                    if (++finished[s] == tasks.size()) {
                        progress.accept(String.format(Locale.ROOT, "  mini: fine-tuned transfers from %s done"
                                + " (%.0f s)", sources.get(s), since(t2b)));
                    }
                }
            });
            fineTuned = tuned;
            seconds.put("fine-tuned transfers", since(t2b));
        }

        // 3. The features DDS is computed from, as the jobs above computed them.
        List<FeatureMatrix> probe = new ArrayList<>();
        List<FeatureMatrix> blocks = new ArrayList<>();
        for (int k = 0; k < sources.size(); k++) {
            String source = sources.get(k);
            boolean layers = source.equals(LAYER_MODEL.cliName());
            List<String> vertices = layers ? blockNames : List.of(last);
            float[][] f = probeFeatures[k];
            for (int v = 0; v < vertices.size(); v++) {
                FeatureMatrix x = FeatureMatrix.ofFloats(source, n, f[v].length / n, f[v]);
                if (vertices.get(v).equals(last)) {
                    probe.add(x);
                }
                if (layers) {
                    blocks.add(x.withName(vertices.get(v)));
                }
            }
        }
        return new MiniResults(config, sources, tasks, transfer, winrate, fineTuned, new FeatureSet(probe),
                mapShape(spec, size, probe.get(0).cols()),
                LAYER_MODEL.cliName(), new FeatureSet(blocks), blockTransfer, estimators, List.of(runs), fingerprint,
                seconds);
    }

    /**
     * Scores one source on the targets of one input kind with every estimator, from the first images of the label
     * budget: its features there, and, when the source is a classifier, its head's class probabilities.
     */
    private static void scoreEstimators(EstimatorScores out, List<TransferabilityEstimator> methods, int s,
            ComputationGraph net, float[] budgetFeatures, List<MiniTask> targets, Map<MiniTask, TaskSamples> train,
            List<MiniTask> tasks, ImageSize size, int images) {
        int budget = train.get(targets.get(0)).count();
        int d = budgetFeatures.length / budget;
        double[][] features = EstimatorScores.rows(budgetFeatures, images, d);
        double[][] components = targets.stream().anyMatch(t -> t.kind() == MiniTask.Kind.CLASSIFICATION)
                ? EstimatorScores.components(features) : null;
        TaskSamples first = train.get(targets.get(0));
        double[][] probabilities = null;
        if (isClassifier(net)) {
            int classes = (int) net.getLayer(MiniNetworks.HEAD).getParam("b").length();
            float[] inputs = java.util.Arrays.copyOf(first.inputs(), images * size.pixels());
            double[] p = predict(net, size, inputs, images, classes);
            probabilities = new double[images][classes];
            for (int i = 0; i < images; i++) {
                System.arraycopy(p, i * classes, probabilities[i], 0, classes);
            }
        }
        for (MiniTask target : targets) {
            out.score(methods, s, tasks.indexOf(target), features, components, probabilities, train.get(target));
        }
    }

    /** @return whether the network's head is a softmax classifier (its outputs are class probabilities) */
    static boolean isClassifier(ComputationGraph net) {
        org.deeplearning4j.nn.conf.layers.Layer head = ((org.deeplearning4j.nn.conf.graph.LayerVertex) net
                .getConfiguration().getVertices().get(MiniNetworks.HEAD)).getLayerConf().getLayer();
        return head instanceof org.deeplearning4j.nn.conf.layers.OutputLayer o
                && o.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationSoftmax;
    }

    /**
     * @param target the task
     * @param pred   m x k predictions
     * @param truth  its evaluation samples
     * @return accuracy (classification) or R^2 = 1 - SSE / SST around the evaluation mean (regression)
     */
    static double score(MiniTask target, double[] pred, TaskSamples truth) {
        int m = truth.count();
        int k = truth.outputs();
        if (target.kind() == MiniTask.Kind.CLASSIFICATION) {
            int correct = 0;
            for (int i = 0; i < m; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (pred[i * k + c] > pred[i * k + best]) {
                        best = c;
                    }
                }
                correct += best == truth.classes()[i] ? 1 : 0;
            }
            return correct / (double) m;
        }
        float[] y = truth.targets();
        double[] mean = new double[k];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < k; c++) {
                mean[c] += y[i * k + c];
            }
        }
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < k; c++) {
                double e = pred[i * k + c] - y[i * k + c];
                double t = y[i * k + c] - mean[c] / m;
                sse += e * e;
                sst += t * t;
            }
        }
        return sst == 0 ? 0 : 1 - sse / sst;
    }

    /** @return the squared error of each image's prediction */
    static double[] imageLosses(double[] pred, float[] truth, int m, int k) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = pred[i * k + c] - truth[i * k + c];
                sum += e * e;
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * @param losses sources x targets x images squared errors
     * @return sources x targets: the share of (image, other source) pairs this source wins (ties count half)
     */
    static double[][] winrate(double[][][] losses) {
        int sources = losses.length;
        int targets = losses[0].length;
        double[][] out = new double[sources][targets];
        for (int j = 0; j < targets; j++) {
            int m = losses[0][j].length;
            for (int s = 0; s < sources; s++) {
                double wins = 0;
                for (int o = 0; o < sources; o++) {
                    if (o == s) {
                        continue;
                    }
                    for (int i = 0; i < m; i++) {
                        double a = losses[s][j][i];
                        double b = losses[o][j][i];
                        wins += a < b ? 1 : a == b ? 0.5 : 0;
                    }
                }
                out[s][j] = wins / ((sources - 1) * (double) m);
            }
        }
        return out;
    }

    /**
     * @param spec the encoder
     * @param size the input images' size
     * @param cols values per image of the last stage's output, rows x columns x channels
     * @return the shape of that output: each stride-2 step of the encoder halves a side, rounding up
     */
    static MapShape mapShape(ResNetSpec spec, ImageSize size, int cols) {
        int channels = spec.stageChannels(spec.stages());
        int rows = size.height();
        int columns = size.width();
        for (int s = spec.stride(spec.stages()); s > 1; s /= 2) {
            rows = (rows + 1) / 2;
            columns = (columns + 1) / 2;
        }
        if ((long) rows * columns * channels != cols) {
            throw new IllegalStateException("the last stage gives " + cols + " values per image, not " + rows + " x "
                    + columns + " x " + channels + " as " + size + " images should");
        }
        return new MapShape(rows, columns, channels);
    }

    private static ComputationGraph init(ResNetSpec spec, ImageSize size, MiniTask task, MiniConfig config) {
        return init(spec, size, task, config, seed(config, task.cliName(), "init"));
    }

    /** @return a source network, untrained, with the configured learning-rate schedule over its steps */
    private static ComputationGraph sourceNetwork(ResNetSpec spec, ImageSize size, MiniTask task, MiniConfig config,
            int steps) {
        if (!config.oneCycle()) {
            return init(spec, size, task, config);
        }
        ComputationGraph net = new ComputationGraph(MiniNetworks.network(spec, size,
                task.kind() == MiniTask.Kind.CLASSIFICATION, task.outputs(size), seed(config, task.cliName(), "init"),
                new OneCycle(config.learningRate(), OneCycle.WARMUP).schedule(steps)));
        net.init();
        return net;
    }

    private static ComputationGraph init(ResNetSpec spec, ImageSize size, MiniTask task, MiniConfig config,
            long seed) {
        ComputationGraph net = new ComputationGraph(MiniNetworks.network(spec, size,
                task.kind() == MiniTask.Kind.CLASSIFICATION, task.outputs(size), seed,
                config.oneCycle() ? FINE_TUNE_LEARNING_RATE : config.learningRate()));
        net.init();
        return net;
    }

    /** Copies every encoder parameter (all layers but the head), batch-norm statistics included. */
    static void copyEncoder(ComputationGraph from, ComputationGraph to) {
        for (String name : to.getConfiguration().getVertices().keySet()) {
            org.deeplearning4j.nn.api.Layer layer = to.getLayer(name);
            if (layer == null || name.equals(MiniNetworks.HEAD) || layer.numParams() == 0) {
                continue;
            }
            org.deeplearning4j.nn.api.Layer source = from.getLayer(name);
            for (Map.Entry<String, org.nd4j.linalg.api.ndarray.INDArray> p : source.paramTable().entrySet()) {
                layer.setParam(p.getKey(), p.getValue().dup());
            }
        }
    }

    /** @return the network's head outputs for the inputs, count x k row-major */
    static double[] predict(ComputationGraph net, ImageSize size, float[] inputs, int count, int k) {
        int pixels = size.pixels();
        double[] out = new double[count * k];
        for (int from = 0; from < count; from += EncoderFeatures.BATCH) {
            int b = Math.min(EncoderFeatures.BATCH, count - from);
            float[] x = new float[b * pixels];
            System.arraycopy(inputs, from * pixels, x, 0, b * pixels);
            org.nd4j.linalg.api.ndarray.INDArray y = net.outputSingle(org.nd4j.linalg.factory.Nd4j.create(x,
                    new long[] {b, 1, size.height(), size.width()}, 'c'));
            double[] v = y.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
            System.arraycopy(v, 0, out, from * k, b * k);
            if (y.closeable()) {
                y.close();
            }
        }
        return out;
    }

    /** Checks that a split has enough images, of the training split's size. */
    private static void check(FashionMnist data, ImageSize size, int needed, String split, String what,
            MiniConfig config) {
        if (data.labels().length < needed || !data.imageSize().equals(size)) {
            throw new org.dds.core.DdsInputException(p -> "the Fashion-MNIST " + split + " files in "
                    + (config.data() == null ? FashionMnist.DEFAULT_DIRECTORY : config.data()) + " hold "
                    + data.labels().length + " images of " + data.imageSize() + ", but the benchmark needs "
                    + needed + " (" + what + ") of " + size + ": point " + p.apply("data")
                    + " at the original files or choose smaller sizes");
        }
    }

    /**
     * @param config the run
     * @param parts  what the seed is for
     * @return a seed that depends on the run's seed and every part (String.hashCode is specified, so stable)
     */
    static long seed(MiniConfig config, String... parts) {
        long s = config.seed() * SeedMix.GOLDEN;
        for (String p : parts) {
            s = SeedMix.mix64(s ^ p.hashCode());
        }
        return s;
    }

    private static int[] range(int from, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String fingerprint(FashionMnist train, FashionMnist test) {
        MessageDigest md = Sha256.digest();
        for (FashionMnist f : List.of(train, test)) {
            md.update(f.images().pixels());
            for (int label : f.labels()) {
                md.update((byte) label);
            }
        }
        return Sha256.hex(md);
    }
}
