package org.dds.training.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.dds.core.DdsInputException;
import org.dds.io.AtomicFiles;
import org.dds.io.Json;
import org.dds.io.Sha256;
import org.dds.training.backend.NativeBackend;
import org.dds.training.data.DenseBatches;
import org.dds.training.data.DenseDataset;
import org.dds.training.model.Networks;
import org.dds.training.model.SgdMomentum;
import org.dds.training.task.Metric;
import org.dds.training.data.PixelNormalization;
import org.dds.training.weights.WeightFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one network of paper Table 5 (encoder fine-tuned, decoder from scratch; SGD with momentum, weight decay and
 * the poly learning-rate schedule over all iterations), evaluates it after every epoch, and keeps the run directory
 * resumable:
 * <ul>
 * <li>{@value #CHECKPOINT}: parameters, optimiser state and iteration count after the last finished epoch;</li>
 * <li>{@value #STATE}: how many epochs it holds and the settings it was made with;</li>
 * <li>{@value #EPOCHS}: one row per epoch (train loss, validation metric, learning rate, time, images/s);</li>
 * <li>{@value #RESULT_CSV} and {@value #RESULT_JSON}: the final metric, with the settings and provenance.</li>
 * </ul>
 * Every file is replaced whole. A resumed run continues bit for bit: the batches of an epoch depend only on
 * (seed, epoch), and the checkpoint holds everything else. Progress goes to the given consumer (stderr in the CLI).
 */
public final class Trainer {
    /** The checkpoint file. */
    public static final String CHECKPOINT = "checkpoint.zip";
    /** The state file. */
    public static final String STATE = "state.properties";
    /** The per-epoch table. */
    public static final String EPOCHS = "epochs.csv";
    /** The final result with provenance. */
    public static final String RESULT_JSON = "result.json";
    /**
     * The final result as one CSV row under {@link RunResult#CSV_HEADER}: the transfer ground truth that the
     * groundtruth module reads ({@code org.dds.groundtruth.runs.TrainingRuns}).
     */
    public static final String RESULT_CSV = "result.csv";

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final TrainConfig config;
    private final DenseDataset train;
    private final DenseDataset val;
    private final Consumer<String> progress;

    /**
     * @param config   the run
     * @param train    the training split
     * @param val      the validation split
     * @param progress receives progress lines
     */
    public Trainer(TrainConfig config, DenseDataset train, DenseDataset val, Consumer<String> progress) {
        this.config = config;
        this.train = train;
        this.val = val;
        this.progress = progress;
    }

    /**
     * Trains from the start, or from the last checkpoint when {@code resume}.
     *
     * @param resume continue the run in {@code config.out()}
     * @return the final result
     */
    public RunResult run(boolean resume) {
        return run(resume, Integer.MAX_VALUE);
    }

    /**
     * @param resume     continue the run in {@code config.out()}
     * @param stopAfter  stop (as if killed) after this many epochs of this call; the run stays resumable
     * @return the final result, or null when stopped early
     */
    RunResult run(boolean resume, int stopAfter) {
        NativeBackend.configure();
        Path out = config.out();
        Path checkpoint = out.resolve(CHECKPOINT);
        int classes = train.classes();
        int outputs = config.task().outputs(classes);
        DenseBatches batches = new DenseBatches(train, config.task(), config.imageSize(), config.batch(), true,
                config.seed(), config.limit(), config.options().format(), config.options().dataType(),
                normalization());
        if (batches.batchesPerEpoch() == 0) {
            throw new DdsInputException(p -> train.describe() + " has fewer images (" + batches.images() + ") than"
                    + " one batch (" + config.batch() + "): lower " + p.apply("batch"));
        }
        int steps = batches.batchesPerEpoch();
        int totalSteps = steps * config.epochs();

        ComputationGraph net;
        int done;
        List<String> rows = new ArrayList<>();
        if (Files.exists(checkpoint)) {
            if (!resume) {
                throw new DdsInputException(p -> out + " already holds a run (" + CHECKPOINT + "): pass "
                        + p.apply("resume") + " to continue it, or choose another " + p.apply("out"));
            }
            Properties state = readState(out.resolve(STATE));
            checkSettings(state, out);
            done = Integer.parseInt(state.getProperty("epochs_done"));
            net = restore(checkpoint);
            rows.addAll(readRows(out.resolve(EPOCHS), done));
            progress.accept(String.format(Locale.ROOT, "resuming %s after epoch %d of %d", out, done,
                    config.epochs()));
        } else {
            if (resume) {
                progress.accept("no checkpoint in " + out + ": starting from the beginning");
            }
            net = new ComputationGraph(Networks.segmentation(config.encoder(), config.decoder(), config.block(),
                    config.task(), outputs, config.imageSize(), config.imageSize(), config.options(), config.seed(),
                    new SgdMomentum(config.learningRate(), config.momentum(), new PolySchedule(ScheduleType.ITERATION,
                            config.learningRate(), config.power(), totalSteps)), config.weightDecay()));
            net.init();
            if (config.weights() != null) {
                int n = WeightFormat.of(config.weights()).load(config.weights(), net);
                progress.accept("loaded " + n + " ImageNet tensors from " + config.weights());
            } else {
                LOG.warn("NO PRETRAINED WEIGHTS: the encoder starts from random initialisation (give ImageNet"
                        + " weights to fine-tune them as the paper does); recorded in result.json");
                progress.accept("WARNING: no pretrained weights: the encoder starts from random initialisation");
            }
            done = 0;
        }

        ParallelWrapper wrapper = config.gpus() > 1 ? new ParallelWrapper.Builder<>(net).workers(config.gpus())
                .prefetchBuffer(2).averagingFrequency(1).averageUpdaters(true).build() : null;
        try {
            int stopAt = (int) Math.min(config.epochs(), (long) done + stopAfter);
            for (int epoch = done; epoch < stopAt; epoch++) {
                long start = System.nanoTime();
                // The poly schedule's rate at the epoch's first iteration (PolySchedule, ITERATION).
                double lr = config.learningRate() * Math.pow(1 - (double) epoch * steps / totalSteps, config.power());
                batches.setEpoch(epoch);
                double loss = wrapper != null ? fitParallel(wrapper, net, batches) : fit(net, batches, epoch, steps,
                        totalSteps, start);
                net.incrementEpochCount();
                double metric = evaluate(net, classes);
                double seconds = (System.nanoTime() - start) / 1e9;
                rows.add(String.format(Locale.ROOT, "%d,%s,%s,%s,%.3f,%.3f", epoch + 1, loss, metric, lr, seconds,
                        batches.batchesPerEpoch() * config.batch() / seconds));
                saveCheckpoint(net, epoch + 1, rows);
                progress.accept(String.format(Locale.ROOT, "epoch %d/%d done: train loss %.4f, val %s %.4f (%.0f s)",
                        epoch + 1, config.epochs(), loss, config.task().metric(), metric, seconds));
            }
            if (stopAt < config.epochs()) {
                return null;
            }
        } finally {
            if (wrapper != null) {
                wrapper.shutdown();
            }
        }
        String[] last = rows.get(rows.size() - 1).split(",");
        RunResult result = new RunResult(config.dataset(), config.task(), config.block(), config.task().metric(),
                Double.parseDouble(last[2]), config.epochs(),
                config.weights() == null ? "random init" : config.weights().getFileName().toString());
        writeResult(result);
        return result;
    }

    private double fit(ComputationGraph net, DenseBatches batches, int epoch, int steps, int totalSteps,
            long start) {
        long[] lastReport = {System.nanoTime()};
        EpochLoop.Stats stats = EpochLoop.run(steps, step -> {
            MultiDataSet ds = batches.next();
            net.fit(ds);
            return new EpochLoop.Result(net.score(), config.batch());
        }, true, (step, score) -> "training diverged at epoch " + (epoch + 1) + " step " + step + " (loss " + score
                + "): lower the learning rate or check the labels", (step, loss, sofar) -> {
                    long now = System.nanoTime();
                    if (now - lastReport[0] > PROGRESS_EVERY_NANOS || step == steps) {
                        lastReport[0] = now;
                        double elapsed = (now - start) / 1e9;
                        double perStep = elapsed / step;
                        long remaining = (long) (perStep * (totalSteps - (long) epoch * steps - step));
                        progress.accept(String.format(Locale.ROOT, "epoch %d/%d step %d/%d loss %.4f %.1f img/s"
                                + " ETA %s", epoch + 1, config.epochs(), step, steps, sofar.meanStepLoss(),
                                step * config.batch() / elapsed, format(Duration.ofSeconds(remaining))));
                    }
                });
        return stats.meanStepLoss();
    }

    private static double fitParallel(ParallelWrapper wrapper, ComputationGraph net, DenseBatches batches) {
        StdoutToStderr.during(() -> wrapper.fit(batches));
        double score = net.score();
        if (!Double.isFinite(score)) {
            throw new IllegalStateException("training diverged (loss " + score + "): lower the learning rate");
        }
        return score;
    }

    private double evaluate(ComputationGraph net, int classes) {
        Metric metric = Metric.of(config.task(), classes);
        DenseBatches batches = new DenseBatches(val, config.task(), config.imageSize(), config.batch(), false,
                config.seed(), config.limit(), config.options().format(), config.options().dataType(),
                normalization());
        while (batches.hasNext()) {
            MultiDataSet ds = batches.next();
            INDArray prediction = net.output(false, ds.getFeatures(0))[0];
            metric.add(prediction, ds.getLabels(0));
        }
        return metric.value();
    }

    /** @return the input normalisation of the weights (torchvision's for random initialisation) */
    private PixelNormalization normalization() {
        return config.weights() == null ? PixelNormalization.TORCHVISION : WeightFormat.of(config.weights())
                .normalization();
    }

    private void saveCheckpoint(ComputationGraph net, int epochsDone, List<String> rows) {
        Path out = config.out();
        AtomicFiles.writeFile(out.resolve(CHECKPOINT), f -> ModelSerializer.writeModel(net, f.toFile(), true));
        StringBuilder csv = new StringBuilder("epoch,train_loss," + config.task().metric()
                + ",learning_rate,seconds,images_per_second\n");
        rows.forEach(r -> csv.append(r).append('\n'));
        AtomicFiles.writeString(out.resolve(EPOCHS), csv.toString());
        StringBuilder state = new StringBuilder("epochs_done=" + epochsDone + "\n");
        config.settings().forEach((k, v) -> state.append("setting.").append(k).append('=')
                .append(v.replace("\\", "\\\\")).append('\n'));
        AtomicFiles.writeString(out.resolve(STATE), state.toString());
    }

    private void writeResult(RunResult r) {
        Path out = config.out();
        AtomicFiles.writeString(out.resolve(RESULT_CSV), RunResult.CSV_HEADER + "\n" + r.csvRow() + "\n");
        SortedMap<String, String> provenance = new TreeMap<>();
        provenance.put("java_version", System.getProperty("java.version"));
        provenance.put("os", System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        provenance.put("nd4j_native_variant", NativeBackend.configure());
        provenance.put("dl4j_version", NativeBackend.dl4jVersion());
        provenance.put("timestamp", Instant.now().toString());
        provenance.put("train_data", train.describe());
        provenance.put("val_data", val.describe());
        provenance.put("weights", config.weights() == null ? "random init (no weights given)"
                : config.weights().toAbsolutePath() + " sha256 " + sha256(config.weights()));
        provenance.put("input_normalization", normalization().toString());
        Map<String, String> result = new LinkedHashMap<>();
        result.put("metric", r.metric());
        result.put("value", Double.toString(r.value()));
        result.put("higher_is_better", String.valueOf(r.task().higherIsBetter()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", result);
        json.put("settings", config.settings());
        json.put("provenance", provenance);
        AtomicFiles.writeString(out.resolve(RESULT_JSON), Json.write(json));
    }

    private void checkSettings(Properties state, Path out) {
        List<String> differ = new ArrayList<>();
        config.settings().forEach((k, v) -> {
            String saved = state.getProperty("setting." + k);
            if (!v.equals(saved)) {
                differ.add(k + " (checkpoint: " + saved + ", now: " + v + ")");
            }
        });
        if (!differ.isEmpty()) {
            throw new DdsInputException(p -> "cannot resume " + out + " with other settings: "
                    + String.join(", ", differ) + "; use the same options as the interrupted run, or another "
                    + p.apply("out"));
        }
    }

    private static Properties readState(Path file) {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new DdsInputException(s -> "cannot read " + file + " (" + e.getMessage() + "): the run directory"
                    + " is incomplete; start again in another " + s.apply("out"), e);
        }
        if (p.getProperty("epochs_done") == null) {
            throw new DdsInputException(s -> file + " has no epochs_done: the run directory is damaged; start again"
                    + " in another " + s.apply("out"));
        }
        return p;
    }

    private static List<String> readRows(Path file, int expected) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> rows = lines.subList(1, lines.size()).stream().filter(s -> !s.isBlank()).toList();
            if (rows.size() != expected) {
                int found = rows.size();
                throw new DdsInputException(p -> file + " has " + found + " epochs but the checkpoint " + expected
                        + ": the run directory is damaged; start again in another " + p.apply("out"));
            }
            return rows;
        } catch (IOException e) {
            throw new DdsInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ComputationGraph restore(Path checkpoint) {
        try {
            return ModelSerializer.restoreComputationGraph(checkpoint.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new DdsInputException(p -> "cannot read the checkpoint " + checkpoint + " (" + e.getMessage()
                    + "): start again in another " + p.apply("out"), e);
        }
    }

    /**
     * @param file a file
     * @return its SHA-256, hex
     */
    static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (java.io.UncheckedIOException e) {
            throw new DdsInputException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    private static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
