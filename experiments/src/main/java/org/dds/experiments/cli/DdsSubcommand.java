package org.dds.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.dds.reports.ReportWriter;
import org.dds.reports.ResultTable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code dds} command shares: its output streams (results to stdout, progress to stderr) and writing a
 * table as CSV to {@code --out} or stdout; its outputs, checked against each other and its inputs before it runs
 * ({@link Outputs}). Failures propagate to {@link Failures}, which picks the exit code.
 */
abstract class DdsSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * Does the command's work.
     *
     * @throws Exception anything; {@link Failures} maps it to an exit code and one line
     */
    abstract void execute() throws Exception;

    /**
     * @return the files and directories the command writes, with the options that name them (see {@link Outputs});
     *         none by default
     */
    List<Outputs.Output> outputs() {
        return List.of();
    }

    /** @return the files and directories the command reads that an output must not touch; none by default */
    List<Outputs.Input> inputs() {
        return List.of();
    }

    @Override
    public final Integer call() throws Exception {
        Outputs.check(outputs(), inputs());
        execute();
        out().flush();
        err().flush();
        return Failures.OK;
    }

    /** @return where results go (stdout) */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** @return where progress goes (stderr) */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * @param table a table
     * @param file  the file to write it to (atomically), or null for stdout
     */
    void emit(ResultTable table, Path file) {
        if (file == null) {
            try {
                ReportWriter.writeCsv(table, out());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to stdout: " + e.getMessage(), e);
            }
            return;
        }
        ReportWriter.writeCsv(file, table);
        err().println("wrote " + file.toAbsolutePath().normalize());
    }
}
