package org.dds.experiments.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import org.dds.core.DdsInputException;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.ProjectInfo;
import org.dds.experiments.Reproduction;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.reports.ExperimentResult;
import org.dds.reports.InputFile;
import org.dds.reports.Provenance;
import org.dds.reports.Report;
import org.dds.reports.ReportWriter;

/**
 * The one path from experiments to their output, for {@code dds reproduce} and every per-table command: the
 * context (progress on stderr), the run through {@link Reproduction} (skip rules), the provenance (command line,
 * configuration, seeds, versions, SHA-256 of every input, elapsed time) and the run directory. A command is its
 * options and a call to this class.
 */
final class ExperimentRunner {
    private final DdsSubcommand command;
    private final Instant clock = Instant.now();

    /** @param command the command being run: its streams and its command line */
    ExperimentRunner(DdsSubcommand command) {
        this.command = command;
    }

    /** @return when the run started, to the second */
    Instant start() {
        return clock.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param groundTruth the ground-truth directory
     * @param features    the features directory, if any
     * @param quick       the quick mode
     * @param seed        the run's seed
     * @return a context whose progress goes to stderr
     */
    ExperimentContext context(GroundTruthLocation groundTruth, Optional<Path> features, boolean quick, long seed) {
        return new ExperimentContext(groundTruth, features, quick, seed, line -> {
            command.err().println(line);
            command.err().flush();
        });
    }

    /**
     * @param experiments what to run, in order
     * @param context     where the inputs are
     * @param mode        a report's or a command's rules
     * @return what ran, what was skipped, the inputs read
     */
    Reproduction.Outcome run(List<Experiment> experiments, ExperimentContext context, Reproduction.Mode mode) {
        return Reproduction.run(experiments, context, mode, Flags::of);
    }

    /**
     * Runs one experiment with a command's rules.
     *
     * @param experiment the experiment
     * @param context    where its inputs are
     * @return its outcome, with exactly one result
     * @throws DdsInputException if an input is missing (the reason says which and how to get it) or unusable
     */
    Reproduction.Outcome runOne(Experiment experiment, ExperimentContext context) {
        Reproduction.Outcome outcome = run(List.of(experiment), context, Reproduction.Mode.COMMAND);
        if (!outcome.skipped().isEmpty()) {
            throw new DdsInputException(outcome.skipped().get(0).reason());
        }
        return outcome;
    }

    /**
     * Runs one experiment with a command's rules.
     *
     * @param experiment the experiment
     * @param context    where its inputs are
     * @return its result
     * @throws DdsInputException if an input is missing or unusable
     */
    ExperimentResult result(Experiment experiment, ExperimentContext context) {
        return runOne(experiment, context).results().get(0);
    }

    /**
     * Writes a run directory (complete or not at all) with the provenance of this run.
     *
     * @param directory the run directory
     * @param title     the report's title
     * @param outcome   what ran and what was skipped
     * @param extra     input files besides the experiments' own (e.g. a mapping file given on the command line)
     * @param config    every setting that shapes the results
     * @param seeds     every seed
     * @return the path of the report's index page
     */
    Path write(Path directory, String title, Reproduction.Outcome outcome, List<Path> extra,
            SortedMap<String, String> config, SortedMap<String, Long> seeds) {
        List<InputFile> inputs = new ArrayList<>(outcome.inputs());
        for (InputFile f : Reproduction.hash(extra)) {
            if (inputs.stream().noneMatch(i -> i.path().equals(f.path()))) {
                inputs.add(f);
            }
        }
        GroundTruthLocator locator = GroundTruthLocator.system();
        Provenance provenance = new Provenance(commandLine(), config, seeds, ProjectInfo.version(),
                ProjectInfo.gitCommit(locator.repoRoot()), ProjectInfo.javaVersion(), ProjectInfo.os(),
                start().toString(), inputs).withElapsed(Duration.between(clock, Instant.now()));
        return ReportWriter.write(directory, new Report(title, outcome.results(), outcome.skipped(), provenance));
    }

    /** @return the command line as typed, arguments with spaces quoted */
    private String commandLine() {
        StringBuilder s = new StringBuilder(command.spec.root().name());
        for (String arg : command.spec.root().commandLine().getParseResult().originalArgs()) {
            s.append(' ').append(arg.isEmpty() || arg.matches(".*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'"
                    : arg);
        }
        return s.toString();
    }
}
