package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dds.core.testing.Oracle;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/** {@code dds rank} and {@code dds similarity} against the oracle's affinity matrix. */
class RankAndSimilarityTest {
    private static final double ORACLE_TOLERANCE = 1e-9;
    private static final String MATRIX = "synth20_f64/cka_unbiased/cosine__znorm.csv";

    private static List<String> models(Path features) throws IOException {
        return Files.readAllLines(features.resolve("models.txt")).stream().filter(s -> !s.isBlank()).toList();
    }

    @Test
    void rankListsEverySourceByDescendingDdsWithoutTheTarget() throws IOException {
        Path features = SharedData.require("oracle/synth20_f64");
        List<String> names = models(features);
        String target = "edge2d";
        int t = names.indexOf(target);
        double[][] expected = Oracle.expectedMatrix(MATRIX);

        Cli.Run run = Cli.run("rank", "--features", features.toString(), "--target", target);
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("rank,model,dds");
        assertThat(lines).hasSize(names.size());
        List<String> ranked = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 1; k < lines.size(); k++) {
            String[] cells = lines.get(k).split(",");
            assertThat(cells[0]).isEqualTo(String.valueOf(k));
            double dds = Double.parseDouble(cells[2]);
            assertThat(dds).as("DDS(%s, %s)", cells[1], target)
                    .isCloseTo(expected[names.indexOf(cells[1])][t], within(ORACLE_TOLERANCE));
            assertThat(dds).as("descending").isLessThanOrEqualTo(previous);
            previous = dds;
            ranked.add(cells[1]);
        }
        assertThat(ranked).doesNotContain(target).containsExactlyInAnyOrderElementsOf(
                names.stream().filter(n -> !n.equals(target)).toList());
    }

    @Test
    void similarityPrintsOneNumberEqualToTheAffinityEntry() throws IOException {
        Path features = SharedData.require("oracle/synth20_f64");
        List<String> names = models(features);
        Cli.Run run = Cli.run("similarity", "--x", features.resolve("edge2d.npy").toString(), "--y",
                features.resolve("segment25d.npy").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(1);
        assertThat(Double.parseDouble(run.out().strip())).isCloseTo(
                Oracle.expectedMatrix(MATRIX)[names.indexOf("edge2d")][names.indexOf("segment25d")],
                within(ORACLE_TOLERANCE));
    }

    @Test
    void rsaIsASimilarityToo() throws IOException {
        Path features = SharedData.require("oracle/synth20_f64");
        List<String> names = models(features);
        Cli.Run run = Cli.run("similarity", "--x", features.resolve("denoise.npy").toString(), "--y",
                features.resolve("reshade.npy").toString(), "--norm", "identity", "--f", "pearson", "--g", "spearman");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Double.parseDouble(run.out().strip())).isCloseTo(
                Oracle.expectedMatrix("synth20_f64/spearman/pearson__None.csv")[names.indexOf("denoise")][names
                        .indexOf("reshade")], within(ORACLE_TOLERANCE));
    }
}
