package org.dds.reports.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dds.reports.Cell;
import org.dds.reports.CellType;
import org.dds.reports.ChartSpec;
import org.dds.reports.ExperimentResult;
import org.dds.reports.Report;
import org.dds.reports.ResultTable;

/**
 * Which charts a report draws and what their files are called. An experiment's requested charts come first, in
 * its order; then every table that no chart names gets the default its shape suggests:
 * <ul>
 * <li>a square matrix (first column of labels equal to the other columns' names, numbers elsewhere) -> heatmap;
 * <li>a grid of correlations (a label column, at least 2 rows and 3 numeric columns, every value a double in
 * [-1, 1]) -> heatmap, like the paper's Table 2;
 * <li>a label column and one numeric column, 3 to 60 rows -> bars;
 * <li>an integer first column and numeric columns, at least 3 rows -> one curve per numeric column;
 * <li>anything else -> no chart.
 * </ul>
 */
public final class ChartPlan {
    private static final int MIN_SERIES_ROWS = 3;
    private static final int MIN_GRID_COLUMNS = 3;
    /** More bars than this make a wall, not a chart; such a table gets none by default. */
    private static final int MAX_DEFAULT_BARS = 60;

    /**
     * One chart to draw.
     *
     * @param stem       file stem of its PNG and SVG, unique in the report, e.g. {@code table2-heatmap}
     * @param spec       what to draw
     * @param experiment the experiment it belongs to
     * @param afterTable the id of the table it is shown after (the last one it draws)
     * @param requested  true if the experiment asked for it, false for a default
     */
    public record Planned(String stem, ChartSpec spec, String experiment, String afterTable, boolean requested) {
        /** Validates the fields. */
        public Planned {
            Objects.requireNonNull(stem, "stem");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(afterTable, "afterTable");
        }
    }

    private ChartPlan() {
    }

    /**
     * @param report a run's results
     * @return the charts to draw, in report order, with unique file stems
     */
    public static List<Planned> of(Report report) {
        List<Planned> plan = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (ExperimentResult r : report.results()) {
            Set<String> named = new HashSet<>();
            List<ChartSpec> specs = new ArrayList<>();
            List<Boolean> requested = new ArrayList<>();
            for (ChartSpec c : r.charts()) {
                named.addAll(c.tableIds());
                if (!(c instanceof ChartSpec.NoChart)) {
                    specs.add(c);
                    requested.add(true);
                }
            }
            for (ResultTable t : r.tables()) {
                if (!named.contains(t.id())) {
                    defaultFor(t).ifPresent(c -> {
                        specs.add(c);
                        requested.add(false);
                    });
                }
            }
            for (int k = 0; k < specs.size(); k++) {
                ChartSpec c = specs.get(k);
                String base = c.tableIds().get(0) + "-" + c.kind();
                int n = used.merge(base, 1, Integer::sum);
                plan.add(new Planned(n == 1 ? base : base + "-" + n, c, r.name(), lastTable(r, c), requested.get(k)));
            }
        }
        return plan;
    }

    /**
     * @param plan a plan
     * @return its charts grouped by the table they are shown after
     */
    public static Map<String, List<Planned>> byTable(List<Planned> plan) {
        Map<String, List<Planned>> out = new LinkedHashMap<>();
        for (Planned p : plan) {
            out.computeIfAbsent(p.afterTable(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /**
     * @param table a table that no chart names
     * @return the chart its shape suggests, if any (see the class comment)
     */
    public static Optional<ChartSpec> defaultFor(ResultTable table) {
        List<String> columns = table.columnNames();
        int rows = table.rows().size();
        if (rows == 0 || columns.size() < 2) {
            return Optional.empty();
        }
        boolean labelled = !table.isNumeric(columns.get(0));
        boolean restNumeric = columns.subList(1, columns.size()).stream().allMatch(table::isNumeric);
        if (labelled && restNumeric) {
            if (isSquareMatrix(table) || isCorrelationGrid(table)) {
                return Optional.of(ChartSpec.heatmap(table.id()));
            }
            if (columns.size() == 2 && rows >= MIN_SERIES_ROWS && rows <= MAX_DEFAULT_BARS) {
                return Optional.of(ChartSpec.bars(table.id(), columns.get(0), columns.get(1)));
            }
        }
        if (!labelled && restNumeric && rows >= MIN_SERIES_ROWS && integral(table, 0)) {
            return Optional.of(new ChartSpec.Line(table.id(), columns.get(0), columns.subList(1, columns.size()),
                    null, false, ""));
        }
        return Optional.empty();
    }

    private static boolean isSquareMatrix(ResultTable t) {
        if (t.rows().size() != t.columns().size() - 1 || t.rows().size() < 2) {
            return false;
        }
        for (int r = 0; r < t.rows().size(); r++) {
            if (!t.rowLabel(r).equals(t.columns().get(r + 1).name())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCorrelationGrid(ResultTable t) {
        if (t.rows().size() < 2 || t.columns().size() - 1 < MIN_GRID_COLUMNS) {
            return false;
        }
        for (int c = 1; c < t.columns().size(); c++) {
            if (t.columns().get(c).type() != CellType.REAL) {
                return false;
            }
            for (int r = 0; r < t.rowCount(); r++) {
                Cell cell = t.cell(r, c);
                if (!cell.isNumber() || cell.number() < -1 || cell.number() > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean integral(ResultTable t, int column) {
        return t.columns().get(column).type() == CellType.INTEGER
                && t.rows().stream().allMatch(r -> r.get(column).isNumber());
    }

    private static String lastTable(ExperimentResult r, ChartSpec c) {
        String last = c.tableIds().get(0);
        for (ResultTable t : r.tables()) {
            if (c.tableIds().contains(t.id())) {
                last = t.id();
            }
        }
        return last;
    }
}
