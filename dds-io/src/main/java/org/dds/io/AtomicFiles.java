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
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way DDS writes files and directories: everything goes to a temporary file or directory beside the
 * target, is flushed to the disk ({@code fsync}), and is renamed into place only once complete. A reader never sees
 * a half-written result; on failure the temporary is deleted and the target is left as it was. Temporaries carry
 * the writing process's id in their names, and those of a process that is gone (a killed run) are deleted the
 * next time DDS writes into their directory ({@link StaleTemporaries}). Outputs are never written through a symbolic
 * link or over a special file ({@link #unusable}).
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
     * @param file    the file to create or replace; never a directory, a special file or a symbolic link
     * @param content writes the (existing, empty) temporary file at the path it is given
     * @throws org.dds.core.DdsInputException if {@code file} is a directory, a special file or a symbolic link
     * @throws UncheckedIOException           if the file cannot be written (the target is then unchanged)
     */
    public static void writeFile(Path file, Content<Path> content) {
        Path target = file.toAbsolutePath().normalize();
        refuseUnusable(target, false);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            StaleTemporaries.clean(target.getParent());
            temp = Files.createTempFile(target.getParent(), StaleTemporaries.filePrefix(target), ".tmp");
            readable(temp, FILE);
            content.writeTo(temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            refuseUnusable(target, false);
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Writes a directory. A new one is filled as a temporary directory beside it and renamed into place, so it is
     * complete or absent. Into one that exists, the files {@code content} writes are moved one by one (each
     * rename atomic), replacing files of the same names; nothing else in it is touched.
     *
     * @param directory the directory to write; its parent is created if missing
     * @param content   fills the empty temporary directory
     * @throws org.dds.core.DdsInputException if {@code directory} is a file, a special file or a symbolic link
     * @throws UncheckedIOException           if the directory cannot be written
     */
    public static void writeDirectory(Path directory, Content<Path> content) {
        Path target = directory.toAbsolutePath().normalize();
        refuseUnusable(target, true);
        Path temp = null;
        try {
            boolean exists = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
            Path tempParent = exists ? target : target.getParent();
            Files.createDirectories(tempParent);
            StaleTemporaries.clean(tempParent);
            temp = Files.createTempDirectory(tempParent, StaleTemporaries.directoryPrefix(target));
            readable(temp, DIRECTORY);
            content.writeTo(temp);
            if (exists) {
                moveInto(temp, target);
            } else {
                move(temp, target);
                temp = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        } finally {
            deleteTreeQuietly(temp);
        }
    }

    /**
     * Why a path cannot be written as an output, if it cannot: it is a symbolic link (DDS never writes through
     * one, so that a link to a device, to an input or to a file elsewhere is never replaced), a special file
     * (device, FIFO, socket), a directory where a file is to be written or a file where a directory is.
     *
     * @param target    the output path
     * @param directory true if a directory is to be written there, false for a file
     * @return what is wrong, as the end of a sentence that starts with the path ("is a FIFO, ..."); empty if
     *         the path is missing or of the right kind
     */
    public static Optional<String> unusable(Path target, boolean directory) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent != null && !Files.isDirectory(parent)) {
            return Optional.of("cannot be created: " + parent + " is a file, not a directory");
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot be examined (" + describe(e) + "): check its permissions");
        }
        if (a.isSymbolicLink()) {
            String to;
            try {
                to = String.valueOf(Files.readSymbolicLink(target));
            } catch (IOException e) {
                to = "?";
            }
            return Optional.of("is a symbolic link (to " + to + "), and outputs are never written through links:"
                    + " give the path the link points to, or another name");
        }
        if (a.isOther()) {
            return Optional.of("is a special file (a device, FIFO or socket), not a " + (directory ? "directory"
                    : "regular file") + ": give the path of a " + (directory ? "directory" : "file") + " to write");
        }
        if (directory && !a.isDirectory()) {
            return Optional.of("is a file, not a directory: give the path of a directory to write");
        }
        if (!directory && a.isDirectory()) {
            return Optional.of("is a directory: give the path of a file to write, e.g. inside it");
        }
        return Optional.empty();
    }

    private static void refuseUnusable(Path target, boolean directory) {
        Optional<String> problem = unusable(target, directory);
        if (problem.isPresent()) {
            throw new DdsInputException("cannot write " + target + ": it " + problem.get());
        }
    }

    /** Moves every file under {@code from} to the same place under {@code to}, creating directories. */
    private static void moveInto(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path f : files) {
            Path dest = to.resolve(from.relativize(f).toString());
            for (Path d = dest.getParent(); !d.equals(to); d = d.getParent()) {
                refuseUnusable(d, true);
            }
            Files.createDirectories(dest.getParent());
            refuseUnusable(dest, false);
            move(f, dest);
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

    static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary file {}: {}", p, e.getMessage());
        }
    }

    static void deleteTreeQuietly(Path root) {
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
