package org.dds.experiments.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns every failure into the exit codes of SPEC section 8 and one line on stderr: 2 for bad usage or input
 * (picocli parameter errors, {@link DdsInputException}, a file that is missing or cannot be accessed), 1 for an
 * internal failure, whose stack trace goes only to the log file.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code for success. */
    static final int OK = 0;
    /** Exit code for an internal failure. */
    static final int INTERNAL = 1;
    /** Exit code for bad usage or bad input. */
    static final int BAD_INPUT = 2;

    private static final Logger FAILURE_LOG = LoggerFactory.getLogger(Logging.FAILURE_LOGGER);

    /**
     * Installs both handlers on a command line and, through it, on all its subcommands.
     *
     * @param commandLine the root command line
     */
    static void install(CommandLine commandLine) {
        Failures failures = new Failures();
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        print(ex.getCommandLine().getErr(), message(ex));
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Optional<String> input = badInput(ex);
        if (input.isPresent()) {
            print(err, input.get());
            return BAD_INPUT;
        }
        FAILURE_LOG.error("internal failure in '{}'", commandLine.getCommandSpec().qualifiedName(), ex);
        print(err, "internal error in " + commandLine.getCommandSpec().qualifiedName() + ": "
                + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + "; see the log " + Logging.logFile());
        return INTERNAL;
    }

    /** The one line for a parameter error; a wrong value names the value, the option and what is expected. */
    static String message(ParameterException ex) {
        if (ex.getCause() instanceof TypeConversionException conversion && ex.getArgSpec() != null) {
            String what = ex.getArgSpec() instanceof OptionSpec option ? "option '" + option.longestName() + "'"
                    : "parameter " + ex.getArgSpec().paramLabel();
            return "Invalid value '" + ex.getValue() + "' for " + what + ": " + conversion.getMessage();
        }
        return ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')";
    }

    /** The one line for an input the user can fix, or empty for an internal failure. */
    static Optional<String> badInput(Exception ex) {
        if (ex instanceof DdsInputException input) {
            return Optional.of(input.messageFor(Flags::of));
        }
        if (ex instanceof UncheckedIOException && ex.getCause() instanceof FileSystemException) {
            return Optional.of(ex.getMessage());
        }
        if (ex instanceof FileSystemException fs) {
            return Optional.of("cannot access " + fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason())
                    + " (" + fs.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }

    private static void print(PrintWriter err, String message) {
        err.println(message.replaceAll("\\s*\\R\\s*", " ").strip());
        err.flush();
    }
}
