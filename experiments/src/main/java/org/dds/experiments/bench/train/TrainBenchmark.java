package org.dds.experiments.bench.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.dds.training.backend.NativeBackend;
import org.dds.training.model.DecoderSpec;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.Networks;
import org.dds.training.model.ResNetSpec;
import org.dds.training.model.SgdMomentum;
import org.dds.training.task.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code dds bench train}: training throughput (images per second over timed SGD steps after warm-up) and peak
 * resident memory of ResNet-50 + the stacked-channel DeepLabV3 decoder branched after each block (paper Table 5's
 * networks, semantic task, 21 classes) and of a small basic-block ResNet classifier on 28 x 28 images, on seeded
 * random data; in the same run, the same networks and steps in PyTorch on the CPU (the peer script
 * {@code torch_peer.py}, run with a Python that has torch) when one is found. Not a test: a measurement.
 */
public final class TrainBenchmark {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TrainBenchmark() {
    }

    /**
     * The settings of one benchmark run.
     *
     * @param blocks      blocks to branch after (empty: skip ResNet-50)
     * @param size        image side for ResNet-50 (224)
     * @param batch       batch for ResNet-50 (8)
     * @param smallBatch  batch for the small ResNet at 28 x 28 (0: skip it)
     * @param smallWidths widths of the small ResNet's stages
     * @param smallDepths blocks per stage of the small ResNet
     * @param warmup      untimed steps first (at least one runs: it builds the gradient function)
     * @param steps       timed steps (the small ResNet runs 4x as many)
     * @param options     layout and type of the DL4J networks
     * @param python      the Python with torch for the peer, or empty to skip it
     * @param threads     threads for PyTorch (ND4J's come from OMP_NUM_THREADS)
     * @param seed        seed of the data and the weights
     */
    public record Settings(List<Integer> blocks, int size, int batch, int smallBatch, List<Integer> smallWidths,
            List<Integer> smallDepths, int warmup, int steps, NetworkOptions options, Optional<String> python,
            int threads, long seed) {
    }

    /** One measured network: images per second of the fastest step and over all timed steps. */
    record Row(String net, int block, int size, int batch, double images, double meanImages,
            double peakMib) {
    }

    /**
     * @param s        settings
     * @param out      where the table goes
     * @param progress progress lines
     */
    public static void run(Settings s, PrintWriter out, Consumer<String> progress) {
        String variant = NativeBackend.configure();
        Map<String, Row> dl4j = new LinkedHashMap<>();
        String helper = "none";
        for (int block : s.blocks()) {
            progress.accept("DL4J: ResNet-50 + decoder after block " + block + " ...");
            ResNetSpec spec = ResNetSpec.resnet50();
            ComputationGraph net = new ComputationGraph(Networks.segmentation(spec, DecoderSpec.deepLabV3(), block,
                    Task.SEMANTIC, 21, s.size(), s.size(), s.options(), s.seed(), new SgdMomentum(), 1e-4));
            net.init();
            helper = helperOf(net);
            SplittableRandom r = new SplittableRandom(s.seed());
            INDArray x = random(r, s.batch(), 3, s.size(), s.size(), s);
            INDArray y = Nd4j.create(labels(r, s.batch() * s.size() * s.size(), 21),
                    new long[] {s.batch(), 1, s.size(), s.size()}).castTo(s.options().dataType());
            double[] ips = time(net, new MultiDataSet(x, y), s.warmup(), s.steps(), s.batch());
            dl4j.put(key("resnet50-deeplabv3", block), new Row("ResNet-50 + decoder, block " + block, block,
                    s.size(), s.batch(), ips[0], ips[1], peakRssMib()));
        }
        if (s.smallBatch() > 0) {
            progress.accept("DL4J: small ResNet at 28 x 28 ...");
            ResNetSpec spec = ResNetSpec.small(1, s.smallWidths(), s.smallDepths());
            ComputationGraph net = new ComputationGraph(Networks.classifier(spec, 10, 28, 28, s.options(), s.seed(),
                    new SgdMomentum(), 1e-4));
            net.init();
            SplittableRandom r = new SplittableRandom(s.seed());
            INDArray x = random(r, s.smallBatch(), 1, 28, 28, s);
            net.output(x);
            helper = helperOf(net);
            INDArray y = Nd4j.zeros(s.options().dataType(), s.smallBatch(), 10);
            for (int i = 0; i < s.smallBatch(); i++) {
                y.putScalar(i, r.nextInt(10), 1);
            }
            double[] ips = time(net, new MultiDataSet(x, y), s.warmup(), 4 * s.steps(), s.smallBatch());
            dl4j.put(key("small-resnet", 0), new Row("small ResNet (" + net.numParams() + " parameters)", 0, 28,
                    s.smallBatch(), ips[0], ips[1], peakRssMib()));
        }
        Map<String, Row> torch = s.python().map(p -> peer(p, s, progress)).orElse(Map.of());

        out.printf(Locale.ROOT, "DL4J %s (ND4J native variant '%s', convolution helper %s, %s %s, atrous %s),"
                + " OMP_NUM_THREADS=%s; PyTorch: %s%n", NativeBackend.dl4jVersion(), variant, helper,
                s.options().format(), s.options().dataType(), s.options().atrous(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                s.python().isEmpty() ? "not run" : torch.isEmpty() ? "not available" : s.threads() + " threads");
        out.println("network | size | batch | DL4J img/s | PyTorch img/s | DL4J time / PyTorch time"
                + " | DL4J peak RSS MiB | PyTorch peak RSS MiB");
        for (Map.Entry<String, Row> e : dl4j.entrySet()) {
            Row d = e.getValue();
            Row t = torch.get(e.getKey());
            out.printf(Locale.ROOT, "%s | %d | %d | %.2f (mean %.2f) | %s | %s | %.0f | %s%n", d.net(), d.size(),
                    d.batch(), d.images(), d.meanImages(), t == null ? "-"
                            : String.format(Locale.ROOT, "%.2f (mean %.2f)", t.images(), t.meanImages()),
                    t == null ? "-" : String.format(Locale.ROOT, "%.2f", t.images() / d.images()), d.peakMib(),
                    t == null ? "-" : String.format(Locale.ROOT, "%.0f", t.peakMib()));
        }
        out.println("img/s: of the fastest timed step (robust to other processes' load), mean over all timed steps"
                + " in brackets; the ratio compares fastest steps.");
        out.println("peak RSS is the process's high-water mark so far (VmHWM), so later rows include earlier ones;"
                + " run one block at a time (--blocks 3) for that block alone.");
        out.flush();
    }

    /** @return images per second of the fastest timed step, and over all timed steps */
    private static double[] time(ComputationGraph net, MultiDataSet data, int warmup, int steps, int batch) {
        org.dds.training.train.StdoutToStderr.during(() -> net.fit(data));
        for (int i = 1; i < warmup; i++) {
            net.fit(data);
        }
        double best = Double.MAX_VALUE;
        double total = 0;
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            net.fit(data);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            total += seconds;
        }
        return new double[] {batch / best, steps * batch / total};
    }

