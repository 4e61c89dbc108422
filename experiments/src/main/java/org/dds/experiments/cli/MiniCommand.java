package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dds.core.DdsInputException;
import org.dds.experiments.Reproduction;
import org.dds.experiments.mini.MiniTaskonomy;
import org.dds.groundtruth.files.GroundTruthLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds mini}: the Mini-Taskonomy benchmark alone, as a report. */
@Command(name = "mini", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Mini-Taskonomy: train sources on Fashion-MNIST, build the transfer matrix, evaluate DDS.",
        description = {
            "Trains one small ResNet per task (10-class, coarse class, autoencoding, denoising, inpainting, edges,"
                    + " keypoints, rotation, shift) on Fashion-MNIST plus an untrained control, builds the"
                    + " brute-force transfer and winrate matrices with ridge readouts from the frozen encoders, and"
                    + " scores DDS, RSA and linear CKA on held-out images with the paper's Spearman protocol; then"
                    + " ranks the blocks of the 10-class encoder against measured transfer (layer selection). The"
                    + " full mode (without --quick) also fine-tunes every source on every target and puts the"
                    + " transferability estimators (LogME, H-score, NCE, LEEP, PARC, GBC, TransRate, kNN) beside"
                    + " DDS."
                    + " Trained sources are cached, so a rerun skips them. Writes a report (index.html, report.md,"
                    + " CSV, charts) to --out. ./dds reproduce runs the same experiment."
        },
        footer = {"%nExamples:", "  ./dds mini --quick", "  ./dds mini --out reports/mini-full",
            "%nFashion-MNIST: sudo apt-get install dataset-fashion-mnist (or --data DIR / $"
                    + MiniTaskonomy.DATA_ENV + ").", "%n" + Help.EXIT_CODES})
final class MiniCommand extends DdsSubcommand {
    @Option(names = "--quick", description = "the quick mode (minutes on 2 cores) instead of the full reference run")
    boolean quick;

    @Option(names = "--data", paramLabel = "DIR", description = "the folder of the four Fashion-MNIST IDX files"
            + " (default: $" + MiniTaskonomy.DATA_ENV + ", else /usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--cache", paramLabel = "DIR", description = "where trained sources are cached (default:"
            + " $" + MiniTaskonomy.CACHE_ENV + "/mini, else ~/.cache/dds/mini)")
    Path cache;

    @Option(names = "--out", paramLabel = "DIR", description = "the report directory (default: reports/mini-quick"
            + " or reports/mini-full in the repository)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1993",
            description = "seed of every stochastic step (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.RUN));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--data", data));
    }

    @Override
    void execute() {
        if (data != null && !Files.isDirectory(data)) {
            throw new DdsInputException("--data " + data + " is not a directory: give the folder that holds the"
                    + " Fashion-MNIST IDX files (train-images-idx3-ubyte.gz, ...)");
        }
        ExperimentRunner runner = new ExperimentRunner(this);
        GroundTruthLocator locator = GroundTruthLocator.system();
        Path runDirectory = out != null ? out
                : locator.repoRoot().resolve("reports").resolve(quick ? "mini-quick" : "mini-full");
        Reproduction.Outcome outcome = runner.runOne(new MiniTaskonomy(data, cache),
                runner.context(locator.locate(null), Optional.empty(), quick, seed));
        SortedMap<String, String> config = new TreeMap<>();
        config.put("quick", String.valueOf(quick));
        config.put("data", String.valueOf(data != null ? data : MiniTaskonomy.dataDirectory(System::getenv)));
        config.put("cache", String.valueOf(cache != null ? cache : MiniTaskonomy.cacheDirectory(System::getenv)));
        SortedMap<String, Long> seeds = new TreeMap<>();
        seeds.put("seed", seed);
        Path index = runner.write(runDirectory, "DDS Mini-Taskonomy", outcome, List.of(), config, seeds);
        out().println(index);
    }
}
