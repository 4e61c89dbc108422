package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Issue 14, defects 2 and 3: only {@code Exception} was caught (a 100,000-deep pickle gave about 1,000 lines of
 * {@code StackOverflowError}, exit 1, nothing logged; memory exhaustion a raw {@code OutOfMemoryError}), and an
 * unwritable log file put Logback's messages on stdout. Every {@code Throwable} now gets one line on stderr and
 * exit code 1, its stack trace in the log file, and a log file that cannot be opened is said so on that line.
 */
class FailureHandlingTest {
    private static final long GIB = 1L << 30;

    /** A command that recurses until the stack is exhausted, as a deep pickle did. */
    @Command(name = "deep")
    static final class Deep extends DdsSubcommand {
        @Override
        void execute() {
            descend(0);
        }

        private static int descend(int depth) {
            return descend(depth + 1) + 1;
        }
    }

    /** A command that asks for more memory than Java may use. */
    @Command(name = "greedy")
    static final class Greedy extends DdsSubcommand {
        @Override
        void execute() {
            long[] huge = new long[(int) Math.min(Integer.MAX_VALUE - 16L, Runtime.getRuntime().maxMemory() / 8 + 1)];
            out().println(huge.length);
        }
    }

    /** A command with a bug. */
    @Command(name = "buggy")
    static final class Buggy extends DdsSubcommand {
        @Override
        void execute() {
            throw new IllegalStateException("a bug");
        }
    }

    private static Cli.Run run(Object command, String name) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DdsCommand());
        cmd.addSubcommand(name, command);
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(name);
        return new Cli.Run(exit, out.toString(), err.toString());
    }

    private static Logger failureLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logging.FAILURE_LOGGER);
    }

    @AfterEach
    void logFileOffAgain() {
        failureLogger().detachAndStopAllAppenders();
        failureLogger().setLevel(Level.OFF);
        System.clearProperty("dds.log.file");
    }

    @Test
    void aStackOverflowIsOneSentenceAndExitOne() {
        Cli.Run run = run(new Deep(), "deep");
        assertThat(run.exit()).isEqualTo(Failures.INTERNAL);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("dds deep ran out of stack, which a structure nested too deeply does")
                .contains("DDS_JAVA_OPTS=-Xss64m", "see the log").doesNotContain("\tat ", "StackOverflowError");
    }

    @Test
    void runningOutOfMemoryIsOneSentenceThatSaysHowToGiveJavaMore() {
        Cli.Run run = run(new Greedy(), "greedy");
        assertThat(run.exit()).isEqualTo(Failures.INTERNAL);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("dds greedy ran out of memory: it needs more than the ")
                .contains("GiB Java may use here").doesNotContain("\tat ", "OutOfMemoryError");
        assertThat(run.out()).isEmpty();
    }

    /** The advice: twice the heap (6 GiB -> -Xmx12g) while the machine has it, else fewer images. */
    @Test
    void theMemoryAdviceFollowsTheMachine() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertThat(Failures.internal(oom, "dds affinity", 6 * GIB, 24 * GIB)).isEqualTo("dds affinity ran out of"
                + " memory: it needs more than the 6.0 GiB Java may use here; give Java more memory with"
                + " DDS_JAVA_OPTS=-Xmx12g or use fewer images");
        assertThat(Failures.internal(oom, "dds affinity", 6 * GIB, 8 * GIB)).endsWith("6.0 GiB Java may use"
                + " here; this machine has no more to give, so use fewer images (or models)");
        assertThat(Failures.internal(new NoClassDefFoundError("org/nd4j/X"), "dds rank", GIB, 0))
                .isEqualTo("internal error in dds rank: NoClassDefFoundError: org/nd4j/X");
    }

    @Test
    void theStackTraceGoesToTheLogFileOnly(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("logs/dds.log");
        System.setProperty("dds.log.file", log.toString());
        failureLogger().setLevel(Level.ERROR);
        Cli.Run run = run(new Buggy(), "buggy");
        assertThat(run.exit()).isEqualTo(Failures.INTERNAL);
        assertThat(run.err()).isEqualTo("internal error in dds buggy: IllegalStateException: a bug; see the log "
                + log + System.lineSeparator());
        assertThat(Files.readString(log)).contains("ERROR dds.failure: internal failure in 'dds buggy'",
                "java.lang.IllegalStateException: a bug", "\tat org.dds.experiments.cli.FailureHandlingTest$Buggy");
    }

    /** Defect 2: a log file that cannot be opened (here its directory is a file, which not even root can open). */
    @Test
    void aLogFileThatCannotBeOpenedIsSaidOnTheOneLineAndNothingReachesStdout(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("not-a-directory"), "").resolve("dds.log");
        System.setProperty("dds.log.file", log.toString());
        failureLogger().setLevel(Level.ERROR);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Cli.Run run;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            run = run(new Buggy(), "buggy");
        } finally {
            System.setOut(stdout);
        }
        assertThat(run.exit()).isEqualTo(Failures.INTERNAL);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("internal error in dds buggy: IllegalStateException: a bug; the stack"
                + " trace is lost because the log file " + log + " cannot be opened (")
                .endsWith("); choose another with DDS_JAVA_OPTS=-Ddds.log.file=FILE" + System.lineSeparator());
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run.out()).isEmpty();
    }
}
