package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 2, end to end: the command line in its own JVM with its own {@code logback.xml} (not the tests'),
 * run by a user who cannot open the log file. Logback used to print its status messages and a stack trace on
 * stdout, so {@code dds affinity ... > a.csv} wrote a corrupt CSV with exit 0.
 */
class StdoutStaysCleanTest {

    /** @return the classpath of the application: the tests' own, without test classes and their Logback file */
    static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("-tests.jar") && !e.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Runs {@code dds} in a new JVM.
     *
     * @param properties JVM system properties ({@code -Dk=v})
     * @param args       the command line after {@code dds}
     * @return exit code, stdout, stderr
     */
    static Cli.Run dds(Path work, List<String> properties, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", applicationClassPath()));
        command.addAll(properties);
        command.add(DdsCommand.class.getName());
        command.addAll(List.of(args));
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("dds did not finish in 120 s: " + command);
        }
        return new Cli.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aLogFileThatCannotBeOpenedLeavesStdoutToTheResult(@TempDir Path dir) throws Exception {
        Path features = Files.createDirectories(dir.resolve("feats"));
        Npy.random(features.resolve("a.npy"), 6, 3, 1);
        Npy.random(features.resolve("b.npy"), 6, 3, 2);
        // Its directory is a file: not even root can open it.
        Path log = Files.writeString(dir.resolve("file"), "").resolve("dds.log");
        Cli.Run run = dds(dir, List.of("-Ddds.log.file=" + log), "affinity", "--features", features.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).as("stdout is the CSV alone").hasSize(3)
                .first().isEqualTo("model,a,b");
        assertThat(run.err()).as("nothing on stderr either").isEmpty();

        Cli.Run bad = dds(dir, List.of("-Ddds.log.file=" + log), "affinity", "--features", dir.resolve("absent")
                .toString());
        assertThat(bad.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().lines().toList()).hasSize(1);
    }
}
