package org.dds.experiments.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dds.io.NpyWriter;

/**
 * {@code dds bench affinity}: the cases of the scale issue, each against a baseline measured in the same run, every
 * measurement in a JVM (or Python process) of its own so that its peak resident memory (VmHWM) is its own. The
 * features are seeded synthetic float32 {@code .npy} files ({@link SyntheticFeatures}) written once per size into a
 * work directory. The DDS is the default one (z-score, cosine, unbiased CKA).
 *
 * <ul>
 *   <li>{@code n5000}: 20 models x 5000 images, tiled engine (2 GiB heap: the target is 2 GiB of resident memory,
 *   and a larger heap means larger tiles; measured, 1 GiB took 25.8 s and 0.73 GiB, 2 GiB 23.0 s and 1.01 GiB)
 *   against the whole-matrix engine;</li>
 *   <li>{@code n20000}: 20 models x 20,000 images, tiled (2 GiB heap); the whole-matrix engine would need the
 *       memory printed and is not run;</li>
 *   <li>{@code t200}: 200 models x 2000 images, tiled against the whole-matrix engine;</li>
 *   <li>{@code spark}: Spark {@code local[2]} against the tiled engine on the n5000 features;</li>
 *   <li>{@code numpy}: the numpy implementation ({@code affinity_numpy.py}) against the tiled engine, 20 models x
 *       2000 images (the first 2000 of the n5000 features).</li>
 * </ul>
 * The last line is {@code affinity: <median s> s}, the median of the tiled engine's repeats on n5000.
 */
public final class AffinityBenchmark {
    /** All cases, in the order they run. */
    public static final List<String> CASES = List.of("n5000", "n20000", "t200", "spark", "numpy");
    /** JavaCPP's limit on the resident size, which {@code ./dds} sets. */
    private static final String MAX_PHYSICAL = "-Dorg.bytedeco.javacpp.maxphysicalbytes=";

    private final Path work;
    private final int features;
    private final long seed;
    private final double scale;
    private final int repeats;
    private final PrintWriter out;
    private final List<double[]> headline = new ArrayList<>();

    private AffinityBenchmark(Path work, int features, long seed, double scale, int repeats, PrintWriter out) {
        this.work = work;
        this.features = features;
        this.seed = seed;
        this.scale = scale;
        this.repeats = repeats;
        this.out = out;
    }

    /**
     * @param cases    which cases, from {@link #CASES}
     * @param features d
     * @param seed     feature seed
     * @param scale    multiplies every case's n and T (1 for the sizes; e.g. 0.05 for a quick check)
     * @param repeats  timed repeats of the tiled engine in n5000 (the headline)
     * @param work     where the feature files go (kept for the next run)
     * @param out      where the report goes
     */
    public static void run(List<String> cases, int features, long seed, double scale, int repeats, Path work,
            PrintWriter out) {
        AffinityBenchmark b = new AffinityBenchmark(work, features, seed, scale, repeats, out);
        out.printf(Locale.ROOT, "bench affinity: z-score / cosine / unbiased CKA, d = %d float32, seed %d, scale %s,"
                + " one process per measurement (peak RSS = VmHWM)%n", features, seed, scale);
        out.flush();
        for (String c : cases) {
            switch (c) {
                case "n5000" -> b.n5000();
                case "n20000" -> b.n20000();
                case "t200" -> b.t200();
                case "spark" -> b.spark();
                case "numpy" -> b.numpy();
                default -> throw new IllegalArgumentException(c);
            }
        }
        if (!b.headline.isEmpty()) {
            double[] t = b.headline.stream().mapToDouble(r -> r[0]).toArray();
            out.printf(Locale.ROOT, "affinity: %.3f s%n", AblationBenchmark.median(t));
        }
        out.flush();
    }

    private int n(int images) {
        return Math.max(16, (int) Math.round(images * scale));
    }

    private int t(int models) {
        return Math.max(2, (int) Math.round(models * scale));
    }

