package org.dds.experiments.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.core.DdsInputException;
import org.dds.experiments.evaluation.MethodComparison.Scores;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side comparison on synthetic inputs: 4 sources a..d, targets a and b (each target's own source left
 * out, so 3 sources each), two ground truths that rank the sources alike, and four methods: one that ranks as the
 * ground truth does, one that ranks backwards, one that never applies and one that applies to target b only.
 */
class MethodComparisonTest {
    private static final double EXACT = 1e-12;
    private static final List<String> SOURCES = List.of("a", "b", "c", "d");
    private static final List<String> TARGETS = List.of("a", "b");
    /** Rows a..d, columns targets a, b: target a keeps b, c, d = (0.6, 0.4, 0.8), target b a, c, d = (0.5, 0.7, 0.2). */
    private static final double[][] TRANSFER = {{0.9, 0.5}, {0.6, 0.95}, {0.4, 0.7}, {0.8, 0.2}};
    /** Same order of the kept sources as TRANSFER in both columns. */
    private static final double[][] WINRATE = {{0.1, 0.3}, {0.5, 0.9}, {0.2, 0.6}, {0.7, 0.1}};

    private static MethodComparison.Output run(int permutations) {
        Map<String, List<Scores>> methods = new LinkedHashMap<>();
        methods.put("perfect", List.of(Scores.of(9, 6, 4, 8), Scores.of(5, 9.5, 7, 2)));
        methods.put("reversed", List.of(Scores.of(-9, -6, -4, -8), Scores.of(-5, -9.5, -7, -2)));
        methods.put("leep", List.of(Scores.notApplicable("LEEP needs a classifier source"),
                Scores.notApplicable("LEEP needs a classifier source")));
        methods.put("partial", List.of(Scores.notApplicable("no labels for a"), Scores.of(5, 9.5, 7, 2)));
        return MethodComparison.compare("cmp", SOURCES, TARGETS, List.of(new MethodComparison.Truth("transfer",
                TRANSFER), new MethodComparison.Truth("winrate", WINRATE)), methods, false,
                new MethodComparison.Settings(200, permutations, 0.95, 7));
    }

    /**
     * Reversed vs transfer: target a scores b, c, d as (-6, -4, -8), picks c (0.4) where d (0.8) is best: regret
     * (0.8 - 0.4) / 0.8 = 1/2; target b picks d (0.2) where c (0.7) is best: regret 5/7. Mean regret (1/2 + 5/7) / 2,
     * Spearman -1, no hit. The perfect method: Spearman 1, every pick a hit, regret 0. Its Spearman p-value: of the
     * 3! x 3! equally likely shufflings of the two targets, only (identity, identity) and (reversed, reversed) reach
     * |mean rho| = 1, so p estimates 2/36 (standard error sqrt(p (1 - p) / 5000) = 0.0032 with 5000 shufflings).
     */
    @Test
    void meansPValuesAndPicksOnAHandCase() {
        MethodComparison.Output out = run(5000);
        ResultTable summary = out.tables().get(0);
        assertThat(summary.id()).isEqualTo("cmp");
        assertThat(summary.rowCount()).isEqualTo(8);
        assertThat(summary.text(0, "method")).isEqualTo("perfect");
        assertThat(summary.text(0, "ground truth")).isEqualTo("transfer");
        assertThat(summary.real(0, "spearman")).isCloseTo(1, within(EXACT));
        assertThat(summary.real(0, "weighted tau")).isCloseTo(1, within(EXACT));
        assertThat(summary.real(0, "top-1 hit")).isEqualTo(1.0);
        assertThat(summary.real(0, "relative regret")).isZero();
        assertThat(summary.real(0, "spearman p")).isCloseTo(2.0 / 36, within(4 * 0.0032));
        assertThat(summary.text(0, "not applicable")).isEqualTo("-");

        assertThat(summary.text(2, "method")).isEqualTo("reversed");
        assertThat(summary.real(2, "spearman")).isCloseTo(-1, within(EXACT));
        assertThat(summary.real(2, "top-1 hit")).isZero();
        assertThat(summary.real(2, "relative regret")).isCloseTo((0.5 + 5.0 / 7) / 2, within(EXACT));
        assertThat(summary.real(2, "relative regret ci lower")).isCloseTo(0.5, within(EXACT));
        assertThat(summary.real(2, "relative regret ci upper")).isCloseTo(5.0 / 7, within(EXACT));

        assertThat(summary.integer(4, "targets")).isZero();
        assertThat(summary.cell(4, "spearman")).isEqualTo(Cell.missing("not applicable: LEEP needs a classifier"
                + " source (a, b)"));
        assertThat(summary.integer(6, "targets")).isEqualTo(1);
        assertThat(summary.cell(6, "spearman ci lower")).isEqualTo(Cell.missing("n/a (one target)"));
        assertThat(summary.text(6, "not applicable")).isEqualTo("no labels for a (a)");

        ResultTable perTarget = out.tables().get(1);
        assertThat(perTarget.rowCount()).isEqualTo(4 * 2 * 2);
        assertThat(perTarget.real(5, "relative regret")).as("reversed, transfer, target b").isCloseTo(5.0 / 7,
                within(EXACT));
        assertThat(perTarget.cell(8, "top-1 hit")).isEqualTo(Cell.missing("not applicable: LEEP needs a classifier"
                + " source"));

        ResultTable picks = out.tables().get(2);
        assertThat(picks.rowCount()).as("leep has no picks").isEqualTo(6);
        assertThat(picks.text(0, "method")).isEqualTo("perfect vs transfer");
        assertThat(picks.title()).contains("left out, no value: leep vs transfer, leep vs winrate");
        // 2 methods with 2 targets x 2 ground truths x 5 measures have intervals (one target: none).
        assertThat(out.note()).isEqualTo("Every one of the 20 intervals of cmp contains its mean.");
        // The chart is checked against its table when the result is built.
        ExperimentResult result = new ExperimentResult("x", "ref", "summary", out.tables()).withCharts(out.chart());
        assertThat(result.charts()).contains(out.chart());
    }

    @Test
    void theSameSeedGivesTheSameTable() {
        assertThat(run(300).tables()).isEqualTo(run(300).tables());
    }

    @Test
    void refusesInputsThatDoNotFit() {
        Map<String, List<Scores>> methods = Map.of("m", List.of(Scores.of(1, 2, 3)));
        assertThatThrownBy(() -> MethodComparison.compare("c", SOURCES, TARGETS, List.of(new MethodComparison.Truth(
                "transfer", TRANSFER)), methods, false, new MethodComparison.Settings(10, 10, 0.95, 1)))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("scores for 1 targets but there are 2");
        assertThatThrownBy(() -> Scores.of(1, Double.NaN)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("score 1 is NaN");
    }
}
