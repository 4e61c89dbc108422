package org.dds.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests of issue 14, defect 1: {@code --out} renamed over whatever was there (a device node, a FIFO, a
 * symbolic link), and killed runs left their temporaries forever.
 */
class AtomicFilesTest {

    /** Makes a FIFO with mkfifo(1), or skips the test where there is none. */
    static Path fifo(Path p) throws IOException, InterruptedException {
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this machine: " + e.getMessage());
            throw e;
        }
        assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        return p;
    }

    /** @return the id of a process that has ended */
    static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assumeTrue(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE,
                "the ended process's id is in use again");
        return p.pid();
    }

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo(@TempDir Path dir) throws Exception {
        Path f = fifo(dir.resolve("out.csv"));
        assertThatThrownBy(() -> AtomicFiles.writeString(f, "x")).isInstanceOf(DdsInputException.class)
                .hasMessage("cannot write " + f + ": it is a special file (a device, FIFO or socket), not a regular"
                        + " file: give the path of a file to write");
        assertThat(Files.isRegularFile(f)).isFalse();
        assertThat(Files.exists(f)).isTrue();
        assertThat(names(dir)).containsExactly("out.csv");
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeitherItNorItsTargetChanges(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("input.npy"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), input);
        assertThatThrownBy(() -> AtomicFiles.writeString(link, "x")).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("it is a symbolic link (to " + input + ")");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(input)).isEqualTo("precious");
        Path dirLink = Files.createSymbolicLink(dir.resolve("run"), Files.createDirectory(dir.resolve("real")));
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(dirLink, d -> Files.writeString(d.resolve("a"), "a")))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("is a symbolic link");
        assertThat(names(dir.resolve("real"))).isEmpty();
    }

    @Test
    void aDirectoryIsNotAFileAndAFileIsNotADirectory(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFiles.writeString(sub, "x")).isInstanceOf(DdsInputException.class)
                .hasMessageEndingWith("it is a directory: give the path of a file to write, e.g. inside it");
        Path file = Files.writeString(dir.resolve("file"), "kept");
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(file, d -> { }))
                .isInstanceOf(DdsInputException.class).hasMessageEndingWith("it is a file, not a directory: give"
                        + " the path of a directory to write");
        assertThat(Files.readString(file)).isEqualTo("kept");
        assertThat(names(dir)).containsExactly("file", "sub");
    }

    @Test
    void theTemporaryGoesOnEveryExitPathErrorsIncluded(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(out, w -> {
            w.write("half");
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AtomicFiles.writeText(out, w -> {
            w.write("half");
            throw new StackOverflowError();
        })).isInstanceOf(StackOverflowError.class);
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(dir.resolve("run"), d -> {
            Files.writeString(d.resolve("a.csv"), "half");
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void temporariesOfAKilledRunAreDeletedThoseOfALiveOneKeptOldOnesReported(@TempDir Path dir) throws Exception {
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(".a.csv." + dead + "-123.tmp"), "stale");
        Files.createDirectories(dir.resolve(".run.tmp-" + dead + "-456/charts"));
        Files.writeString(dir.resolve(".checkpoint.zip." + self + "-789.tmp"), "being written");
        Files.writeString(dir.resolve(".b.csv.5551212.tmp"), "legacy");
        Files.writeString(dir.resolve(".hidden"), "the user's");

        AtomicFiles.writeString(dir.resolve("a.csv"), "new");

        assertThat(names(dir)).containsExactly(".b.csv.5551212.tmp", ".checkpoint.zip." + self + "-789.tmp",
                ".hidden", "a.csv");
    }

    @Test
    void temporaryNamesCarryTheWritersProcessId() {
        assertThat(StaleTemporaries.filePrefix(Path.of("/r/a.csv"))).isEqualTo(".a.csv." + ProcessHandle.current()
                .pid() + "-");
        assertThat(StaleTemporaries.writer(".a.csv.42-9876543210.tmp")).contains(42L);
        assertThat(StaleTemporaries.writer(".20261126-213000.tmp-42-1")).contains(42L);
        assertThat(StaleTemporaries.writer(".a.csv.9876543210.tmp")).isEmpty();
        assertThat(StaleTemporaries.writer("a.csv.42-1.tmp")).isEmpty();
    }

    @Test
    void writingIntoADirectoryThatExistsReplacesOnlyItsOwnFiles(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.writeString(run.resolve("index.html"), "old");
        Files.writeString(run.resolve("notes.txt"), "the user's");
        AtomicFiles.writeDirectory(run, d -> {
            AtomicFiles.writeString(d.resolve("index.html"), "new");
            AtomicFiles.writeString(d.resolve("charts/c.svg"), "svg");
        });
        assertThat(names(run)).containsExactly("charts", "index.html", "notes.txt");
        assertThat(Files.readString(run.resolve("index.html"))).isEqualTo("new");
        assertThat(Files.readString(run.resolve("notes.txt"))).isEqualTo("the user's");
        assertThat(Files.readString(run.resolve("charts/c.svg"))).isEqualTo("svg");
        assertThat(Files.isDirectory(dir.resolve("run"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(names(dir)).containsExactly("run");
    }
}
