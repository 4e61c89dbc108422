package org.dds.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.experiments.mini.MiniTaskonomy;
import org.dds.mini.MiniBenchmark;
import org.dds.mini.MiniConfig;
import org.dds.mini.MiniResults;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds bench mini}: the stage times of Mini-Taskonomy's quick mode, sources trained anew. */
@Command(name = "mini", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Times the stages of Mini-Taskonomy's quick mode (what ./dds reproduce --quick runs).",
        description = {
            "Runs Mini-Taskonomy's quick mode with an empty source cache (a temporary folder, deleted afterwards,"
                    + " unless --cache is given) and prints the time of each stage: loading Fashion-MNIST, the"
                    + " sources and the transfer matrix (one pool of workers: wall time, then the worker-seconds of"
                    + " training with its images per second, of features and of ridge readouts), and the"
                    + " evaluation of DDS; the last line is 'mini: <total> s'."
        },
        footer = {"%nExample:", "  ./dds bench mini"})
final class BenchMiniCommand extends DdsSubcommand {
    @Option(names = "--data", paramLabel = "DIR", description = "the folder of the four Fashion-MNIST IDX files"
            + " (default: $" + MiniTaskonomy.DATA_ENV + ", else /usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--cache", paramLabel = "DIR", description = "a source cache to use (default: a new temporary"
            + " folder, so that the sources are trained)")
    Path cache;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1993",
            description = "seed of every stochastic step (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    void execute() {
        if (data != null && !Files.isDirectory(data)) {
            throw new DdsInputException("--data " + data + " is not a directory: give the folder that holds the"
                    + " Fashion-MNIST IDX files (train-images-idx3-ubyte.gz, ...)");
        }
        Path dataDir = data != null ? data : MiniTaskonomy.dataDirectory(System::getenv);
        Path temp = null;
        try {
            if (cache == null) {
                temp = Files.createTempDirectory("dds-bench-mini");
            }
            long start = System.nanoTime();
            MiniConfig config = MiniConfig.quick(dataDir, cache != null ? cache : temp, seed);
            MiniResults r = MiniBenchmark.run(config, line -> err().println(line));
            long evaluation = System.nanoTime();
            MiniTaskonomy.evaluate(r, MiniTaskonomy.Settings.of(true), seed, line -> err().println(line));
            double evalSeconds = (System.nanoTime() - evaluation) / 1e9;
            double total = (System.nanoTime() - start) / 1e9;
            Map<String, Double> s = r.seconds();
            double training = s.getOrDefault(MiniBenchmark.TRAIN_SOURCES, 0.0);
            long images = (long) config.sourceImages() * config.epochs() * r.sourceRuns().stream()
                    .filter(run -> !run.fromCache() && run.seconds() > 0).count();
            var out = out();
            out.printf(Locale.ROOT, "mini: load data %.1f s%n", s.getOrDefault("load data", 0.0));
            out.printf(Locale.ROOT, "mini: sources and transfer matrix %.1f s on %d workers%n",
                    s.getOrDefault(MiniBenchmark.SOURCES_AND_TRANSFER, 0.0), MiniBenchmark.WORKERS);
            out.printf(Locale.ROOT, "mini:   sources %.1f worker-s (%d images trained, %.0f images/s per worker,"
                    + " %.0f on %d)%n", training, images, training > 0 ? images / training : 0,
                    training > 0 ? images / training * MiniBenchmark.WORKERS : 0, MiniBenchmark.WORKERS);
            out.printf(Locale.ROOT, "mini:   features %.1f worker-s, readouts %.1f worker-s%n",
                    s.getOrDefault(MiniBenchmark.TRANSFER_FEATURES, 0.0),
                    s.getOrDefault(MiniBenchmark.TRANSFER_READOUTS, 0.0));
            out.printf(Locale.ROOT, "mini: evaluation %.1f s%n", evalSeconds);
            out.printf(Locale.ROOT, "mini: %.1f s%n", total);
        } catch (IOException e) {
            throw new DdsInputException("cannot create a temporary source cache (" + e.getMessage()
                    + "); pass --cache DIR");
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the benchmark's numbers are already printed.
        }
    }
}
