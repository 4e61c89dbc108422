package org.dds.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporaries of {@link AtomicFiles} and what is left of them after a killed run. A temporary's name carries the
 * id of the process that writes it ({@code .X.csv.<pid>-<n>.tmp}, {@code .DIR.tmp-<pid>-<n>/}), so a later run can
 * tell a live one (another run writing at the same time) from a stale one (its process is gone) and delete only
 * the stale. Temporaries named before process ids were added ({@code .X.csv.<n>.tmp}, {@code .DIR.tmp-<n>/},
 * {@code .DIR.old-<n>/}) cannot be told apart from a live run's, so they are reported, not deleted.
 *
 * <p>Each directory is examined once per process, the first time DDS writes into it.
 */
final class StaleTemporaries {
    private static final Logger LOG = LoggerFactory.getLogger(StaleTemporaries.class);

    /** {@code .NAME.<pid>-<n>.tmp} (a file) or {@code .NAME.tmp-<pid>-<n>} (a directory). */
    private static final Pattern OURS = Pattern.compile("\\..+(?:\\.(\\d+)-\\d+\\.tmp|\\.tmp-(\\d+)-\\d+)");
    /** What versions without process ids left: {@code .NAME.<n>.tmp}, {@code .NAME.tmp-<n>}, {@code .NAME.old-<n>}. */
    private static final Pattern LEGACY = Pattern.compile("\\..+(?:\\.\\d+\\.tmp|\\.(?:tmp|old)-\\d+)");

    private static final Set<Path> EXAMINED = ConcurrentHashMap.newKeySet();

    private StaleTemporaries() {
    }

    /** @return the prefix of a temporary file for {@code target}: {@code .NAME.<pid>-} */
    static String filePrefix(Path target) {
        return "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
    }

    /** @return the prefix of a temporary directory for {@code target}: {@code .NAME.tmp-<pid>-} */
    static String directoryPrefix(Path target) {
        return "." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-";
    }

    /**
     * Deletes the temporaries in {@code directory} whose process is gone and reports (WARN) those of older
     * versions; does nothing the second time it is called for a directory.
     *
     * @param directory a directory DDS is about to write into
     * @return what was deleted
     */
    static List<Path> clean(Path directory) {
        List<Path> deleted = new ArrayList<>();
        if (!EXAMINED.add(directory.toAbsolutePath().normalize())) {
            return deleted;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".*")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Optional<Long> pid = writer(name);
                if (pid.isPresent()) {
                    if (!alive(pid.get())) {
                        AtomicFiles.deleteTreeQuietly(p);
                        deleted.add(p);
                        LOG.info("deleted {}, left by dds process {} that was stopped while writing", p, pid.get());
                    }
                } else if (LEGACY.matcher(name).matches()) {
                    LOG.warn("{} looks like what a dds run that was killed while writing left behind: delete it"
                            + " once no dds is running", p);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {} for stale temporaries: {}", directory, e.getMessage());
        }
        return deleted;
    }

    /** @return the id of the process that writes a temporary of this name, if it is one of ours */
    static Optional<Long> writer(String name) {
        Matcher m = OURS.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String pid = m.group(1) != null ? m.group(1) : m.group(2);
        try {
            return Optional.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
