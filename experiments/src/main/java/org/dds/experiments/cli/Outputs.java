package org.dds.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.io.AtomicFiles;
import org.dds.reports.ReportWriter;

/**
 * Checks a command's outputs before it does any work (SPEC section 8, "output paths"): no output is a symbolic
 * link, a special file (device, FIFO, socket) or a path of the wrong kind (a directory for a file, a file for a
 * directory, a directory of other files for a run directory); no two outputs are the same path or one inside the
 * other; and no output is an input of the same run, holds one, or lies inside an input directory. Paths are
 * compared as the file system resolves them (symbolic links and {@code ..} followed), so two spellings of one file
 * are one file.
 */
final class Outputs {
    private Outputs() {
    }

    /** What kind of path an output is. */
    enum Kind {
        /** A file, replaced whole. */
        FILE,
        /** A directory the command fills (features, a training run). */
        DIRECTORY,
        /** A run directory of a report: new, empty, or an earlier run's (it holds results.json). */
        RUN
    }

    /**
     * An output path and the option that names it.
     *
     * @param option the option, e.g. {@code --out}
     * @param path   the path as given
     * @param kind   what is written there
     */
    record Output(String option, Path path, Kind kind) {
    }

    /**
     * An input path and the option that names it.
     *
     * @param option the option, e.g. {@code --features}
     * @param path   the path as given
     */
    record Input(String option, Path path) {
    }

    /**
     * @param outputs outputs, those whose option was not given (a null path) among them
     * @return those that were given
     */
    static List<Output> given(Output... outputs) {
        return Arrays.stream(outputs).filter(o -> o.path() != null).toList();
    }

    /**
     * @param inputs inputs, those whose option was not given (a null path) among them
     * @return those that were given
     */
    static List<Input> given(Input... inputs) {
        return Arrays.stream(inputs).filter(i -> i.path() != null).toList();
    }

    /**
     * @param outputs what the command writes (paths that are null, i.e. options not given, are left out by the
     *                caller)
     * @param inputs  what it reads
     * @throws DdsInputException naming the first output that breaks a rule, the rule and what to do
     */
    static void check(List<Output> outputs, List<Input> inputs) {
        for (Output o : outputs) {
            Optional<String> problem = AtomicFiles.unusable(o.path(), o.kind() != Kind.FILE);
            if (problem.isPresent()) {
                throw new DdsInputException(o.option() + " " + o.path() + " " + problem.get());
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            Output a = outputs.get(i);
            Path ra = real(a.path());
            for (int j = i + 1; j < outputs.size(); j++) {
                Output b = outputs.get(j);
                Path rb = real(b.path());
                if (ra.equals(rb)) {
                    throw new DdsInputException(a.option() + " and " + b.option() + " both name " + ra
                            + ", and one would replace the other: give each its own path");
                }
                if (rb.startsWith(ra) || ra.startsWith(rb)) {
                    Output outer = rb.startsWith(ra) ? a : b;
                    Output inner = outer == a ? b : a;
                    throw new DdsInputException(inner.option() + " " + inner.path() + " lies inside "
                            + outer.option() + " " + outer.path() + ": give each output its own place");
                }
            }
            for (Input in : inputs) {
                Path ri = real(in.path());
                if (ra.equals(ri)) {
                    throw new DdsInputException(a.option() + " " + a.path() + " is the input " + in.option() + " "
                            + in.path() + " of this run: write the output elsewhere, so that the input stays as"
                            + " it is");
                }
                if (ra.startsWith(ri) && Files.isDirectory(ri)) {
                    throw new DdsInputException(a.option() + " " + a.path() + " lies inside the input directory "
                            + in.option() + " " + in.path() + ": write the output elsewhere, so that the input"
                            + " stays as it is");
                }
                if (ri.startsWith(ra)) {
                    throw new DdsInputException(a.option() + " " + a.path() + " holds the input " + in.option()
                            + " " + in.path() + ", which writing it could replace: write the output elsewhere");
                }
            }
        }
        for (Output o : outputs) {
            if (o.kind() == Kind.RUN) {
                ReportWriter.requireRunDirectory(o.path(), o.option());
            }
        }
    }

    /**
     * @param p a path that may not exist yet
     * @return the real path of its deepest existing ancestor with the rest of {@code p} resolved against it
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path resolved;
        try {
            resolved = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            // A dangling link or an unreadable directory: compare it as written.
            resolved = existing;
        }
        while (!missing.isEmpty()) {
            resolved = resolved.resolve(missing.pop());
        }
        return resolved;
    }
}
