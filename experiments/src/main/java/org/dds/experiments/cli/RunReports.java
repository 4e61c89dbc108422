package org.dds.experiments.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

import org.dds.io.Sha256;
import org.dds.experiments.ProjectInfo;
import org.dds.experiments.Reproduction;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.reports.InputFile;
import org.dds.reports.Provenance;

import picocli.CommandLine.Model.CommandSpec;

/**
 * What the experiment commands ({@code table4}, {@code fig4}) share when they write a run directory like
 * {@code reproduce} does: the provenance of the run, with the SHA-256 of every input file.
 */
final class RunReports {

    private RunReports() {
    }

    /**
     * @param spec   the command being run
     * @param config every setting that shapes the results
     * @param seeds  every seed
     * @param inputs the input files or directories (every regular file under a directory is hashed)
     * @return the provenance, timestamped now
     */
    static Provenance provenance(CommandSpec spec, SortedMap<String, String> config, SortedMap<String, Long> seeds,
            List<Path> inputs) {
        Map<Path, InputFile> files = new LinkedHashMap<>();
        for (Path p : inputs) {
            hashInto(p, files);
        }
        GroundTruthLocator locator = GroundTruthLocator.system();
        return new Provenance(commandLine(spec), config, seeds, ProjectInfo.version(),
                ProjectInfo.gitCommit(locator.repoRoot()), ProjectInfo.javaVersion(), ProjectInfo.os(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), new ArrayList<>(files.values()));
    }

    /** @return the command line as typed, arguments with spaces quoted */
    static String commandLine(CommandSpec spec) {
        StringBuilder s = new StringBuilder(spec.root().name());
        for (String arg : spec.root().commandLine().getParseResult().originalArgs()) {
            s.append(' ').append(arg.isEmpty() || arg.matches(".*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'"
                    : arg);
        }
        return s.toString();
    }

    private static void hashInto(Path input, Map<Path, InputFile> files) {
        Path root = input.toAbsolutePath().normalize();
        try (Stream<Path> all = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                files.computeIfAbsent(f, p -> new InputFile(p.toString(), Sha256.of(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
