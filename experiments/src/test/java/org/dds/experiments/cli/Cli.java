package org.dds.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;

/** Runs {@code dds} in-process, the way {@link DdsCommand#main} does, and keeps what it printed. */
final class Cli {
    private Cli() {
    }

    /**
     * What one run gave.
     *
     * @param exit exit code
     * @param out  stdout
     * @param err  stderr
     */
    record Run(int exit, String out, String err) {
        /** @return stderr's lines */
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /**
     * @param args the command line after {@code dds}
     * @return exit code and output
     */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DdsCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * @param json a JSON file
     * @return its text with every line break after a comma folded into one space, so that a test can look for
     *         {@code "path": "...", "sha256": "..."} whatever the layout
     * @throws IOException if it cannot be read
     */
    static String oneLine(Path json) throws IOException {
        return Files.readString(json).replaceAll(",\\s*\\n\\s*", ", ");
    }
}
