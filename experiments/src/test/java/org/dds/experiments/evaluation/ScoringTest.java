package org.dds.experiments.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dds.core.stats.SeedMix;
import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.stats.PermutationTest;
import org.dds.experiments.taskonomy.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Significance of a score: seeded per statistic, so the same seed gives the same record. */
class ScoringTest {
    private static TaskonomyInputs inputs;
    private static final Scoring.Variants DEFAULT = models -> {
        Map<String, AffinityMatrix> out = new LinkedHashMap<>();
        out.put("dds", AffinityMatrix.compute(models, DdsConfig.defaults()));
        return out;
    };

    @BeforeAll
    static void read() {
        inputs = TaskonomyInputs.load(Fixtures.context(Fixtures.oracle("synth20_f64")), 24);
    }

    @Test
    void theSameSeedGivesTheSameCellsAndAnotherSeedOtherStatistics() {
        FeatureSet models = inputs.models();
        Map<String, Map<TaskonomyMatrix, Scoring.Cell>> a = Scoring.withSignificance(models, inputs.benchmark(),
                DEFAULT, Fixtures.SMALL, "t", line -> { });
        Map<String, Map<TaskonomyMatrix, Scoring.Cell>> b = Scoring.withSignificance(models, inputs.benchmark(),
                DEFAULT, Fixtures.SMALL, "t", line -> { });
        assertThat(b).isEqualTo(a);
        TaskonomySettings other = new TaskonomySettings(200, 99, 3, 3, 0.9, 7);
        Map<String, Map<TaskonomyMatrix, Scoring.Cell>> c = Scoring.withSignificance(models, inputs.benchmark(),
                DEFAULT, other, "t", line -> { });
        Scoring.Cell x = a.get("dds").get(TaskonomyMatrix.WINRATE);
        Scoring.Cell y = c.get("dds").get(TaskonomyMatrix.WINRATE);
        assertThat(y.score()).as("the estimate does not depend on the seed").isEqualTo(x.score());
        assertThat(y.significance().meanInterval()).isNotEqualTo(x.significance().meanInterval());
    }

    @Test
    void refusesTooFewImagesToSubsample() {
        assertThatThrownBy(() -> Scoring.withSignificance(inputs.models().firstImages(7), inputs.benchmark(), DEFAULT,
                Fixtures.SMALL, "t", line -> { })).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("half of the 7 images").hasMessageContaining("at least 8 images");
    }

    /** Each per-target p-value is PermutationTest.spearman with its own derived seed: (seed, label, variant, matrix, j). */
    @Test
    void eachPValueHasItsOwnDocumentedSeed() {
        Scoring.Cell cell = Scoring.withSignificance(inputs.models(), inputs.benchmark(), DEFAULT, Fixtures.SMALL,
                "t", line -> { }).get("dds").get(TaskonomyMatrix.AFFINITY);
        double[][] truth = inputs.benchmark().matrix(TaskonomyMatrix.AFFINITY).values();
        double[][] dds = inputs.benchmark().scores(AffinityMatrix.compute(inputs.models(), DdsConfig.defaults()));
        int j = 5;
        double[] t = new double[17];
        double[] d = new double[17];
        for (int i = 0; i < 17; i++) {
            t[i] = truth[i][j];
            d[i] = dds[i][j];
        }
        assertThat(cell.significance().perTaskP()[j]).isEqualTo(PermutationTest.spearman(t, d, 99,
                SeedMix.derive(1993, "t", "dds", "affinity", j)));
        assertThat(cell.significance().perTaskIntervals()).hasSize(17);
    }
}
