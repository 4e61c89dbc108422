package org.dds.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dds.core.DdsInputException;

/**
 * The check every reader makes before opening an input: the path must be a regular file (a symbolic link to one is
 * fine). Opening a FIFO blocks until something writes to it, a device may never end, and a dangling link is a
 * model gone missing: each is refused in one sentence instead.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param file  an input path
     * @param where how messages name it, e.g. {@code file '/data/a.npy'}
     * @throws DdsInputException if it does not exist, is a dangling link, a directory or not a regular file
     */
    public static void requireRegular(Path file, String where) {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new DdsInputException(where + " is a symbolic link to '" + target(file) + "', which does not "
                    + "exist: point the link at the file or remove it");
        }
        if (!Files.exists(file)) {
            throw new DdsInputException(where + " does not exist: check the path");
        }
        if (Files.isDirectory(file)) {
            throw new DdsInputException(where + " is a directory, not a file: pass the file itself");
        }
        throw new DdsInputException(where + " is not a regular file (a FIFO, socket or device, which DDS does not "
                + "read from): save the data to a file and pass that");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }
}
