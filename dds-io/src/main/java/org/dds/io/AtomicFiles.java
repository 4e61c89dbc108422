package org.dds.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way DDS writes files and directories: everything goes to a temporary file or directory beside the
 * target, is flushed to the disk ({@code fsync}), and is renamed into place only once complete. A reader never sees
 * a half-written result; on failure the temporary is deleted and the target is left as it was.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    /**
     * Writes the content of a file or directory; may throw {@link IOException}.
     *
     * @param <T> what is written into: an output stream, a writer, or a path (for libraries that write files
     *            themselves, such as DL4J's model serializer; an empty directory for {@link #writeDirectory})
     */
    @FunctionalInterface
    public interface Content<T> {
        /**
         * @param target what to write into
         * @throws IOException if writing fails
         */
        void writeTo(T target) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param file    the file to create or replace; its directory is created if missing
     * @param content writes the bytes
     * @throws UncheckedIOException if the file cannot be written (the target is then unchanged)
     */
    public static void write(Path file, Content<OutputStream> content) {
        writeFile(file, temp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * @param file    the file to create or replace
     * @param content writes the file's text (UTF-8)
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeText(Path file, Content<Writer> content) {
        write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * @param file the file to create or replace
     * @param text its text (UTF-8)
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeString(Path file, String text) {
        writeText(file, w -> w.write(text));
    }

    /**
     * For writers that take a file name rather than a stream: {@code content} writes the temporary file it is
     * given, which is then synced and renamed.
     *
     * @param file    the file to create or replace
     * @param content writes the (existing, empty) temporary file at the path it is given
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeFile(Path file, Content<Path> content) {
        Path target = file.toAbsolutePath().normalize();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            readable(temp, FILE);
            content.writeTo(temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
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
