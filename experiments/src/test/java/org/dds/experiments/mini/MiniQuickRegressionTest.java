package org.dds.experiments.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;
import org.dds.mini.MiniBenchmark;
import org.dds.mini.MiniConfig;
import org.dds.mini.MiniResults;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick mode of Mini-Taskonomy end to end on the real Fashion-MNIST files (the same run as
 * {@code ./dds mini --quick}, seed 1993), against the numbers that run gave on the reference machine (2 cores,
 * AVX-512, ND4J's oneDNN build) on 2026-11-27, recorded in the README's Mini-Taskonomy section.
 * Two runs there agreed bit for bit; the tolerances allow for other processors, whose convolution kernels round
 * differently and so train slightly different sources. Skipped, saying why, when Fashion-MNIST is not installed.
 */
class MiniQuickRegressionTest {
    /** Own-task scores (the transfer diagonal) of the quick run, in source order. */
    private static final double[] OWN_TASK = {0.8433333333333334, 0.995, 0.7794743341423285, 0.709439437974938,
        0.6434290227223189, 0.5539141270626702, 0.3628942197533118, 0.945, 0.8024473026407308};
    /** Mean Spearman vs the transfer matrix without the diagonal: DDS (zscore, cosine, unbiased CKA) and RSA. */
    private static final double DDS_NODIAG = 0.14709574764544153;
    private static final double RSA_NODIAG = 0.18866496268248265;

    @TempDir
    Path cache;

    @Test
    void quickModeGivesThePinnedNumbers() {
        Path data = MiniTaskonomy.dataDirectory(System::getenv);
        boolean present = Files.exists(data.resolve("train-images-idx3-ubyte.gz"))
                || Files.exists(data.resolve("train-images-idx3-ubyte"));
        if (!present) {
            System.out.println("MiniQuickRegressionTest skipped: Fashion-MNIST is not in " + data
                    + " (sudo apt-get install dataset-fashion-mnist)");
        }
        Assumptions.assumeTrue(present, "Fashion-MNIST is not installed in " + data);

        MiniResults r = MiniBenchmark.run(MiniConfig.quick(data, cache, 1993), line -> { });
        for (int s = 0; s < OWN_TASK.length; s++) {
            assertThat(r.transfer()[s][s]).as("own-task score of %s", r.sources().get(s))
                    .isCloseTo(OWN_TASK[s], within(0.03));
        }
        ExperimentResult e = MiniTaskonomy.evaluate(r, MiniTaskonomy.Settings.of(true), 1993, line -> { });
        ResultTable summary = e.tables().stream().filter(t -> t.id().equals("mini-summary")).findFirst()
                .orElseThrow();
        assertThat(mean(summary, "DDS (zscore, cosine", "without")).isCloseTo(DDS_NODIAG, within(0.1));
        assertThat(mean(summary, "RSA", "without")).isCloseTo(RSA_NODIAG, within(0.1));
        assertThat(e.tables()).extracting(ResultTable::id).contains("mini-layer-agreement", "mini-table2-transfer");
    }

    private static double mean(ResultTable summary, String method, String diagonal) {
        for (int row = 0; row < summary.rowCount(); row++) {
            if (summary.text(row, "method").startsWith(method) && summary.text(row, "ground truth").equals("transfer")
                    && summary.text(row, "diagonal").equals(diagonal)) {
                return summary.real(row, "mean spearman");
            }
        }
        throw new AssertionError("no row " + method + " / " + diagonal);
    }
}
