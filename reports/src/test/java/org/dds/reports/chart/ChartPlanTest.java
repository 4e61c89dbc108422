package org.dds.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.dds.reports.ChartSpec;
import org.dds.reports.ExperimentResult;
import org.dds.reports.Report;
import org.dds.reports.ResultTable;
import org.dds.reports.SyntheticReport;
import org.junit.jupiter.api.Test;

/** Which charts a table gets by default, what a request overrides, and what a wrong request says. */
class ChartPlanTest {
    private static final ResultTable SQUARE = ResultTable.inferred("m", "M", List.of("source", "a", "b"),
            List.of(List.of("a", 1.0, 0.2), List.of("b", 0.2, 1.0)));
    private static final ResultTable GRID = ResultTable.inferred("g", "G", List.of("norm", "x", "y", "z"),
            List.of(List.of("n1", 0.1, 0.2, 0.3), List.of("n2", 0.4, 0.5, -0.6)));
    private static final ResultTable PER_TASK = ResultTable.inferred("p", "P", List.of("task", "rho"),
            List.of(List.of("a", 0.5), List.of("b", 0.6), List.of("c", 0.7)));
    private static final ResultTable CURVE = ResultTable.inferred("c", "C", List.of("epoch", "loss", "acc"),
            List.of(List.of(1, 2.0, 0.1), List.of(2, 1.0, 0.2), List.of(3, 0.5, 0.3)));
    /** Like TaskonomyAgreement's summary: one row of a quantity and its numbers. */
    private static final ResultTable SUMMARY = ResultTable.inferred("s", "S",
            List.of("quantity", "reproduced", "published", "difference"), List.of(List.of("q", 0.9, 0.988, -0.08)));

    @Test
    void shapesThatMakeAChartObvious() {
        assertThat(ChartPlan.defaultFor(SQUARE)).contains(ChartSpec.heatmap("m"));
        assertThat(ChartPlan.defaultFor(GRID)).contains(ChartSpec.heatmap("g"));
        assertThat(ChartPlan.defaultFor(PER_TASK)).contains(ChartSpec.bars("p", "task", "rho"));
        assertThat(ChartPlan.defaultFor(CURVE)).contains(ChartSpec.line("c", "epoch", "loss", "acc"));
    }

    @Test
    void shapesThatDoNot() {
        assertThat(ChartPlan.defaultFor(SUMMARY)).isEmpty();
        assertThat(ChartPlan.defaultFor(ResultTable.inferred("t", "T", List.of("a", "b"), List.of(List.of("x", 1.0),
                List.of("y", 2.0))))).as("two bars are not a chart").isEmpty();
        assertThat(ChartPlan.defaultFor(ResultTable.inferred("t", "T", List.of("method", "affinity", "winrate", "time"),
                List.of(List.of("a", 0.9, 0.8, 84.1), List.of("b", 0.7, 0.7, 3.2e3))))).as("not all in [-1, 1]")
                .isEmpty();
        assertThat(ChartPlan.defaultFor(ResultTable.inferred("t", "T", List.of("x", "y"),
                List.of(List.of(0.5, 1.0), List.of(0.6, 1.0), List.of(0.7, 1.0))))).as("x is not a count")
                .isEmpty();
        assertThat(ChartPlan.defaultFor(ResultTable.inferred("t", "T", List.of("a"), List.of()))).isEqualTo(
                Optional.empty());
    }

    @Test
    void aRequestReplacesTheDefaultOfTheTablesItNamesAndNoChartSilencesOne() {
        ExperimentResult r = new ExperimentResult("e", "r", "s", List.of(SQUARE, GRID, PER_TASK, CURVE, SUMMARY),
                List.of(ChartSpec.bars("m", "source", "a"), ChartSpec.none("c")));
        Report report = new Report("t", List.of(r), List.of(), SyntheticReport.report().provenance());
        assertThat(ChartPlan.of(report)).extracting(ChartPlan.Planned::stem, ChartPlan.Planned::requested)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m-bars", true),
                        org.assertj.core.groups.Tuple.tuple("g-heatmap", false),
                        org.assertj.core.groups.Tuple.tuple("p-bars", false));
    }

    @Test
    void twoChartsOfOneKindOnOneTableGetDistinctFiles() {
        ExperimentResult r = new ExperimentResult("e", "r", "s", List.of(PER_TASK),
                List.of(ChartSpec.bars("p", "task", "rho"), ChartSpec.bars("p", "task", "rho")));
        Report report = new Report("t", List.of(r), List.of(), SyntheticReport.report().provenance());
        assertThat(ChartPlan.of(report)).extracting(ChartPlan.Planned::stem).containsExactly("p-bars", "p-bars-2");
    }

    @Test
    void aWrongRequestFailsWhenTheResultIsBuiltAndNamesWhatIsWrong() {
        assertThatThrownBy(() -> new ExperimentResult("e", "r", "s", List.of(PER_TASK))
                .withCharts(ChartSpec.heatmap("q"))).hasMessage("experiment 'e': heatmap chart names table 'q',"
                        + " which is not among [p]: name a table of the same result");
        assertThatThrownBy(() -> new ExperimentResult("e", "r", "s", List.of(PER_TASK))
                .withCharts(ChartSpec.bars("p", "task", "spearman"))).hasMessageContaining(
                        "bars chart of table 'p' names column 'spearman', which is not among [task, rho]");
        assertThatThrownBy(() -> new ExperimentResult("e", "r", "s", List.of(PER_TASK))
                .withCharts(ChartSpec.line("p", "task", "rho"))).hasMessageContaining(
                        "line chart of table 'p' draws column 'task', which holds text: draw a numeric column");
        ResultTable text = ResultTable.inferred("x", "X", List.of("row", "a", "b"), List.of(List.of("r", 1.0, "t")));
        assertThatThrownBy(() -> new ExperimentResult("e", "r", "s", List.of(text))
                .withCharts(ChartSpec.heatmap("x"))).as("a heatmap's first column is labels, the rest numbers")
                .hasMessageContaining("heatmap chart of table 'x' draws column 'b', which holds text");
        ResultTable negative = ResultTable.inferred("n", "N", List.of("x", "y"), List.of(List.of(-1, 1.0)));
        assertThatThrownBy(() -> new ExperimentResult("e", "r", "s", List.of(negative))
                .withCharts(ChartSpec.line("n", "x", "y").withLogX()))
                .hasMessageContaining("column 'x' holds -1, which a logarithmic axis cannot show");
        assertThatThrownBy(() -> ChartSpec.bars("p", "task")).hasMessageContaining("valueColumns is empty");
    }
}
