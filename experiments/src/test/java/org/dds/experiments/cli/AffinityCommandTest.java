package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dds.core.testing.Oracle;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dds affinity} against the oracle's matrices (../shared/oracle, written by dds_ref.py in float64). */
class AffinityCommandTest {
    /** The oracle is good to ~1e-14; 1e-9 leaves room for another summation order (oracle README). */
    private static final double ORACLE_TOLERANCE = 1e-9;

    @Test
    void matchesTheOracleOnSynth20() throws IOException {
        Path features = SharedData.require("oracle/synth20_f64");
        Cli.Run run = Cli.run("affinity", "--features", features.toString(), "--norm", "zscore", "--f", "cosine",
                "--g", "cka");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).as("nothing on stderr for a successful run").isEmpty();
        List<String> lines = run.out().lines().toList();
        List<String> names = Files.readAllLines(features.resolve("models.txt")).stream().filter(s -> !s.isBlank())
                .toList();
        assertThat(lines.get(0)).isEqualTo("model," + String.join(",", names));
        assertThat(lines).hasSize(names.size() + 1);
        double[][] expected = Oracle.expectedMatrix("synth20_f64/cka_unbiased/cosine__znorm.csv");
        for (int i = 0; i < names.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(cells[0]).isEqualTo(names.get(i));
            for (int j = 0; j < names.size(); j++) {
                assertThat(Double.parseDouble(cells[j + 1])).as("A[%s][%s]", names.get(i), names.get(j))
                        .isCloseTo(expected[i][j], within(ORACLE_TOLERANCE));
            }
        }
    }

    @Test
    void authorsNamesWorkAndOutGetsTheSameCsvAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path features = SharedData.require("oracle/synth20_f64");
        Path out = dir.resolve("a.csv");
        Cli.Run toFile = Cli.run("affinity", "--features", features.toString(), "--norm", "znorm", "--f", "lap",
                "--out", out.toString());
        assertThat(toFile.exit()).as(toFile.err()).isZero();
        assertThat(toFile.out()).as("results go to the file, not stdout").isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(out);
        }
        double[][] expected = Oracle.expectedMatrix("synth20_f64/cka_unbiased/lap__znorm.csv");
        List<String> lines = Files.readAllLines(out);
        assertThat(Double.parseDouble(lines.get(3).split(",")[5])).isCloseTo(expected[2][4], within(ORACLE_TOLERANCE));

        Cli.Run toStdout = Cli.run("affinity", "--features", features.toString(), "--norm", "zscore", "--f",
                "laplacian");
        assertThat(toStdout.out()).isEqualTo(Files.readString(out));
    }

    @Test
    void imagesTakesTheFirstRows(@TempDir Path dir) throws IOException {
        Path features = SharedData.require("oracle/synth20_f64");
        Cli.Run all = Cli.run("affinity", "--features", features.toString());
        Cli.Run first = Cli.run("affinity", "--features", features.toString(), "--images", "48");
        Cli.Run fewer = Cli.run("affinity", "--features", features.toString(), "--images", "20");
        assertThat(first.out()).as("the default is all 48 images when there are fewer than 200").isEqualTo(all.out());
        assertThat(fewer.exit()).isZero();
        assertThat(fewer.out()).isNotEqualTo(all.out());
    }

    /**
     * The tiled and the Spark engines give the whole-matrix engine's matrix (to 1e-9, the bar) and the
     * oracle's, from the same .npy directory; Spark runs embedded on local[2] as {@code ./dds affinity --engine spark
     * --master local[2]} does.
     */
    @Test
    void tiledAndSparkEnginesGiveTheMemoryEnginesMatrix() throws IOException {
        Path features = SharedData.require("oracle/synth20_f64");
        Cli.Run memory = Cli.run("affinity", "--features", features.toString(), "--engine", "memory");
        Cli.Run tiled = Cli.run("affinity", "--features", features.toString(), "--engine", "tiled", "--tile", "13");
        Cli.Run spark = Cli.run("affinity", "--features", features.toString(), "--engine", "spark", "--master",
                "local[2]", "--tile", "20");
        assertThat(tiled.exit()).as(tiled.err()).isZero();
        assertThat(spark.exit()).as(spark.err()).isZero();
        assertThat(tiled.err()).as("progress on stderr").contains("10/10 tiles");
        assertThat(spark.err()).as("progress on stderr").contains("6/6 tiles");
        double[][] expected = Oracle.expectedMatrix("synth20_f64/cka_unbiased/cosine__znorm.csv");
        List<String> m = memory.out().lines().toList();
        for (Cli.Run run : List.of(tiled, spark)) {
            List<String> lines = run.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo(m.get(0));
            for (int i = 1; i < lines.size(); i++) {
                String[] a = lines.get(i).split(",");
                String[] b = m.get(i).split(",");
                for (int j = 1; j < a.length; j++) {
                    assertThat(Double.parseDouble(a[j])).as("A[%d][%d]", i - 1, j - 1)
                            .isCloseTo(Double.parseDouble(b[j]), within(1e-9))
                            .isCloseTo(expected[i - 1][j - 1], within(ORACLE_TOLERANCE));
                }
            }
        }
    }

    @Test
    void spearmanWithTheTiledEngineIsRefusedInOneLine() {
        Path features = SharedData.require("oracle/synth20_f64");
        Cli.Run run = Cli.run("affinity", "--features", features.toString(), "--engine", "tiled", "--g", "spearman");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("g = spearman has no tiled form")
                .contains("--g cka or pearson");
    }
}
