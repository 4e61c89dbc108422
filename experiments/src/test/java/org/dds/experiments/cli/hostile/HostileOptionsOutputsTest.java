package org.dds.experiments.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.dds.experiments.cli.DdsCommand;
import org.dds.io.NpyPrecision;
import org.dds.io.NpyWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * Hostile and careless options and outputs, as a user types them (issue 14: bad numbers, unknown names, missing
 * files, outputs that are directories, devices, FIFOs, symbolic links or inputs, two outputs in one place). Each
 * goes through the command line in process and must end with exit code 2, exactly one line on stderr that names
 * what is wrong, no stack trace, nothing on stdout, and every file of the working directory as it was (no output,
 * no temporary left behind, no input replaced). The expected fragments are the sentences the commands are
 * documented to print (README "Reliability", SPEC section 8).
 */
class HostileOptionsOutputsTest {
    private static final int BAD_INPUT = 2;

    @TempDir
    static Path dir;

    private static boolean fifo;
    private static Map<String, String> before;

    @BeforeAll
    static void lay() throws Exception {
        Files.createDirectories(dir.resolve("feats"));
        npy(dir.resolve("feats/a.npy"), 1);
        npy(dir.resolve("feats/b.npy"), 2);
        npy(dir.resolve("x.npy"), 3);
        npy(dir.resolve("y.npy"), 4);
        Files.writeString(dir.resolve("kept.csv"), "precious\n");
        Files.createDirectories(dir.resolve("adir"));
        Files.writeString(dir.resolve("adir/inside.txt"), "the user's");
        Files.createDirectories(dir.resolve("notarun"));
        Files.writeString(dir.resolve("notarun/index.html"), "<p>the user's page</p>");
        Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("kept.csv"));
        Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere.csv"));
        Files.createSymbolicLink(dir.resolve("linkdir"), dir.resolve("adir"));
        Files.createSymbolicLink(dir.resolve("featlink"), dir.resolve("feats"));
        try {
            Process mk = new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).inheritIO().start();
            fifo = mk.waitFor() == 0;
        } catch (IOException e) {
            fifo = false;
        }
        before = snapshot();
    }

    @AfterAll
    static void nothingWasLeftBehind() throws IOException {
        assertThat(snapshot()).as("the working directory after every case").isEqualTo(before);
    }

    private static void npy(Path file, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[6 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        NpyWriter.write(file, new int[] {6, 3}, v, NpyPrecision.FLOAT64);
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    static Stream<Arguments> cases() {
        String feats = p("feats");
        List<Arguments> c = new ArrayList<>();
        // Numbers out of range or not numbers (picocli converters; defect 10: bench --repeats 0 was an array error).
        c.add(of("bench ablation --repeats 0", "Invalid value '0' for option '--repeats': expected a whole number of"
                + " at least 1", "bench", "ablation", "--repeats", "0"));
        c.add(of("bench ablation --repeats -1", "'--repeats'", "bench", "ablation", "--repeats", "-1"));
        c.add(of("bench ablation --features -4", "Invalid value '-4' for option '--features'", "bench", "ablation",
                "--features", "-4"));
        c.add(of("bench affinity --features -4", "'--features'", "bench", "affinity", "--features", "-4"));
        c.add(of("bench affinity --repeats 0", "'--repeats'", "bench", "affinity", "--repeats", "0"));
        c.add(of("bench ablation --images 3", "at least 4 (unbiased CKA needs 4 images)", "bench", "ablation",
                "--images", "3"));
        c.add(of("bench ablation --models 1", "at least 2 (a similarity needs two models)", "bench", "ablation",
                "--models", "1"));
        c.add(of("bench ablation --naive-repeats 0", "'--naive-repeats'", "bench", "ablation", "--naive-repeats",
                "0"));
        c.add(of("bench ablation --images abc", "Invalid value 'abc' for option '--images'", "bench", "ablation",
                "--images", "abc"));
        c.add(of("bench affinity --repeats beyond int", "'--repeats'", "bench", "affinity", "--repeats",
                "99999999999"));
        c.add(of("bench train --steps 0", "'--steps'", "bench", "train", "--steps", "0"));
        c.add(of("bench train --batch 0", "'--batch'", "bench", "train", "--batch", "0"));
        c.add(of("bench train --warmup -1", "at least 0", "bench", "train", "--warmup", "-1"));
        c.add(of("bench train --threads 0", "'--threads'", "bench", "train", "--threads", "0"));
        c.add(of("bench train --small-widths 16,0,64", "'--small-widths'", "bench", "train", "--small-widths",
                "16,0,64"));
        c.add(of("affinity --images -4", "Invalid value '-4' for option '--images'", "affinity", "--features",
                feats, "--images", "-4"));
        c.add(of("affinity --images 0", "'--images'", "affinity", "--features", feats, "--images", "0"));
        c.add(of("affinity --images 2.5", "Invalid value '2.5'", "affinity", "--features", feats, "--images",
                "2.5"));
        c.add(of("rank --images -1", "'--images'", "rank", "--features", feats, "--target", "a", "--images", "-1"));
        c.add(of("similarity --images 0", "'--images'", "similarity", "--x", p("x.npy"), "--y", p("y.npy"),
                "--images", "0"));
        c.add(of("table2 --images -3", "'--images'", "table2", "--features", feats, "--images", "-3"));
        c.add(of("table3 --images 0", "'--images'", "table3", "--features", feats, "--images", "0"));
        c.add(of("table4 --draws 0", "'--draws'", "table4", "--features", feats, "--draws", "0"));
        c.add(of("table4 --images -1", "'--images'", "table4", "--features", feats, "--images", "-1"));
        c.add(of("fig4 --images 0", "'--images'", "fig4", "--blocks", feats, "--tasks", feats, "--images", "0"));
        c.add(of("train --epochs 0", "'--epochs'", train("--epochs", "0")));
        c.add(of("train --batch -8", "'--batch'", train("--batch", "-8")));
        c.add(of("train --image-size 0", "'--image-size'", train("--image-size", "0")));
        c.add(of("train --gpus 0", "'--gpus'", train("--gpus", "0")));
        c.add(of("train --limit -1", "'--limit'", train("--limit", "-1")));
        c.add(of("extract --image-size 0", "'--image-size'", "extract", "--weights", p("x.npy"), "--images",
                feats, "--out", p("newfeats"), "--image-size", "0"));
        c.add(of("extract --blocks 1,0", "'--blocks'", "extract", "--weights", p("x.npy"), "--images", feats,
                "--out", p("newfeats"), "--blocks", "1,0"));
        // Unknown names.
        c.add(of("unknown --norm", "Invalid value 'zscor' for option '--norm'", "affinity", "--features", feats,
                "--norm", "zscor"));
        c.add(of("unknown --f", "Invalid value 'cosin' for option '--f'", "affinity", "--features", feats, "--f",
                "cosin"));
        c.add(of("unknown --g", "Invalid value 'rv' for option '--g'", "affinity", "--features", feats, "--g",
                "rv"));
        c.add(of("unknown --centering", "'--centering'", "affinity", "--features", feats, "--centering", "half"));
        c.add(of("rbf with a word for its parameter", "'--f'", "affinity", "--features", feats, "--f", "rbf:abc"));
        c.add(of("unknown --against", "'--against'", "table2", "--features", feats, "--against", "wins"));
        c.add(of("unknown --only", "nothing", "reproduce", "--only", "nothing", "--out", p("newrun")));
        c.add(of("unknown --target", "--target 'c'", "rank", "--features", feats, "--target", "c"));
        c.add(of("unknown option", "Unknown option: '--fast'", "affinity", "--features", feats, "--fast"));
        c.add(of("an option without its value", "Missing required parameter for option '--features'",
                "affinity", "--features"));
        c.add(of("no command", "Missing required subcommand"));
        c.add(of("bench without a benchmark", "Missing required subcommand", "bench"));
        // Missing inputs.
        c.add(of("missing --features", p("absent") + " does not exist", "affinity", "--features", p("absent")));
        c.add(of("missing --x", p("absent.npy"), "similarity", "--x", p("absent.npy"), "--y", p("y.npy")));
        c.add(of("missing --run", p("absent") + " does not exist", "report", "--run", p("absent")));
        c.add(of("missing table2 --features", p("absent"), "table2", "--features", p("absent")));
        // Outputs (defect 1).
        c.add(of("--out a directory", "--out " + p("adir") + " is a directory", "affinity", "--features", feats,
                "--out", p("adir")));
        c.add(of("--out a FIFO", "--out " + p("fifo") + " is a special file", "affinity", "--features", feats,
                "--out", p("fifo")));
        c.add(of("--out /dev/null", "--out /dev/null is a special file", "affinity", "--features", feats, "--out",
                "/dev/null"));
        c.add(of("--out a symbolic link", "--out " + p("link.csv") + " is a symbolic link (to " + p("kept.csv")
                + ")", "affinity", "--features", feats, "--out", p("link.csv")));
        c.add(of("--out a dangling link", "is a symbolic link", "rank", "--features", feats, "--target", "a",
                "--out", p("dangling.csv")));
        c.add(of("--out an input model", "--out " + p("feats/a.npy") + " lies inside the input directory --features "
                + feats,
                "affinity", "--features", feats, "--out", p("feats/a.npy")));
        c.add(of("--out inside the input directory", "lies inside the input directory --features", "affinity",
                "--features", feats, "--out", p("feats/affinity.csv")));
        c.add(of("--out an input file by a link to its directory", "is the input --features", "rank",
                "--features", p("feats/a.npy"), "--target", "a", "--out", p("featlink/a.npy")));
        c.add(of("--out the input by another spelling", "is the input --features", "rank", "--features",
                p("feats/a.npy"), "--target", "a", "--out", p("adir/../feats/a.npy")));
        c.add(of("--out through a linked directory onto an input", "lies inside the input directory", "affinity",
                "--features", feats, "--out", p("featlink/b.npy")));
        c.add(of("table2 --out X --per-task X", "--out and --per-task both name " + p("same.csv"), "table2",
                "--features", feats, "--out", p("same.csv"), "--per-task", p("same.csv")));
        c.add(of("reproduce --out a directory of other files", "--out " + p("notarun") + " already holds files"
                + " and is not a DDS run directory", "reproduce", "--out", p("notarun")));
        c.add(of("reproduce --out a file", "is a file, not a directory", "reproduce", "--out", p("kept.csv")));
        c.add(of("reproduce --out the features", "--out " + feats + " is the input --features", "reproduce",
                "--features", feats, "--out", feats));
        c.add(of("reproduce --out holding the ground truth", "holds the input --groundtruth", "reproduce",
                "--groundtruth", p("newrun/gt"), "--out", p("newrun")));
        c.add(of("table4 --out a FIFO", "is a special file", "table4", "--features", feats, "--out", p("fifo")));
        c.add(of("report --run a FIFO", "is a special file", "report", "--run", p("fifo")));
        c.add(of("report --run a linked directory", "is a symbolic link", "report", "--run", p("linkdir")));
        c.add(of("mini --out /dev/null", "is a special file", "mini", "--out", "/dev/null"));
        c.add(of("extract --out a file", "is a file, not a directory", "extract", "--weights", p("x.npy"),
                "--images", feats, "--out", p("kept.csv")));
        c.add(of("train --out a FIFO", "is a special file", train("--out", p("fifo"))));
        c.add(of("fig4 --out inside an input", "lies inside the input directory --blocks", "fig4", "--blocks",
                feats, "--tasks", feats, "--out", p("feats/run")));
        c.add(of("--out under a file", p("kept.csv") + " is a file, not a directory", "affinity", "--features", feats, "--out", p("kept.csv/a.csv")));
        return c.stream();
    }

    private static String[] train(String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--dataset", "pascal", "--data", p("adir"), "--task",
                "semantic", "--block", "3"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private static Arguments of(String name, String fragment, String... args) {
        return Arguments.of(name, fragment, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithExitTwoOneLineAndNothingTouched(String name, String fragment, List<String> args)
            throws IOException {
        assumeTrue(fifo || !String.join(" ", args).contains(p("fifo")), "no mkfifo on this machine");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DdsCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args.toArray(String[]::new));
        String e = err.toString();
        assertThat(exit).as("%s: exit code; stderr: %s", name, e).isEqualTo(BAD_INPUT);
        assertThat(e.lines().toList()).as("%s: exactly one line on stderr", name).hasSize(1);
        assertThat(e).as(name).contains(fragment).doesNotContain("\tat ", "Exception in thread", "Caused by");
        assertThat(out.toString()).as("%s: nothing on stdout", name).isEmpty();
        assertThat(snapshot()).as("%s: the working directory is untouched", name).isEqualTo(before);
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).as("/dev/null is still a device").isFalse();
    }

    /** @return every entry under the working directory: its kind and content digest, or a link's target */
    private static Map<String, String> snapshot() throws IOException {
        Map<String, String> s = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String what = a.isSymbolicLink() ? "link " + Files.readSymbolicLink(p)
                        : a.isDirectory() ? "dir" : a.isOther() ? "special"
                        : "file " + sha256(Files.readAllBytes(p));
                s.put(dir.relativize(p).toString(), what);
            }
        }
        return s;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
