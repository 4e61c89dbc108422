package org.dds.experiments.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.experiments.evaluation.LayerSelection;
import org.dds.experiments.evaluation.MethodComparison;
import org.dds.mini.EstimatorScores;
import org.dds.mini.MiniBenchmark;
import org.dds.mini.MiniConfig;
import org.dds.mini.MiniResults;
import org.dds.mini.MiniTask;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;
import org.junit.jupiter.api.Test;

class MiniTaskonomyTest {
    private static final List<MiniTask> TASKS = List.of(MiniTask.values());

    /**
     * Planted: the transfer matrix IS the default DDS (source, target model) and the block transfer IS the layer
     * DDS, so by construction every Spearman of the default DDS is 1 (with and without the diagonal), and DDS picks
     * the measured best block for every target.
     */
    @Test
    void plantedGroundTruthScoresOne() {
        MiniResults base = results(new double[10][9], new double[4][9]);
        AffinityMatrix dds = AffinityMatrix.compute(base.probe(), DdsConfig.defaults());
        double[][] transfer = new double[10][9];
        for (int s = 0; s < 10; s++) {
            for (int j = 0; j < 9; j++) {
                transfer[s][j] = dds.get(base.sources().get(s), TASKS.get(j).cliName());
            }
        }
        double[][] blocks = LayerSelection.blocksVersusTasks(base.blocks(), base.probe().select(base.targetNames()),
                LayerSelection.paperConfig()).dds();
        MiniResults r = results(transfer, blocks);

        ExperimentResult e = MiniTaskonomy.evaluate(r, new MiniTaskonomy.Settings(5, 99, 0.9), 1, l -> { });
        ResultTable summary = table(e, "mini-summary");
        for (int row = 0; row < summary.rowCount(); row++) {
            if (summary.text(row, "method").startsWith("DDS (zscore, cosine")
                    && summary.text(row, "ground truth").equals("transfer")) {
                // Pearson of identical rank vectors: 1 up to rounding.
                assertThat(summary.real(row, "mean spearman")).isCloseTo(1.0, within(1e-12));
                // 9 targets, each column shuffled independently: only the identity reaches a mean of 1.
                assertThat(summary.real(row, "p value")).isEqualTo(1 / 100.0);
            }
        }
        ResultTable agreement = table(e, "mini-layer-agreement");
        for (int row = 0; row < agreement.rowCount(); row++) {
            assertThat(agreement.text(row, "agree")).isEqualTo("yes");
            assertThat(agreement.real(row, "spearman")).isCloseTo(1.0, within(1e-12));
            assertThat(agreement.real(row, "weighted tau")).isCloseTo(1.0, within(1e-12));
            assertThat(agreement.real(row, "relative regret")).isZero();
        }
        assertThat(e.summary()).contains("for 9 of 9 targets");
        // The planted transfer matrix is the default DDS: its ranking measures against it are perfect.
        ResultTable methods = table(e, "mini-methods");
        assertThat(methods.text(0, "method")).startsWith("DDS (zscore, cosine");
        assertThat(methods.text(0, "ground truth")).isEqualTo("transfer");
        assertThat(methods.real(0, "spearman")).isCloseTo(1.0, within(1e-12));
        assertThat(methods.real(0, "weighted tau")).isCloseTo(1.0, within(1e-12));
        assertThat(methods.real(0, "top-1 hit")).isEqualTo(1.0);
        assertThat(methods.real(0, "relative regret")).isZero();
    }

