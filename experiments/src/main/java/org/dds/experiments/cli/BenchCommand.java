package org.dds.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.experiments.bench.AblationBenchmark;
import org.dds.experiments.bench.AffinityBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dds bench}: timings of the DDS computations on synthetic features. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.Ablation.class, BenchCommand.Affinity.class,
            BenchTrainCommand.class, BenchMiniCommand.class},
        header = "Timings of the DDS computations on synthetic features.",
        description = "Times the DDS computations on seeded synthetic features (no input files needed)."
                + " Choose a benchmark: ablation or affinity.",
        footer = {"%nExamples:", "  ./dds bench ablation", "  ./dds bench affinity --images 1000"})
final class BenchCommand {

    /** The synthetic features both benchmarks time: T models of d features, seeded. */
    static final class Synthetic {
        @Option(names = "--models", converter = Converters.Models.class, defaultValue = "20",
                description = "T (default: ${DEFAULT-VALUE})")
        int models;

        @Option(names = "--features", converter = Converters.Positive.class, defaultValue = "2048",
                description = "d (default: ${DEFAULT-VALUE})")
        int features;

        @Option(names = "--seed", defaultValue = "42", description = "seed of the features (default: ${DEFAULT-VALUE})")
        long seed;
    }

    /** {@code dds bench ablation}: the full Table-2 ablation, fast path against the naive baseline. */
    @Command(name = "ablation", sortOptions = false, mixinStandardHelpOptions = true,
            header = "Times the Table-2 ablation against the naive per-pair computation.",
            description = "Times the full Table-2 ablation (7 normalisations x 6 functions f, all pairs of models)"
                    + " against the naive per-pair computation on the same machine, and prints the timings.",
            footer = {"%nExample:", "  ./dds bench ablation --models 20 --images 200 --features 2048 --repeats 5"})
    static final class Ablation extends DdsSubcommand {
        @Mixin
        Synthetic synthetic;

        @Option(names = "--images", converter = Converters.Images.class, defaultValue = "200",
                description = "n (default: ${DEFAULT-VALUE})")
        int images;

        @Option(names = "--repeats", converter = Converters.Positive.class, defaultValue = "5",
                description = "timed repeats (default: ${DEFAULT-VALUE})")
        int repeats;

        @Option(names = "--naive-repeats", converter = Converters.Positive.class, defaultValue = "1",
                description = "timed repeats of the naive baseline (default: ${DEFAULT-VALUE})")
        int naiveRepeats;

        @Override
        void execute() {
            AblationBenchmark.run(synthetic.models, images, synthetic.features, repeats, naiveRepeats,
                    synthetic.seed, out());
        }
    }

    /** {@code dds bench affinity}: the scale cases, each against a baseline in the same run. */
    @Command(name = "affinity", sortOptions = false, mixinStandardHelpOptions = true,
            header = "Times the affinity engines at scale, each against a baseline.",
            description = {"Times the default DDS affinity matrix (z-score, cosine, unbiased CKA) on seeded synthetic"
                    + " float32 features, each case in a process of its own with its peak resident memory (VmHWM):",
                "n5000: 20 models x 5000 images, tiled engine vs the whole-matrix engine;",
                "n20000: 20 models x 20,000 images, tiled engine (the whole-matrix engine would not fit);",
                "t200: 200 models x 2000 images, tiled vs whole-matrix;",
                "spark: Spark local[2] vs the tiled engine, 20 models x 5000 images;",
                "numpy: the numpy implementation (python3) vs the tiled engine, 20 models x 2000 images.",
                "The last line is 'affinity: <median s> s', the tiled engine on n5000. The full run needs about"
                        + " 10 GiB of disk for the features (kept in --work for the next run) and tens of minutes."},
            footer = {"%nExamples:", "  ./dds bench affinity", "  ./dds bench affinity --cases n5000,numpy --repeats 3",
                "  ./dds bench affinity --scale 0.05    # every case at 5%% of n and T: a quick check"})
    static final class Affinity extends DdsSubcommand {
        @Option(names = "--cases", split = ",", paramLabel = "NAME",
                description = "which cases (default: all): n5000, n20000, t200, spark, numpy")
        List<String> cases;

        @Option(names = "--features", converter = Converters.Positive.class, defaultValue = "2048", description = "d (default: ${DEFAULT-VALUE})")
        int features;

        @Option(names = "--seed", defaultValue = "42", description = "seed of the features (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--scale", defaultValue = "1", description = "multiplies every case's n and T"
                + " (default: ${DEFAULT-VALUE})")
        double scale;

        @Option(names = "--repeats", converter = Converters.Positive.class, defaultValue = "3",
                description = "timed repeats of the headline case (default: ${DEFAULT-VALUE})")
        int repeats;

        @Option(names = "--work", paramLabel = "DIR", description = "where the feature files go (default:"
                + " <tmp>/dds-bench-affinity)")
        Path work;

        @Override
        void execute() throws IOException {
            List<String> chosen = cases == null ? AffinityBenchmark.CASES : cases;
            for (String c : chosen) {
                if (!AffinityBenchmark.CASES.contains(c)) {
                    throw new DdsInputException("unknown case '" + c + "' for --cases: expected one of "
                            + String.join(", ", AffinityBenchmark.CASES));
                }
            }
            if (!(scale > 0) || repeats < 1) {
                throw new DdsInputException("--scale must be positive and --repeats at least 1");
            }
            Path dir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "dds-bench-affinity");
            Files.createDirectories(dir);
            AffinityBenchmark.run(chosen, features, seed, scale, repeats, dir, out());
        }
    }
}
