package org.dds.experiments.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dds.core.DdsInputException;

import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The one handler of every failure, {@link Throwable}s included: the exit codes of SPEC section 8 and one line on
 * stderr: 2 for bad usage or input (picocli parameter errors, {@link DdsInputException}, a file that is missing or
 * cannot be accessed), 1 for an internal failure, whose stack trace goes only to the log file. Running out of
 * memory says how much Java had and how to give it more; running out of stack points at a nested input.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code for success. */
    static final int OK = 0;
    /** Exit code for an internal failure. */
    static final int INTERNAL = 1;
    /** Exit code for bad usage or bad input. */
    static final int BAD_INPUT = 2;

    private static final long GIB = 1L << 30;

    /**
     * Installs both handlers on a command line and, through it, on all its subcommands, and an execution strategy
     * that hands {@link Error}s (out of memory, stack overflow, a missing native library) to the same handler, which
     * picocli would otherwise let through as a raw stack trace.
     *
     * @param commandLine the root command line
     */
    static void install(CommandLine commandLine) {
        Failures failures = new Failures();
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        commandLine.setExecutionStrategy(Failures::runCatchingErrors);
    }

    private static int runCatchingErrors(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (ExecutionException | ParameterException e) {
            throw e;
        } catch (Error e) {
            List<CommandLine> chain = parseResult.asCommandLineList();
            throw new ExecutionException(chain.get(chain.size() - 1), String.valueOf(e), e);
        }
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        print(ex.getCommandLine().getErr(), message(ex));
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Throwable failure = ex instanceof ExecutionException && ex.getCause() instanceof Error error ? error : ex;
        return handle(failure, commandLine);
    }

    /**
     * The one handler for everything a command throws: prints one line on stderr, keeps the stack trace of an
     * internal failure in the log file, and picks the exit code.
     *
     * @param failure     what was thrown
     * @param commandLine the command that threw it
     * @return {@link #BAD_INPUT} for an input the user can fix, else {@link #INTERNAL}
     */
    static int handle(Throwable failure, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName();
        if (failure instanceof Exception ex) {
            Optional<String> input = badInput(ex);
            if (input.isPresent()) {
                print(err, input.get());
                return BAD_INPUT;
            }
        }
        String where = Logging.keep("internal failure in '" + command + "'", failure);
        print(err, internal(failure, command, Runtime.getRuntime().maxMemory(), physicalMemory()) + "; " + where);
        return INTERNAL;
    }

    /**
     * The start of the line for an internal failure.
     *
     * @param failure  what was thrown
     * @param command  the command, e.g. {@code dds affinity}
     * @param maxHeap  the most memory Java may use, in bytes
     * @param physical the machine's memory in bytes, or 0 if unknown
     * @return what happened and what to do about it
     */
    static String internal(Throwable failure, String command, long maxHeap, long physical) {
        if (failure instanceof OutOfMemoryError) {
            double gib = maxHeap / (double) GIB;
            long suggested = (long) Math.ceil(2 * gib);
            boolean room = physical <= 0 || suggested * GIB < physical * 0.9;
            return String.format(Locale.ROOT, "%s ran out of memory: it needs more than the %.1f GiB Java may use"
                    + " here; %s", command, gib, room
                    ? "give Java more memory with DDS_JAVA_OPTS=-Xmx" + suggested + "g or use fewer images"
                    : "this machine has no more to give, so use fewer images (or models)");
        }
        if (failure instanceof StackOverflowError) {
            return command + " ran out of stack, which a structure nested too deeply does (a corrupt or hostile"
                    + " input file?): check the inputs, or give Java a deeper stack with DDS_JAVA_OPTS=-Xss64m";
        }
        return "internal error in " + command + ": " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
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
