package org.dds.experiments.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;

/**
 * The command line's logging: WARN on stderr by default, INFO with {@code --verbose}; the stack trace of an internal
 * failure goes to the log file only. Nothing is ever logged to stdout, which holds results.
 *
 * <p>The log file is opened only when there is a stack trace to keep, by {@link #keep}: a run that does not fail
 * never touches it, and when it cannot be opened (a user who may not write the repository's {@code .dds/}) the
 * failure's one line on stderr says so instead of Logback printing its own status messages.
 */
final class Logging {
    /** The logger whose events go to the log file only. */
    static final String FAILURE_LOGGER = "dds.failure";

    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %level %logger: %msg%n";

    private Logging() {
    }

    /** @param verbose true for INFO on stderr, false for WARN */
    static void setVerbose(boolean verbose) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
        }
    }

    /**
     * The log file: {@code -Ddds.log.file}, else {@code <dds.home>/.dds/dds.log}, else {@code ~/.dds/dds.log}.
     *
     * @return its absolute path
     */
    static Path logFile() {
        String file = System.getProperty("dds.log.file");
        Path p = file != null && !file.isBlank() ? Path.of(file)
                : Path.of(System.getProperty("dds.home", System.getProperty("user.home"))).resolve(".dds").resolve("dds.log");
        return p.toAbsolutePath().normalize();
    }

    /**
     * Writes a failure with its stack trace to the log file, opening it first if needed.
     *
     * @param message what failed
     * @param failure the throwable whose trace to keep
     * @return the end of the sentence that tells the user where the trace is: "see the log FILE", or, when the
     *         file cannot be opened, that the trace is lost and how to choose another file
     */
    static synchronized String keep(String message, Throwable failure) {
        Path file = logFile();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return "no log file is configured, so the stack trace is lost";
        }
        Logger logger = context.getLogger(FAILURE_LOGGER);
        if (logger.isErrorEnabled() && logger.getAppender(file.toString()) == null) {
            Optional<String> problem = attach(context, logger, file);
            if (problem.isPresent()) {
                return "the stack trace is lost because the log file " + file + " cannot be opened (" + problem.get()
                        + "); choose another with DDS_JAVA_OPTS=-Ddds.log.file=FILE";
            }
        }
        logger.error(message, failure);
        return "see the log " + file;
    }

    /** Adds a file appender for {@code file} to the failure logger, or says why it cannot. */
    private static Optional<String> attach(LoggerContext context, Logger logger, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                probe.flush();
            }
        } catch (IOException | SecurityException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setName(file.toString());
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            return Optional.of("Logback could not open it");
        }
        logger.addAppender(appender);
        logger.setAdditive(false);
        return Optional.empty();
    }
}