    private static INDArray random(SplittableRandom r, int n, int c, int h, int w, Settings s) {
        float[] v = new float[n * c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        INDArray x = Nd4j.create(v, new long[] {n, c, h, w}, 'c').castTo(s.options().dataType());
        return s.options().format() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC ? x.permute(0, 2, 3, 1).dup('c')
                : x;
    }

    private static float[] labels(SplittableRandom r, int n, int classes) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(classes);
        }
        return v;
    }

    private static String helperOf(ComputationGraph net) {
        Object h = net.getLayer("conv1").getHelper();
        return h == null ? "none (built-in)" : h.getClass().getSimpleName();
    }

    private static String key(String net, int block) {
        return net + "/" + block;
    }

    /** @return the process's peak resident set (VmHWM) in MiB, or 0 where /proc is absent */
    static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Runs the PyTorch peer script and parses its JSON lines; empty (with a progress line) if it fails. */
    private static Map<String, Row> peer(String python, Settings s, Consumer<String> progress) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Path script = null;
        try {
            script = Files.createTempFile("torch_peer", ".py");
            try (InputStream in = TrainBenchmark.class.getResourceAsStream("torch_peer.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--blocks",
                    String.join(",", s.blocks().stream().map(String::valueOf).toList()), "--size",
                    String.valueOf(s.size()), "--batch", String.valueOf(s.batch()), "--small-batch",
                    String.valueOf(s.smallBatch()), "--small-widths", join(s.smallWidths()), "--small-depths",
                    join(s.smallDepths()), "--warmup", String.valueOf(s.warmup()), "--steps",
                    String.valueOf(s.steps()), "--threads", String.valueOf(s.threads()), "--seed",
                    String.valueOf(s.seed())));
            progress.accept("PyTorch peer: " + String.join(" ", cmd));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.startsWith("{")) {
                        progress.accept("PyTorch: " + line);
                        continue;
                    }
                    try {
                        Row row = peerRow(line);
                        rows.put(key(row.net(), row.block()), row);
                    } catch (IOException e) {
                        progress.accept("PyTorch: unreadable result line (" + e.getMessage() + ")");
                    }
                }
            }
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                progress.accept("PyTorch peer failed (exit " + (p.isAlive() ? "timeout" : p.exitValue())
                        + "): its rows are left empty");
            }
        } catch (IOException e) {
            progress.accept("PyTorch peer not run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            }
        }
        return rows;
    }

    /**
     * @param line one JSON line of the peer: {@code {"net": .., "block": .., "images_per_second": .., "mean": ..,
     *             "peak_rss_mib": ..}}
     * @return it as a row (size and batch are the DL4J row's)
     * @throws IOException if the line is not such an object
     */
    static Row peerRow(String line) throws IOException {
        JsonNode f = JSON.readTree(line);
        for (String field : List.of("net", "block", "images_per_second", "mean", "peak_rss_mib")) {
            if (!f.hasNonNull(field)) {
                throw new IOException("the PyTorch peer's line has no '" + field + "': " + line);
            }
        }
        return new Row(f.get("net").asText(), f.get("block").asInt(), 0, 0, f.get("images_per_second").asDouble(),
                f.get("mean").asDouble(), f.get("peak_rss_mib").asDouble());
    }

    private static String join(List<Integer> v) {
        return String.join(",", v.stream().map(String::valueOf).toList());
    }
}
