package org.dds.experiments.cli;

import java.nio.file.Path;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/**
 * The command line's logging: WARN on stderr by default, INFO with {@code --verbose}; internal failures go with
 * their stack trace to the log file only (see {@code logback.xml}).
 */
final class Logging {
    /** The logger whose events go to the log file only. */
    static final String FAILURE_LOGGER = "dds.failure";

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
     * The log file, as {@code logback.xml} names it: {@code -Ddds.log.file}, else
     * {@code <dds.home>/.dds/dds.log}, else {@code ~/.dds/dds.log}.
     *
     * @return its absolute path
     */
    static Path logFile() {
        String file = System.getProperty("dds.log.file");
        Path p = file != null && !file.isBlank() ? Path.of(file)
                : Path.of(System.getProperty("dds.home", System.getProperty("user.home"))).resolve(".dds").resolve("dds.log");
        return p.toAbsolutePath().normalize();
    }
}
