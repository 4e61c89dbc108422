package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dds.core.DdsInputException;
import org.dds.experiments.Reproduction;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.TaskFamilies;
import org.dds.experiments.layers.Figure4;
import org.dds.groundtruth.files.GroundTruthLocator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds fig4}: DDS between the blocks of one encoder and task models, per task family. */
@Command(name = "fig4", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Paper Figure 4: which block of an encoder is most similar to which task family.",
        description = {
            "Computes DDS (z-score, f = Laplacian, unbiased-centred CKA; Dwivedi et al., ECCV 2020, Figure 4)"
                    + " between every block of one encoder and every task model on the same images, the mean over"
                    + " the tasks of each family (2D, 3D, semantic for the Taskonomy models), the family each block"
                    + " is most similar to with the paper's statement beside it (block 1 -> 2D, block 3 -> 3D,"
                    + " block 4 -> semantic, block 2 no clear preference), and the block most similar to each"
                    + " family.",
            "Without --out, writes the blocks x families CSV to stdout; with --out, a run directory (report.md,"
                    + " the blocks x tasks matrix and the per-family tables as CSV, provenance.json)."
        },
        footer = {
            "%nExamples:",
            "  ./dds fig4 --blocks resnet50_blocks.npz --tasks taskonomy_pascal_feats_taskonomy_5000.npy",
            "  ./dds fig4 --blocks blocks/ --tasks tasks/ --families my_families.csv --out reports/fig4",
            "%nThe blocks are the models of --blocks (e.g. block1..block4: an .npz with one array per block, or a"
                    + " directory of block<k>.npy); they may have different numbers of features. The tasks are the"
                    + " models of --tasks, on the same images in the same order. Tasks without a family in the"
                    + " mapping are shown in the matrix and left out of the family means.",
            "%n" + Help.FEATURES,
            "%n" + Help.EXIT_CODES
        })
final class Figure4Command extends DdsSubcommand {
    @Option(names = "--blocks", required = true, paramLabel = "PATH",
            description = "features whose models are the blocks of one encoder")
    Path blocks;

    @Option(names = "--tasks", required = true, paramLabel = "PATH",
            description = "features of the task models, on the same images")
    Path tasks;

    @Option(names = "--images", converter = Converters.Positive.class, paramLabel = "N",
            description = "use the first N images (default: " + Figure4.IMAGES + ", or all when there are fewer)")
    Integer images;

    @Option(names = "--families", paramLabel = "FILE",
            description = "CSV 'task,family' giving each task's family (default: the Taskonomy families, 2D / 3D /"
                    + " semantic, after Zamir et al., CVPR 2018)")
    Path families;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write a run directory, complete or not at all, instead of the CSV on stdout")
    Path out;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.RUN));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--blocks", blocks),
                new Outputs.Input("--tasks", tasks),
                new Outputs.Input("--families", families));
    }

    @Override
    void execute() {
        requireExists(blocks, "--blocks");
        requireExists(tasks, "--tasks");
        TaskFamilies mapping = families == null ? TaskFamilies.taskonomy() : TaskFamilies.read(families);
        Path b = blocks.toAbsolutePath().normalize();
        Path t = tasks.toAbsolutePath().normalize();
        Figure4 figure = new Figure4(
                new RequiredInput("--blocks", c -> Optional.of(b), p -> "pass " + p.apply("blocks") + " PATH"),
                new RequiredInput("--tasks", c -> Optional.of(t), p -> "pass " + p.apply("tasks") + " PATH"),
                mapping, images == null ? OptionalInt.empty() : OptionalInt.of(images), false);
        ExperimentRunner runner = new ExperimentRunner(this);
        Reproduction.Outcome outcome = runner.runOne(figure,
                runner.context(GroundTruthLocator.system().locate(), Optional.empty(), false, 0));
        if (out != null) {
            SortedMap<String, String> config = new TreeMap<>();
            config.put("blocks", b.toString());
            config.put("tasks", t.toString());
            config.put("images", images == null ? "first " + Figure4.IMAGES + " (or all if fewer)"
                    : String.valueOf(images));
            config.put("families", mapping.source());
            config.put("dds", "zscore/laplacian/cka (unbiased)");
            out().println(runner.write(out, "DDS: paper Figure 4 (layer selection)", outcome,
                    families == null ? List.of() : List.of(families), config, new TreeMap<>()));
            return;
        }
        emit(outcome.results().get(0).tables().get(0), null);
    }

    private static void requireExists(Path p, String option) {
        if (!Files.exists(p)) {
            throw new DdsInputException(option + " " + p + " does not exist: give a feature file or directory (see"
                    + " --help)");
        }
    }
}
