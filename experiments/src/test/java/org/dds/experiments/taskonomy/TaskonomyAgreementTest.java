package org.dds.experiments.taskonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Optional;

import org.dds.core.testing.SharedData;
import org.dds.experiments.ExperimentContext;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;
import org.junit.jupiter.api.Test;

/** The agreement of the public Taskonomy affinity and winrate matrices (paper Table 3 prints 0.988). */
class TaskonomyAgreementTest {
    private static final double ALGEBRAIC = 1e-12;

    /**
     * Per-target Spearman from the numpy oracle, float64 repr: in python3 from ../shared/oracle,
     * {@code import dds_ref as d; a = d.load_taskonomy_pickle('../groundtruth/taskonomy/all_affinities.pkl');
     * w = d.load_taskonomy_pickle('../groundtruth/taskonomy/wins_vs_pixels_16k.pkl');
     * print([repr(float(x)) for x in d.columnwise_spearman(w, a)])}.
     */
    private static final double[] PER_TASK = {0.6614480923237572, 0.9926470588235295, 0.6651330399133046,
        0.8028804967863318, 0.9779411764705884, 0.6651330399133046, 0.9950980392156864, 0.9362745098039217,
        0.9950980392156864, 0.9901960784313727, 0.9901960784313727, 0.9975490196078433, 1.0000000000000002,
        0.9877450980392158, 0.9901960784313727, 0.9901960784313727, 0.9926470588235295};

    @Test
    void meanAndPerTaskVectorMatchTheOracle() {
        ExperimentResult result = runOnSharedGroundTruth();

        ResultTable summary = result.tables().get(0);
        PublishedValue p = summary.published().get(0);
        assertThat(p.reproduced()).isCloseTo(0.9194340578036582, within(ALGEBRAIC));
        assertThat(p.published()).as("paper Table 3").isEqualTo(0.988);
        assertThat(p.matches()).as("the public files do not give the paper's number").isFalse();

        ResultTable perTask = result.tables().get(1);
        assertThat(perTask.rowCount()).isEqualTo(17);
        assertThat(perTask.text(14, "target")).isEqualTo("vanishing_point_well_defined");
        for (int j = 0; j < PER_TASK.length; j++) {
            assertThat(perTask.real(j, "spearman")).as("target %s", perTask.text(j, "target"))
                    .isCloseTo(PER_TASK[j], within(ALGEBRAIC));
        }
        assertThat(result.summary()).contains("0.919434", "0.988", "autoencoder (0.661)");
    }

    /**
     * The eight readings, from scipy on the oracle's reading of the pickles: in python3 from ../shared/oracle,
     * {@code a, w = (np.asarray(d.load_taskonomy_pickle(f)) for f in (affinity, winrate))}; for each reading,
     * {@code [stats.spearmanr(a[idx, j], w[idx, j]).statistic for j in range(17)]} (or pearsonr) with
     * {@code idx} all 17 sources or all but j, then {@code np.mean} or {@code np.median}. Only the median without the
     * diagonal, Spearman, rounds to the paper's 0.988.
     */
    @Test
    void everyReadingOfTheProtocolBesideThePaper() {
        ExperimentResult result = runOnSharedGroundTruth();
        ResultTable readings = result.table("taskonomy-agreement-readings");
        double[] expected = {0.9194340578036583, 0.9002877148272418, 0.8991729120476682, 0.9506645098718314,
            0.9901960784313727, 0.9267421208807773, 0.988235294117647, 0.9599681142730069};
        assertThat(readings.rowCount()).isEqualTo(8);
        for (int k = 0; k < expected.length; k++) {
            assertThat(readings.real(k, "agreement")).as(readings.text(k, "reading")).isCloseTo(expected[k],
                    within(ALGEBRAIC));
            assertThat(readings.text(k, "rounds to published")).as(readings.text(k, "reading"))
                    .isEqualTo(k == 6 ? "yes" : "no");
        }
        assertThat(readings.text(0, "SPEC protocol")).startsWith("yes");
        assertThat(result.summary()).contains("one rounds to the paper's 0.988: median over targets, without the"
                + " diagonal, Spearman (0.988235)");
        assertThat(result.tables().get(0).published().get(0).reproduced()).as("the headline stays the protocol")
                .isCloseTo(expected[0], within(ALGEBRAIC));
    }

    /** Runs the experiment on ../shared's pickles; skips, saying why, where there are none. */
    private static ExperimentResult runOnSharedGroundTruth() {
        Path gt = SharedData.require("groundtruth/taskonomy").getParent();
        ExperimentContext context = new ExperimentContext(new GroundTruthLocation(gt,
                GroundTruthLocation.Origin.ARGUMENT), Optional.empty(), true, 1993, line -> { });
        return new TaskonomyAgreement().run(context);
    }
}
