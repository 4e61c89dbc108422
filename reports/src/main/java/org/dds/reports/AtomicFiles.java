package org.dds.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files and directories so that a reader never sees them half-written: everything goes to a temporary
 * file or directory beside the target, which is renamed into place only once complete. On failure the temporary
 * is deleted and the target is left as it was.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    /** Writes the content of a file or directory; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content<T> {
        /**
         * @param target what to write into (a writer, or an empty directory)
         * @throws IOException if writing fails
         */
        void writeTo(T target) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param file    the file to (re)place; its directory is created if missing
     * @param content writes the file's text (UTF-8)
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, Content<Writer> content) {
        Path target = file.toAbsolutePath().normalize();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            readable(temp, FILE);
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * @param file the file to (re)place
     * @param text its text (UTF-8)
     */
    public static void writeString(Path file, String text) {
        write(file, w -> w.write(text));
    }

    /**
     * Fills a fresh temporary directory beside {@code directory} and renames it to {@code directory}. A directory
     * already there is replaced (moved aside first, deleted afterwards, restored if the rename fails).
     *
     * @param directory the directory to (re)place; its parent is created if missing
     * @param content   fills the empty temporary directory
     * @throws UncheckedIOException if the directory cannot be written
     */
    public static void writeDirectory(Path directory, Content<Path> content) {
        Path target = directory.toAbsolutePath().normalize();
        Path temp = null;
        Path old = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            readable(temp, DIRECTORY);
            content.writeTo(temp);
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            try {
                move(temp, target);
            } catch (IOException e) {
                if (old != null) {
                    move(old, target);
                    old = null;
                }
                throw e;
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        } finally {
            deleteTreeQuietly(temp);
            deleteTreeQuietly(old);
        }
    }

    /**
     * Temporary files are created private (rw-------); once renamed they are results, readable like any file the
     * user writes (a report is opened by a browser, copied, served).
     */
    private static void readable(Path p, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(p, permissions);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this is rare (some network file systems); a plain replace is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary file {}: {}", p, e.getMessage());
        }
    }

    private static void deleteTreeQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary directory {}: {}", root, e.getMessage());
        }
    }
}
