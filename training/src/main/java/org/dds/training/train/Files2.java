package org.dds.training.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Whole-or-nothing file writes: a temporary file in the same directory, then a rename. */
public final class Files2 {
    private Files2() {
    }

    /** Something that writes a file. */
    public interface Writer {
        /**
         * @param file where to write
         * @throws IOException when writing fails
         */
        void write(Path file) throws IOException;
    }

    /**
     * @param target the file to create or replace
     * @param writer writes the content to the path it is given
     */
    public static void atomically(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The rename succeeded or the write failed; a leftover temporary file is harmless.
                }
            }
        }
    }

    /**
     * @param target the file
     * @param text   its content, UTF-8
     */
    public static void writeString(Path target, String text) {
        atomically(target, f -> Files.writeString(f, text, StandardCharsets.UTF_8));
    }
}
