package org.dds.experiments.cli;

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

    /** {@code dds bench affinity}: one affinity matrix at a larger number of images. */
    @Command(name = "affinity", sortOptions = false, mixinStandardHelpOptions = true,
            header = "Times one affinity matrix.",
            description = "Times one affinity matrix (T models, n images) and prints the timings.",
            footer = {"%nExample:", "  ./dds bench affinity --images 1000"})
    static final class Affinity extends DdsSubcommand {
        @Mixin
        Synthetic synthetic;

        @Option(names = "--images", converter = Converters.Images.class, defaultValue = "1000",
                description = "n (default: ${DEFAULT-VALUE})")
        int images;

        @Option(names = "--repeats", converter = Converters.Positive.class, defaultValue = "5",
                description = "timed repeats (default: ${DEFAULT-VALUE})")
        int repeats;

        @Override
        void execute() {
            AffinityBenchmark.run(synthetic.models, images, synthetic.features, repeats, synthetic.seed, out());
        }
    }
}
