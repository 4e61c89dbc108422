package org.dds.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.core.Wording;
import org.dds.io.Sha256;
import org.dds.reports.ExperimentResult;
import org.dds.reports.InputFile;
import org.dds.reports.SkippedExperiment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one runner of experiments, for {@code dds reproduce} and every per-table command alike. It runs experiments in
 * order: each one whose inputs are all there runs; the others are skipped with the exact missing input and how to
 * get it. In a report ({@link Mode#REPORT}) an experiment whose input is there but unusable (a
 * {@link DdsInputException}) is skipped too, with the reason, so one bad file does not cost the rest of the report;
 * a command ({@link Mode#COMMAND}) lets that exception through, so the user sees it as the command's one error. The
 * SHA-256 of every input of the experiments that ran is recorded for the provenance.
 */
public final class Reproduction {
    private static final Logger LOG = LoggerFactory.getLogger(Reproduction.class);

    /**
     * What a reproduction produced.
     *
     * @param results the experiments that ran, in order
     * @param skipped those that did not, with the reason
     * @param inputs  every input file of those that ran, each once, with its SHA-256
     */
    public record Outcome(List<ExperimentResult> results, List<SkippedExperiment> skipped, List<InputFile> inputs) {
        /** Copies the lists. */
        public Outcome {
            results = List.copyOf(results);
            skipped = List.copyOf(skipped);
            inputs = List.copyOf(inputs);
        }
    }

    /** How the runner treats an experiment and its inputs. */
    public enum Mode {
        /** {@code dds reproduce}: a line of progress per experiment; an unusable input skips the experiment. */
        REPORT,
        /** A per-table command: no progress lines of its own; an unusable input fails the run. */
        COMMAND
    }

    private Reproduction() {
    }

    /**
     * Runs in {@link Mode#REPORT}.
     *
     * @param experiments what to run, in order
     * @param context     where the inputs are
     * @return the results, the skipped experiments and the inputs read
     */
    public static Outcome run(List<Experiment> experiments, ExperimentContext context) {
        return run(experiments, context, Mode.REPORT);
    }

    /**
     * @param experiments what to run, in order
     * @param context     where the inputs are
     * @param mode        a report's or a command's rules
     * @return the results, the skipped experiments and the inputs read
     * @throws DdsInputException in {@link Mode#COMMAND}, if an input is there but unusable
     */
    public static Outcome run(List<Experiment> experiments, ExperimentContext context, Mode mode) {
        return run(experiments, context, mode, Wording.BY_NAME);
    }

    /**
     * @param experiments what to run, in order
     * @param context     where the inputs are
     * @param mode        a report's or a command's rules
     * @param spelling    how the reasons of skipped experiments spell parameters (the command line's flags)
     * @return the results, the skipped experiments and the inputs read
     * @throws DdsInputException in {@link Mode#COMMAND}, if an input is there but unusable
     */
    public static Outcome run(List<Experiment> experiments, ExperimentContext context, Mode mode,
            UnaryOperator<String> spelling) {
        List<ExperimentResult> results = new ArrayList<>();
        List<SkippedExperiment> skipped = new ArrayList<>();
        Map<Path, InputFile> inputs = new LinkedHashMap<>();
        int k = 0;
        for (Experiment e : experiments) {
            k++;
            String step = "[" + k + "/" + experiments.size() + "] " + e.name();
            List<String> missing = e.requiredInputs().stream().map(r -> r.missing(context))
                    .flatMap(Optional::stream).map(w -> w.apply(spelling)).toList();
            if (!missing.isEmpty()) {
                if (mode == Mode.REPORT) {
                    context.progress().accept(step + ": skipped, " + missing.get(0));
                }
                skipped.add(new SkippedExperiment(e.name(), e.paperReference(), String.join("; ", missing)));
                continue;
            }
            if (mode == Mode.REPORT) {
                context.progress().accept(step + ": running (" + e.paperReference() + ")");
            }
            ExperimentResult result;
            try {
                result = e.run(context);
            } catch (DdsInputException ex) {
                if (mode == Mode.COMMAND) {
                    throw ex;
                }
                LOG.warn("{} skipped: {}", e.name(), ex.getMessage());
                skipped.add(new SkippedExperiment(e.name(), e.paperReference(),
                        "unusable input: " + ex.messageFor(spelling)));
                continue;
            }
            results.add(result);
            for (RequiredInput r : e.requiredInputs()) {
                r.locate(context).ifPresent(p -> hashInto(p, inputs));
            }
        }
        return new Outcome(results, skipped, new ArrayList<>(inputs.values()));
    }

    /**
     * @param files files or directories (every regular file under a directory, sorted by path)
     * @return each file once, with its SHA-256, in that order
     */
    public static List<InputFile> hash(List<Path> files) {
        Map<Path, InputFile> inputs = new LinkedHashMap<>();
        files.forEach(p -> hashInto(p, inputs));
        return new ArrayList<>(inputs.values());
    }

    /** Records the SHA-256 of a file, or of every regular file under a directory (sorted by path). */
    private static void hashInto(Path input, Map<Path, InputFile> inputs) {
        Path root = input.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                inputs.computeIfAbsent(f, p -> new InputFile(p.toString(), Sha256.of(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
