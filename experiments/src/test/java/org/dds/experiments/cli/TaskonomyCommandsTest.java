package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dds table2} and {@code dds table3} in-process on the oracle's synthetic features (named like the Taskonomy
 * models) against the public ground truth, and every bad input: one line on stderr, exit 2, no output file.
 */
class TaskonomyCommandsTest {
    /** The oracle is good to ~1e-14; 1e-9 leaves room for another summation order (oracle README). */
    private static final double ORACLE = 1e-9;

    @TempDir
    static Path dir;

    private static String features;
    private static String groundTruth;

    @BeforeAll
    static void inputs() throws IOException {
        features = SharedData.require("oracle/synth20_f64").toString();
        groundTruth = SharedData.require("groundtruth/taskonomy/all_affinities.pkl").getParent().getParent()
                .toString();
        Files.createDirectories(dir.resolve("strangers"));
        Npy.random(dir.resolve("strangers/a.npy"), 8, 2048, 1);
        Npy.random(dir.resolve("strangers/b.npy"), 8, 2048, 2);
        Files.createDirectories(dir.resolve("authors-tiny"));
        // dds-core's test fixture io/taskonomy_pascal_feats_tiny.npy: the authors' format, 21 models x 3 images.
        try (InputStream in = TaskonomyCommandsTest.class.getResourceAsStream("/io/taskonomy_pascal_feats_tiny.npy")) {
            Files.copy(in, dir.resolve("authors-tiny/taskonomy_pascal_feats_taskonomy_5000.npy"));
        }
        Files.createDirectories(dir.resolve("empty"));
    }

