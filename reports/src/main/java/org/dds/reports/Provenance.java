package org.dds.reports;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dds.reports.json.ResultsJson;

/**
 * Where a run's results came from, written beside them as {@code provenance.json}: the command line, the
 * configuration, the seeds, the software (project version, git commit, Java, OS) and the SHA-256 of every input
 * file. Maps are kept sorted by key, so the same run gives the same JSON apart from the command line and the
 * timestamp.
 *
 * @param command        the command line as typed, e.g. {@code dds reproduce --quick}
 * @param config         every setting that shapes the results, by name
 * @param seeds          every seed, by what it seeds
 * @param projectVersion the project's version
 * @param gitCommit      the commit the code was built from, or "unknown"
 * @param javaVersion    {@code java.version}
 * @param os             {@code os.name}/{@code os.arch}
 * @param timestamp      when the run started, ISO-8601 UTC
 * @param inputs         the input files, in the order they were read
 * @param elapsed        how long the run took (kept to the millisecond), or null when not recorded
 */
public record Provenance(String command, SortedMap<String, String> config, SortedMap<String, Long> seeds,
        String projectVersion, String gitCommit, String javaVersion, String os, String timestamp,
        List<InputFile> inputs, Duration elapsed) {

    /** Validates and copies the fields. */
    public Provenance {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(projectVersion, "projectVersion");
        Objects.requireNonNull(gitCommit, "gitCommit");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(timestamp, "timestamp");
        config = unmodifiableCopy(config);
        seeds = unmodifiableCopy(seeds);
        inputs = List.copyOf(inputs);
        if (elapsed != null && elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed time " + elapsed + " is negative");
        }
        // Milliseconds are all a report shows, and what the JSON round-trips exactly.
        elapsed = elapsed == null ? null : elapsed.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A provenance without the run's duration.
     *
     * @param command        the command line as typed
     * @param config         every setting that shapes the results
     * @param seeds          every seed
     * @param projectVersion the project's version
     * @param gitCommit      the commit, or "unknown"
     * @param javaVersion    {@code java.version}
     * @param os             {@code os.name}/{@code os.arch}
     * @param timestamp      when the run started, ISO-8601 UTC
     * @param inputs         the input files
     */
    public Provenance(String command, SortedMap<String, String> config, SortedMap<String, Long> seeds,
            String projectVersion, String gitCommit, String javaVersion, String os, String timestamp,
            List<InputFile> inputs) {
        this(command, config, seeds, projectVersion, gitCommit, javaVersion, os, timestamp, inputs, null);
    }

    /**
     * @param duration how long the run took
     * @return this provenance with the duration
     */
    public Provenance withElapsed(Duration duration) {
        return new Provenance(command, config, seeds, projectVersion, gitCommit, javaVersion, os, timestamp, inputs,
                duration);
    }

    /** @return the duration in seconds, to the millisecond, or -1 when not recorded */
    public double elapsedSeconds() {
        return elapsed == null ? -1 : elapsed.toMillis() / 1000.0;
    }

    private static <V> SortedMap<String, V> unmodifiableCopy(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** @return the provenance as a JSON object, two-space indented, ending in a newline */
    public String toJson() {
        return ResultsJson.write(this);
    }
}
