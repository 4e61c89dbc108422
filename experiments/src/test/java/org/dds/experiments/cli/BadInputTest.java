package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * Every bad input ends with exit code 2 and one line on stderr that names the file or model and says what to do,
 * with nothing on stdout and no stack trace (SPEC section 8).
 */
class BadInputTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeInputs() throws IOException {
        Files.createDirectories(dir.resolve("ok"));
        Npy.random(dir.resolve("ok/a.npy"), 6, 3, 1);
        Npy.random(dir.resolve("ok/b.npy"), 6, 3, 2);

        Files.createDirectories(dir.resolve("mismatch"));
        Npy.random(dir.resolve("mismatch/a.npy"), 6, 3, 1);
        Npy.random(dir.resolve("mismatch/b.npy"), 5, 3, 2);

        Files.createDirectories(dir.resolve("tiny"));
        Npy.random(dir.resolve("tiny/a.npy"), 3, 3, 1);
        Npy.random(dir.resolve("tiny/b.npy"), 3, 3, 2);

        Files.createDirectories(dir.resolve("nan"));
        Npy.random(dir.resolve("nan/a.npy"), 6, 3, 1);
        double[] v = new double[18];
        Arrays.fill(v, 0.5);
        v[2 * 3 + 1] = Double.NaN;
        Npy.write(dir.resolve("nan/holey.npy"), 6, 3, v);

        Files.createDirectories(dir.resolve("truncated"));
        Npy.random(dir.resolve("truncated/a.npy"), 6, 3, 1);
        byte[] whole = Files.readAllBytes(Npy.random(dir.resolve("truncated/cut.npy"), 6, 3, 2));
        Files.write(dir.resolve("truncated/cut.npy"), Arrays.copyOf(whole, whole.length - 20));
    }

    static Stream<Arguments> badInputs() {
        String ok = dir.resolve("ok").toString();
        return Stream.of(
                Arguments.of("missing --features path", List.of("affinity", "--features", dir.resolve("absent").toString()),
                        List.of(dir.resolve("absent").toString(), "does not exist", "give a directory")),
                Arguments.of("unknown --f", List.of("affinity", "--features", ok, "--f", "cosin"),
                        List.of("Invalid value 'cosin' for option '--f': expected one of rbf, laplacian, linear,"
                                + " pearson, euclidean, cosine")),
                Arguments.of("unknown --norm", List.of("rank", "--features", ok, "--target", "a", "--norm", "zscor"),
                        List.of("Invalid value 'zscor' for option '--norm': expected one of identity, centering,"
                                + " zscore, group_norm, instance_norm, layer_norm, batch_norm")),
                Arguments.of("unknown --g", List.of("affinity", "--features", ok, "--g", "rv"),
                        List.of("Invalid value 'rv' for option '--g': expected one of cka, spearman, pearson")),
                Arguments.of("unknown --target", List.of("rank", "--features", ok, "--target", "c"),
                        List.of("--target 'c'", "a, b", "choose one of those")),
                Arguments.of("different image counts", List.of("affinity", "--features",
                        dir.resolve("mismatch").toString()), List.of("'b' have 5 rows but 'a' has 6", "same images")),
                Arguments.of("different image counts in similarity", List.of("similarity", "--x",
                        dir.resolve("mismatch/a.npy").toString(), "--y", dir.resolve("mismatch/b.npy").toString()),
                        List.of("a.npy has 6 images", "b.npy has 5", "same images")),
                Arguments.of("n < 4 with unbiased centring", List.of("affinity", "--features",
                        dir.resolve("tiny").toString()), List.of("'a' has 3 images", "at least 4", "--centering biased")),
                Arguments.of("NaN in a file", List.of("affinity", "--features", dir.resolve("nan").toString()),
                        List.of("'holey'", "NaN at image 2, feature 1")),
                Arguments.of("map normalisation with d != H*W*C", List.of("affinity", "--features", ok, "--norm",
                        "batch_norm"), List.of("'a'", "d = 3", "16 x 16 x 8", "--shape")),
                Arguments.of("truncated .npy", List.of("affinity", "--features", dir.resolve("truncated").toString()),
                        List.of("cut.npy", "truncated")),
                Arguments.of("too many --images", List.of("affinity", "--features", ok, "--images", "7"),
                        List.of("--images 7", "between 1 and 6")),
                Arguments.of("bad --shape", List.of("affinity", "--features", ok, "--shape", "16,16"),
                        List.of("Invalid value '16,16' for option '--shape'", "H,W,C")),
                Arguments.of("missing required option", List.of("rank", "--target", "a"),
                        List.of("Missing required option: '--features=PATH'", "dds rank --help")),
                Arguments.of("rank by DDS without --target", List.of("rank", "--features", ok),
                        List.of("--target is needed to rank by DDS", "--labels")),
                Arguments.of("unknown option", List.of("affinity", "--features", ok, "--fast"),
                        List.of("Unknown option: '--fast'", "dds affinity --help")),
                Arguments.of("no command", List.of(), List.of("Missing required subcommand", "dds --help")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void exitsWithTwoAndOneSentence(String what, List<String> args, List<String> fragments) {
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit()).as("%s: %s", what, run.err()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).as("%s: one line on stderr", what).hasSize(1);
        assertThat(run.err()).as(what).contains(fragments).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).as("%s: nothing on stdout", what).isEmpty();
    }

    @Test
    void anUnexpectedFailureExitsWithOneAndPointsToTheLog() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DdsCommand());
        cmd.setErr(new PrintWriter(err));
        int exit = new Failures().handleExecutionException(new IllegalStateException("boom"), cmd, null);
        assertThat(exit).isEqualTo(Failures.INTERNAL);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).contains("internal error in dds: IllegalStateException: boom; see the log ")
                .contains("dds.log").doesNotContain("\tat ");
    }
}