    /** Lines of the oracle's expected Table 2 by (row, column) name. */
    private static double oracle(String against, String norm, String f) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("oracle/expected/synth20_f64/table2_" + against
                + ".csv"));
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines) {
            String[] cells = line.split(",");
            if (cells[0].equals(norm)) {
                return Double.parseDouble(cells[header.indexOf(f)]);
            }
        }
        throw new AssertionError(norm + " not in the oracle");
    }

    /** Asserts a grid CSV against the oracle; the oracle names rows and columns as the authors do. */
    private static void assertGrid(List<String> lines, String against) throws IOException {
        assertThat(lines.get(0)).isEqualTo("norm,linear,rbf,laplacian,pearson,euclidean,cosine");
        assertThat(lines).hasSize(8);
        String[] ours = {"identity", "centering", "zscore", "batch_norm", "instance_norm", "layer_norm", "group_norm"};
        String[] theirs = {"None", "centering", "znorm", "batch_norm", "instance_norm", "layer_norm", "group_norm"};
        String[] f = {"linear", "rbf", "lap", "pearson", "euclidean", "cosine"};
        for (int r = 0; r < 7; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertThat(cells[0]).isEqualTo(ours[r]);
            for (int c = 0; c < 6; c++) {
                assertThat(Double.parseDouble(cells[c + 1])).as("%s %s %s", against, ours[r], f[c])
                        .isCloseTo(oracle(against, theirs[r], f[c]), within(ORACLE));
            }
        }
    }

    @Test
    void table2WritesTheGridAgainstTheWinrateByDefault() throws IOException {
        Path out = dir.resolve("t2.csv");
        Cli.Run run = Cli.run("table2", "--features", features, "--groundtruth", groundTruth, "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).as("results go to the file").isEmpty();
        assertThat(run.err()).contains("against the winrate matrix", "wrote " + out);
        assertGrid(Files.readAllLines(out), "winrate");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.startsWith("t2.csv") && !n.equals("t2.csv"));
        }
    }

    @Test
    void table2AgainstTheAffinityToStdoutWithPerTaskVectors() throws IOException {
        Path perTask = dir.resolve("per-task.csv");
        Cli.Run run = Cli.run("table2", "--features", features, "--groundtruth", groundTruth, "--against", "affinity",
                "--per-task", perTask.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertGrid(run.out().lines().toList(), "affinity");
        List<String> lines = Files.readAllLines(perTask);
        assertThat(lines).hasSize(1 + 42);
        assertThat(lines.get(0)).startsWith("norm,f,autoencoder,curvature,").endsWith(",class_1000");
        String[] zscoreCosine = lines.stream().filter(l -> l.startsWith("zscore,cosine,")).findFirst().orElseThrow()
                .split(",");
        double sum = 0;
        for (int k = 2; k < zscoreCosine.length; k++) {
            sum += Double.parseDouble(zscoreCosine[k]);
        }
        assertThat(sum / 17).as("the mean of the per-task vector is the cell")
                .isCloseTo(oracle("affinity", "znorm", "cosine"), within(ORACLE));
    }

    /** taskonomy_views.py (src/test/resources/reference), "S3": DDS (znorm, cosine) on the first 20 images. */
    @Test
    void table2OnFewerImages() {
        Cli.Run run = Cli.run("table2", "--features", features, "--groundtruth", groundTruth, "--images", "20");
        assertThat(run.exit()).as(run.err()).isZero();
        String zscore = run.out().lines().filter(l -> l.startsWith("zscore,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(zscore.substring(zscore.lastIndexOf(',') + 1)))
                .isCloseTo(0.3499909066343469, within(ORACLE));
    }

    @Test
    void table3PrintsThePapersRowsWithMeasuredTimes() throws IOException {
        Cli.Run run = Cli.run("table3", "--features", features, "--groundtruth", groundTruth);
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("method,affinity,winrate,published_affinity,published_winrate,"
                + "affinity_difference,winrate_difference,features_load_s,dds_s,published_total_s");
        assertThat(lines).hasSize(9);
        String[] cosine = lines.stream().filter(l -> l.startsWith("DDS (f = cosine),")).findFirst().orElseThrow()
                .split(",");
        assertThat(Double.parseDouble(cosine[1])).isCloseTo(oracle("affinity", "znorm", "cosine"), within(ORACLE));
        assertThat(Double.parseDouble(cosine[2])).isCloseTo(oracle("winrate", "znorm", "cosine"), within(ORACLE));
        assertThat(cosine[3]).as("paper Table 3").isEqualTo("0.862");
        assertThat(Double.parseDouble(cosine[7])).as("features_load_s").isPositive();
        assertThat(Double.parseDouble(cosine[8])).as("dds_s").isPositive();
        assertThat(cosine[9]).as("paper Table 3").isEqualTo("84.14");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("saliency,n/a,n/a,0.605,0.6,"));
        // The agreement of the public matrices (TaskonomyAgreementTest pins it).
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Taskonomy winrate,0.919434057803658"));
    }

    static Stream<Arguments> badInputs() {
        Path absent = dir.resolve("absent");
        return Stream.of(
                Arguments.of("missing features", List.of("table2", "--features", absent.toString()),
                        List.of("--features " + absent + " does not exist", "taskonomy_pascal_feats_taskonomy_5000")),
                Arguments.of("missing features for table3", List.of("table3", "--features", absent.toString()),
                        List.of("--features " + absent + " does not exist")),
                Arguments.of("models not named like Taskonomy's", List.of("table2", "--features",
                        dir.resolve("strangers").toString(), "--groundtruth", groundTruth),
                        List.of("lack the Taskonomy models autoencoder, curvature,", "not Taskonomy models (a, b)")),
                Arguments.of("more --images than the features hold", List.of("table2", "--features", features,
                        "--groundtruth", groundTruth, "--images", "500"),
                        List.of("--images 500 is not possible: the features describe 48 images",
                                "between 4 and 48")),
                Arguments.of("too few --images for unbiased CKA", List.of("table3", "--features", features,
                        "--groundtruth", groundTruth, "--images", "3"), List.of("--images 3 is not possible")),
                Arguments.of("features of too few images", List.of("table2", "--features",
                        dir.resolve("authors-tiny").toString(), "--groundtruth", groundTruth),
                        List.of("describe only 3 images", "at least 4")),
                Arguments.of("unknown --against", List.of("table2", "--features", features, "--against", "wins"),
                        List.of("Invalid value 'wins' for option '--against': expected one of affinity, winrate")),
                Arguments.of("missing ground truth", List.of("table2", "--features", features, "--groundtruth",
                        dir.resolve("empty").toString()), List.of("all_affinities.pkl does not exist",
                                "fetch-groundtruth")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsWithTwoAndOneSentenceAndWritesNothing(String what, List<String> args, List<String> fragments) {
        Path out = dir.resolve("bad-" + what.replace(' ', '-') + ".csv");
        List<String> withOut = new ArrayList<>(args);
        withOut.addAll(List.of("--out", out.toString()));
        Cli.Run run = Cli.run(withOut.toArray(String[]::new));
        assertThat(run.exit()).as("%s: %s", what, run.err()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).as("%s: one line on stderr", what).hasSize(1);
        assertThat(run.err()).as(what).contains(fragments).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
        assertThat(out).as("nothing written").doesNotExist();
    }

    @Test
    void withoutFeaturesTheMessageSaysWhereToGetThem() {
        if (System.getenv("DDS_FEATURES") != null) {
            System.out.println("skipped: DDS_FEATURES is set, so table2 without --features would use it");
            Assumptions.abort("DDS_FEATURES is set");
        }
        Cli.Run run = Cli.run("table2");
        assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.err()).contains("no features given: pass --features PATH",
                "github.com/cvai-roig-lab/duality-diagram-similarity", "or set DDS_FEATURES");
    }

    @Test
    void helpExplainsTheCommandsWithExamples() {
        for (String command : List.of("table2", "table3")) {
            Cli.Run run = Cli.run(command, "--help");
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("Usage: dds " + command, "Example", "./dds " + command,
                    "taskonomy_pascal_feats_taskonomy_5000.npy", "DDS_FEATURES", "Exit codes");
        }
        assertThat(Cli.run("table2", "--help").out()).contains("norm,linear,rbf,laplacian,pearson,euclidean,cosine",
                "--against=MATRIX");
    }
}