    private void n5000() {
        int t = t(20);
        int n = n(5000);
        Path dir = features(t, n);
        List<double[]> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            runs.add(java("tiled", dir, n, "2g", "n5000-tiled"));
        }
        headline.addAll(runs);
        double[] base = baseline("memory", dir, n, heapOfMachine(45), "n5000-memory");
        report("n5000: " + t + " models x " + n + " images", "tiled (heap 2 GiB)", runs, "whole-matrix engine",
                base, "n5000-tiled", "n5000-memory");
    }

    private void n20000() {
        int t = t(20);
        int n = n(20000);
        Path dir = features(t, n);
        double[] tiled = java("tiled", dir, n, "2g", "n20000-tiled");
        double gib = org.dds.core.affinity.AffinityMatrix.estimatedBytes(t, n, features) / (1 << 30);
        out.printf(Locale.ROOT, "  n20000: %d models x %d images: tiled (heap 2 GiB) %.2f s, peak RSS %.2f GiB;"
                + " whole-matrix engine not run (needs about %.0f GiB)%n", t, n, tiled[0], tiled[1], gib);
        out.flush();
    }

    private void t200() {
        int t = t(200);
        int n = n(2000);
        Path dir = features(t, n);
        double[] tiled = java("tiled", dir, n, "2g", "t200-tiled");
        // The whole-matrix engine holds 200 models' n x n matrices and their stacked upper triangles: 45% of this
        // machine's 24 GiB ran out of heap (measured), so it gets 70%.
        double[] base = baseline("memory", dir, n, heapOfMachine(70), "t200-memory");
        report("t200: " + t + " models x " + n + " images", "tiled (heap 2 GiB)", List.of(tiled),
                "whole-matrix engine", base, "t200-tiled", "t200-memory");
    }

    private void spark() {
        int t = t(20);
        int n = n(5000);
        Path dir = features(t, n);
        double[] spark = java("spark", dir, n, "2g", "spark-local2");
        double[] tiled = java("tiled", dir, n, "2g", "spark-tiled");
        report("spark: " + t + " models x " + n + " images", "Spark local[2] (heap 2 GiB)", List.of(spark),
                "tiled engine, same heap", tiled, "spark-local2", "spark-tiled");
    }

    private void numpy() {
        int t = t(20);
        int n5000 = n(5000);
        int n = n(2000);
        Path dir = features(t, n5000);
        double[] tiled = java("tiled", dir, n, "1g", "numpy-tiled");
        double[] np = python(dir, n, "numpy-numpy");
        report("numpy: " + t + " models x " + n + " images", "tiled (heap 1 GiB)", List.of(tiled),
                "numpy (affinity_numpy.py)", np, "numpy-tiled", "numpy-numpy");
    }

    private void report(String what, String engine, List<double[]> runs, String baseline, double[] base,
            String csvA, String csvB) {
        double[] times = runs.stream().mapToDouble(r -> r[0]).toArray();
        double rss = runs.stream().mapToDouble(r -> r[1]).max().orElse(Double.NaN);
        double median = AblationBenchmark.median(times);
        if (base == null) {
            out.printf(Locale.ROOT, "  %s: %s %.2f s (median of %d: %s), peak RSS %.2f GiB | %s did not finish: %s"
                    + " (see %s)%n", what, engine, median, times.length, Arrays.toString(times), rss, baseline,
                    failure(csvB), work.resolve(csvB + ".log"));
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "  %s: %s %.2f s (median of %d: %s), peak RSS %.2f GiB | %s %.2f s, peak RSS %.2f"
                + " GiB | time ratio %.2fx | largest difference %.1e%n", what, engine, median, times.length,
                Arrays.toString(times), rss, baseline, base[0], base[1], median / base[0],
                difference(work.resolve(csvA + ".csv"), work.resolve(csvB + ".csv")));
        out.flush();
    }

    /** Writes the synthetic features of T models x n images once (a marker file says they are complete). */
    private Path features(int models, int images) {
        Path dir = work.resolve(String.format(Locale.ROOT, "features-%dx%dx%d-seed%d", models, images, features,
                seed));
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            out.printf(Locale.ROOT, "  writing %d models x %d images x %d float32 to %s%n", models, images, features,
                    dir);
            out.flush();
            SyntheticFeatures.forEachModel(models, images, features, seed, (m, x) -> {
                try {
                    NpyWriter.write(dir.resolve("model" + m + ".npy"), new int[] {images, features}, x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StringBuilder names = new StringBuilder();
            for (int m = 0; m < models; m++) {
                names.append("model").append(m).append('\n');
            }
            Files.writeString(dir.resolve("models.txt"), names);
            Files.writeString(done, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's features to " + dir, e);
        }
        return dir;
    }

    /** Runs one {@link AffinityCase} in a JVM of its own; returns {seconds, peak RSS in GiB}. */
    private double[] java(String engine, Path dir, int n, String heap, String name) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-Xmx") && !a.startsWith("-Xms") && !a.startsWith("-XX:MaxRAMPercentage")
                    && !a.startsWith(MAX_PHYSICAL)) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx" + heap);
        // The launcher's limit on the resident size (3400 MiB, a trigger for JavaCPP's collections) would fail the
        // whole-matrix engine, which needs more resident heap than that, at its first native call: none here.
        cmd.add(MAX_PHYSICAL + "0");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AffinityCase.class.getName(), engine,
                dir.toString(), Integer.toString(n), "0", work.resolve(name + ".csv").toString()));
        return measure(cmd, name);
    }

    /**
     * Runs a baseline that may not fit this machine (the whole-matrix engine's memory grows with T n^2).
     *
     * @return {seconds, peak RSS in GiB}, or null when it failed; its log says why
     */
    private double[] baseline(String engine, Path dir, int n, String heap, String name) {
        try {
            return java(engine, dir, n, heap, name);
        } catch (IllegalStateException failed) {
            return null;
        }
    }

    /** @return the first line of a failed measurement's log that names an error, or a generic phrase */
    private String failure(String name) {
        try {
            return Files.readAllLines(work.resolve(name + ".log")).stream()
                    .filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
                    .map(l -> l.replaceFirst("^Exception in thread \"main\" ", "")).orElse("it exited with an error");
        } catch (IOException e) {
            return "it exited with an error";
        }
    }

    private double[] python(Path dir, int n, String name) {
        Path script = work.resolve("affinity_numpy.py");
        try (InputStream in = AffinityBenchmark.class.getResourceAsStream("affinity_numpy.py")) {
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return measure(List.of("python3", script.toString(), dir.toString(), Integer.toString(n),
                work.resolve(name + ".csv").toString()), name);
    }

    private double[] measure(List<String> cmd, String name) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(work.resolve(name + ".log").toFile()).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            String line = text.lines().filter(l -> l.startsWith("seconds=")).findFirst().orElse(null);
            if (code != 0 || line == null) {
                throw new IllegalStateException(name + " failed (exit " + code + "): see " + work.resolve(name
                        + ".log"));
            }
            String[] parts = line.split("[= ]");
            return new double[] {Double.parseDouble(parts[1]), Long.parseLong(parts[3]) / 1024.0 / 1024.0};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The largest absolute difference between two matrices written as CSV. */
    private static double difference(Path a, Path b) {
        try {
            List<String> x = Files.readAllLines(a);
            List<String> y = Files.readAllLines(b);
            double max = 0;
            for (int i = 0; i < x.size(); i++) {
                String[] p = x.get(i).split(",");
                String[] q = y.get(i).split(",");
                for (int j = 0; j < p.length; j++) {
                    max = Math.max(max, Math.abs(Double.parseDouble(p[j]) - Double.parseDouble(q[j])));
                }
            }
            return max;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the given percentage of this machine's memory, as a -Xmx value */
    private static String heapOfMachine(int percent) {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return (bytes * percent / 100 >> 20) + "m";
    }
}