    /** The report's tables: ids, shapes, and 4 methods x 2 ground truths x 2 diagonal settings in the summary. */
    @Test
    void reportHasEveryTable() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] transfer = new double[10][9];
        for (double[] row : transfer) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextDouble();
            }
        }
        double[][] blocks = new double[4][9];
        blocks[0][0] = 1; // column 0 varies; the others are constant, so their Spearman is undefined
        ExperimentResult e = MiniTaskonomy.evaluate(results(transfer, blocks),
                new MiniTaskonomy.Settings(4, 50, 0.95), 1, l -> { });
        assertThat(table(e, "mini-layer-agreement").cell(1, "spearman")).isEqualTo(Cell.missing("undefined (constant)"));
        assertThat(e.tables()).extracting(ResultTable::id).contains("mini-transfer", "mini-winrate", "mini-dds",
                "mini-summary", "mini-per-target", "mini-table2-transfer", "mini-table2-transfer-nodiag",
                "mini-table2-winrate", "mini-table2-winrate-nodiag", "mini-layer-transfer", "mini-layer-dds",
                "mini-layer-agreement", "mini-sources", "mini-timing", "mini-methods", "mini-methods-per-target",
                "mini-methods-picks");
        // 4 methods x 2 ground truths (no fine-tuned transfers here); per target 9 targets each.
        assertThat(table(e, "mini-methods").rows()).hasSize(MiniTaskonomy.methods().size() * 2);
        assertThat(table(e, "mini-methods-per-target").rows()).hasSize(MiniTaskonomy.methods().size() * 2 * 9);
        assertThat(table(e, "mini-summary").rows()).hasSize(MiniTaskonomy.methods().size() * 4);
        assertThat(table(e, "mini-transfer").rows()).hasSize(10);
        assertThat(table(e, "mini-table2-winrate").rows()).hasSize(7);
        assertThat(table(e, "mini-per-target").rows()).hasSize(9);
    }

    /**
     * Without the diagonal, target j's own source drops out of both columns: with 10 sources, 9 values remain; with
     * it, 10. Values are placed so that the kept ones are identifiable (truth[s][j] = 10 s + j).
     */
    @Test
    void diagonalIsDroppedPerTarget() {
        double[][] truth = new double[10][9];
        for (int s = 0; s < 10; s++) {
            for (int j = 0; j < 9; j++) {
                truth[s][j] = 10 * s + j;
            }
        }
        MiniResults r = results(truth, new double[4][9]);
        double[][] with = MiniTaskonomy.truthColumns(r, truth, true);
        double[][] without = MiniTaskonomy.truthColumns(r, truth, false);
        assertThat(with[2]).hasSize(10).contains(22.0);
        // Source 2 is the target task 2 itself (sources are the tasks in order, then the control).
        assertThat(without[2]).hasSize(9).doesNotContain(22.0).contains(2.0, 12.0, 32.0, 92.0);
    }

    @Test
    void cacheDirectoryFollowsTheEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DDS_CACHE", "/tmp/c");
        assertThat(MiniTaskonomy.cacheDirectory(env::get)).isEqualTo(Path.of("/tmp/c/mini"));
        env.clear();
        env.put("XDG_CACHE_HOME", "/x");
        assertThat(MiniTaskonomy.cacheDirectory(env::get)).isEqualTo(Path.of("/x/dds/mini"));
        assertThat(MiniTaskonomy.dataDirectory(k -> null)).isEqualTo(Path.of("/usr/share/datasets/fashion-mnist"));
    }

    /**
     * An estimator's target column ranks every source or says why not: hand-made scores where "leep" does not apply
     * to two sources of target 0 (named in the reason) and to no source of target 1, and "knn" applies everywhere.
     */
    @Test
    void estimatorColumnsRankAllSourcesOrSayWhyNot() {
        MiniResults r = results(new double[10][9], new double[4][9]);
        int sources = r.sources().size();
        double[][][] values = new double[2][sources][9];
        String[][][] reasons = new String[2][sources][9];
        for (int s = 0; s < sources; s++) {
            for (int j = 0; j < 9; j++) {
                values[0][s][j] = s + j;
                values[1][s][j] = 10 * s - j;
            }
        }
        for (int s : new int[] {2, 3}) {
            values[0][s][0] = Double.NaN;
            reasons[0][s][0] = "needs a classifier source";
        }
        for (int s = 0; s < sources; s++) {
            values[0][s][5] = Double.NaN;
            reasons[0][s][5] = "is defined for classification targets only";
        }
        EstimatorScores e = new EstimatorScores(30, List.of("leep", "knn"), values, reasons);
        assertThat(MiniTaskonomy.estimatorScores(r, e, 0, 0)).isEqualTo(MethodComparison.Scores.notApplicable(
                "leep needs a classifier source: " + r.sources().get(2) + ", " + r.sources().get(3)));
        assertThat(MiniTaskonomy.estimatorScores(r, e, 0, 5)).isEqualTo(MethodComparison.Scores.notApplicable(
                "leep is defined for classification targets only"));
        MethodComparison.Scores knn = MiniTaskonomy.estimatorScores(r, e, 1, 4);
        assertThat(knn).isInstanceOf(MethodComparison.Scores.Values.class);
        assertThat(((MethodComparison.Scores.Values) knn).values()).containsExactly(-4, 6, 16, 26, 36, 46, 56, 66, 76,
                86);
        assertThat(MiniTaskonomy.estimatorText(e)).contains("first 30 labelled images");
        assertThat(MiniTaskonomy.estimatorText(EstimatorScores.none())).contains("full mode");
    }

    /** Random probe features (20 images, a 2 x 2 x 4 map per model) with the given matrices. */
    private static MiniResults results(double[][] transfer, double[][] blockTransfer) {
        SplittableRandom rnd = new SplittableRandom(9);
        List<String> sources = new ArrayList<>();
        TASKS.forEach(t -> sources.add(t.cliName()));
        sources.add(MiniBenchmark.CONTROL);
        List<FeatureMatrix> probe = new ArrayList<>();
        double[] shared = gaussian(rnd, 20 * 16);
        for (String s : sources) {
            double[] v = gaussian(rnd, 20 * 16);
            double w = rnd.nextDouble();
            for (int i = 0; i < v.length; i++) {
                v[i] = w * shared[i] + (1 - w) * v[i];
            }
            probe.add(FeatureMatrix.of(s, 20, 16, v));
        }
        List<FeatureMatrix> blocks = new ArrayList<>();
        for (int b = 1; b <= 4; b++) {
            blocks.add(FeatureMatrix.of("layer" + b, 20, 6 * b, gaussian(rnd, 20 * 6 * b)));
        }
        double[][] winrate = new double[10][9];
        for (double[] row : winrate) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextDouble();
            }
        }
        List<MiniResults.SourceRun> runs = new ArrayList<>();
        sources.forEach(s -> runs.add(new MiniResults.SourceRun(s, 0.5, 1, false, "")));
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("train sources", 1.0);
        MiniConfig config = new MiniConfig(null, null, 100, 1, 10, 1e-3, false, 20, 20, 20, List.of(2, 2, 3, 3),
                List.of(1, 1, 1, 1), 1, 0, 0);
        return new MiniResults(config, sources, TASKS, transfer, winrate, new double[0][], new FeatureSet(probe),
                new MapShape(2, 2, 4), "class10", new FeatureSet(blocks), blockTransfer, EstimatorScores.none(), runs,
                "sha", seconds);
    }

    private static double[] gaussian(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() - 0.5 + (r.nextDouble() - 0.5);
        }
        return v;
    }

    private static ResultTable table(ExperimentResult e, String id) {
        return e.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
