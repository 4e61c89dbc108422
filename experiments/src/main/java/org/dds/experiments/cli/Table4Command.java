package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.core.kernel.FunctionType;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.Reproduction;
import org.dds.experiments.pascal.ImageSet;
import org.dds.experiments.pascal.PascalBootstrap;
import org.dds.experiments.pascal.Table4;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;
import org.dds.reports.SkippedExperiment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds table4}: the Pascal VOC bootstrap of paper Table 4 on every image set whose features are there. */
@Command(name = "table4", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Paper Table 4: the Pascal VOC bootstrap on Taskonomy, Pascal VOC and NYUv2 images.",
        description = {
            "Reproduces paper Table 4 (Dwivedi et al., ECCV 2020): for each image set, draws of N images without"
                    + " replacement; in each draw DDS(source, pascal_voc_segmentation) for the 17 Taskonomy sources"
                    + " of the Pascal VOC ground truth (z-score, unbiased-centred CKA, each of the six f) and"
                    + " Spearman's rho with their transfer mIoU; then the mean, population sd and 95%% percentile"
                    + " interval of rho per f, beside the paper's numbers (and the authors' notebook's on Pascal VOC"
                    + " images).",
            "The draws are seeded but come from Java's SplittableRandom, not numpy: the paper's exact draws cannot"
                    + " be reproduced, so the means differ from the published ones by bootstrap noise.",
            "Runs the image sets whose features are there and says which are missing. Without --out, writes one"
                    + " CSV row per image set and f to stdout; with --out, a run directory like 'dds reproduce'."
        },
        footer = {
            "%nExamples:",
            "  ./dds table4 --features ~/data/dds_features",
            "  ./dds table4 --features ~/data/dds_features/taskonomy_pascal_feats_nyuv2.npy --draws 10",
            "  ./dds table4 --features ~/data/dds_features --out reports/table4",
            "%nFeatures: DIR holds the authors' taskonomy_pascal_feats_<image set>.npy for the image sets"
                    + " taskonomy_5000, pascal_5000 and nyuv2 (each a pickled dict of the 20 Taskonomy models and"
                    + " pascal_voc_segmentation), or a directory DIR/<image set>/ in any feature layout (e.g. one"
                    + " <model>.npy per model). --features may also name one of those files.",
            "%n" + Help.EXIT_CODES
        })
final class Table4Command extends DdsSubcommand {
    private static final Pattern AUTHORS_FILE = Pattern.compile("taskonomy_pascal_feats_(.+)\\.npy");

    @Option(names = "--features", required = true, paramLabel = "DIR",
            description = "the directory with the feature files of the image sets, or one such file (see below)")
    Path features;

    @Option(names = "--draws", converter = Converters.Positive.class, paramLabel = "N",
            defaultValue = "" + Table4.DRAWS,
            description = "bootstrap draws per image set (default: ${DEFAULT-VALUE}, the paper's)")
    int draws;

    @Option(names = "--images", converter = Converters.Positive.class, paramLabel = "N",
            defaultValue = "" + Table4.IMAGES,
            description = "images per draw, without replacement (default: ${DEFAULT-VALUE}, the paper's)")
    int images;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1993",
            description = "seed of the draws (default: ${DEFAULT-VALUE}, the paper's, here for SplittableRandom)")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write a run directory (report.md, one CSV per table, provenance.json), complete or not"
                    + " at all, instead of the CSV on stdout")
    Path out;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.RUN));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--features", features));
    }

    @Override
    void execute() {
        // Checked before any file is read: a bad number should not wait for 1.7 GB of features.
        new PascalBootstrap.Settings(draws, images, seed, 0.95, PascalBootstrap.FUNCTIONS);
        if (!Files.exists(features)) {
            throw new DdsInputException("--features " + features + " does not exist: give the directory that holds"
                    + " taskonomy_pascal_feats_<image set>.npy (see --help)");
        }
        Path dir = features.toAbsolutePath().normalize();
        List<ImageSet> sets = List.of(ImageSet.values());
        if (!Files.isDirectory(dir)) {
            Matcher m = AUTHORS_FILE.matcher(dir.getFileName().toString());
            if (!m.matches()) {
                throw new DdsInputException("--features " + features + " is neither a directory nor one of the"
                        + " authors' taskonomy_pascal_feats_<image set>.npy files: pass the directory that holds"
                        + " them");
            }
            sets = List.of(ImageSet.parse(m.group(1)));
            dir = dir.getParent();
        }
        ExperimentRunner runner = new ExperimentRunner(this);
        ExperimentContext context = runner.context(GroundTruthLocator.system().locate(), Optional.of(dir), false,
                seed);
        List<Experiment> experiments = sets.stream()
                .<Experiment>map(set -> new Table4(set, OptionalInt.of(draws), images)).toList();
        Reproduction.Outcome outcome = runner.run(experiments, context, Reproduction.Mode.COMMAND);
        if (outcome.results().isEmpty()) {
            throw new DdsInputException("--features " + features + " holds none of "
                    + sets.stream().map(s -> "taskonomy_pascal_feats_" + s.id() + ".npy")
                            .collect(Collectors.joining(", "))
                    + ": put the authors' feature files (or directories <image set>/ of <model>.npy) there");
        }
        for (SkippedExperiment s : outcome.skipped()) {
            err().println("table4: missing " + s.name() + ": " + s.reason());
        }
        if (out != null) {
            SortedMap<String, String> config = new TreeMap<>();
            config.put("features", dir.toString());
            config.put("draws", String.valueOf(draws));
            config.put("images", String.valueOf(images));
            config.put("normalisation", "zscore");
            config.put("g", "cka (unbiased)");
            config.put("functions", PascalBootstrap.FUNCTIONS.stream().map(FunctionType::cliName)
                    .collect(Collectors.joining(",")));
            SortedMap<String, Long> seeds = new TreeMap<>();
            seeds.put("bootstrap", seed);
            out().println(runner.write(out, "DDS: paper Table 4 (Pascal VOC)", outcome, List.of(), config, seeds));
            return;
        }
        emit(combined(outcome.results()), null);
    }

    /** One table of every image set's summary rows, each prefixed with its image set. */
    private static ResultTable combined(List<ExperimentResult> results) {
        ResultTable.Builder table = ResultTable.builder("table4", "Paper Table 4").text("image_set");
        boolean declared = false;
        for (ExperimentResult r : results) {
            ResultTable summary = r.tables().get(0);
            if (!declared) {
                summary.columns().forEach(c -> table.column(c.name(), c.type()));
                declared = true;
            }
            for (List<Cell> row : summary.rows()) {
                List<Object> withSet = new ArrayList<>();
                withSet.add(r.name().substring("table4-".length()));
                withSet.addAll(row);
                table.row(withSet);
            }
        }
        return table.build();
    }
}
