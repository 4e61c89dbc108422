package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.Experiments;
import org.dds.experiments.Reproduction;
import org.dds.experiments.features.AuthorsFeatures;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.reports.ReportWriter;
import org.dds.reports.SkippedExperiment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds reproduce}: every experiment it has inputs for, into one report. */
@Command(name = "reproduce", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Reproduces the paper's numbers into reports/<run>/.",
        description = {
            "Reproduces the paper: runs every registered experiment whose inputs are there and writes"
                    + " reports/<run>/: index.html (what reproduced and what did not at a glance, every table with"
                    + " each reproduced number beside the published one, charts, the provenance, and the experiments"
                    + " skipped with the exact missing input; opens from disk), report.md (the same in Markdown),"
                    + " one CSV per table, charts/ (PNG and SVG), results.json (every result, from which"
                    + " ./dds report regenerates the report) and provenance.json (command, configuration, seeds,"
                    + " versions, SHA-256 of every input).",
            "With Fashion-MNIST installed (sudo apt-get install dataset-fashion-mnist) it runs Mini-Taskonomy: it"
                    + " trains 9 small source networks (a few minutes in --quick mode, cached for reruns), builds"
                    + " their transfer matrix and scores DDS on it; --skip mini-taskonomy leaves it out.",
            "The run directory is written whole or not at all; the same inputs give byte-identical files apart"
                    + " from the timestamp, run time and command line. Prints the path of index.html at the end."
        },
        footer = {
            "%nExamples:",
            "  ./dds reproduce --quick",
            "  ./dds reproduce --quick --skip mini-taskonomy",
            "  ./dds reproduce --features ~/data/taskonomy_features --out reports/full",
            "%n" + Help.GROUND_TRUTH,
            "%n" + Help.FEATURES,
            "%n" + Help.EXIT_CODES
        })
final class ReproduceCommand extends DdsSubcommand {
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--quick", description = "the quick mode: fewer repeats and smaller sizes where an experiment"
            + " has them (minutes on 2 cores)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the run directory (default: reports/<UTC time, e.g. 20261126-213000> in the repository)")
    Path out;

    @Option(names = "--groundtruth", paramLabel = "DIR", description = "the ground-truth directory (see below)")
    Path groundTruth;

    @Option(names = "--features", paramLabel = "DIR",
            description = "the directory of the features the experiments need, e.g. the authors'"
                    + " taskonomy_pascal_feats_<dataset>.npy (default: the environment variable DDS_FEATURES; without"
                    + " either, those experiments are skipped)")
    Path features;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1993",
            description = "seed of every stochastic step (default: ${DEFAULT-VALUE}, the paper's bootstrap seed)")
    long seed;

    @Option(names = "--skip", paramLabel = "NAME", split = ",",
            description = "leave these experiments out (comma-separated names, e.g. mini-taskonomy); the report lists"
                    + " them as skipped")
    List<String> skip = new ArrayList<>();

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "run only these experiments (comma-separated names, e.g. table2,table3)")
    List<String> only = new ArrayList<>();

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.RUN));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--features", features),
                new Outputs.Input("--groundtruth", groundTruth));
    }

    @Override
    void execute() {
        List<Experiment> all = Experiments.all();
        List<String> names = all.stream().map(Experiment::name).toList();
        for (String n : concat(skip, only)) {
            if (!names.contains(n)) {
                throw new DdsInputException("--skip/--only names an unknown experiment '" + n + "': the experiments"
                        + " are " + String.join(", ", names));
            }
        }
        List<Experiment> chosen = new ArrayList<>();
        List<SkippedExperiment> leftOut = new ArrayList<>();
        for (Experiment e : all) {
            if (skip.contains(e.name()) || !only.isEmpty() && !only.contains(e.name())) {
                leftOut.add(new SkippedExperiment(e.name(), e.paperReference(), "left out by "
                        + (skip.contains(e.name()) ? "--skip" : "--only") + " on the command line"));
            } else {
                chosen.add(e);
            }
        }
        ExperimentRunner runner = new ExperimentRunner(this);
        GroundTruthLocator locator = GroundTruthLocator.system();
        GroundTruthLocation location = locator.locate(groundTruth);
        if (features != null && !Files.exists(features)) {
            throw new DdsInputException("--features " + features + " does not exist: give the directory that holds"
                    + " the features, or leave --features out to skip the experiments that need them");
        }
        Optional<Path> featureDir = AuthorsFeatures.directory(features, System::getenv);
        Path runDirectory = out != null ? out
                : locator.repoRoot().resolve("reports").resolve(RUN_NAME.format(runner.start()));

        ExperimentContext context = runner.context(location, featureDir, quick, seed);
        Reproduction.Outcome run = runner.run(chosen, context, Reproduction.Mode.REPORT);
        List<SkippedExperiment> skipped = new ArrayList<>(run.skipped());
        skipped.addAll(leftOut);
        Reproduction.Outcome outcome = new Reproduction.Outcome(run.results(), skipped, run.inputs());

        SortedMap<String, String> config = new TreeMap<>();
        config.put("quick", String.valueOf(quick));
        config.put("groundtruth", location.directory() + " (from " + location.origin().label(Flags::of) + ")");
        config.put("features", featureDir.map(Path::toString).orElse("none"));
        config.put("experiments", chosen.stream().map(Experiment::name).collect(Collectors.joining(",")));
        SortedMap<String, Long> seeds = new TreeMap<>();
        seeds.put("seed", seed);
        Path index = runner.write(runDirectory, "DDS reproduction", outcome, List.of(), config, seeds);
        err().println(outcome.results().size() + " experiment(s) ran, " + outcome.skipped().size() + " skipped; "
                + ReportWriter.REPORT_FILE + " and " + ReportWriter.RESULTS_FILE + " are beside the report");
        out().println(index);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
