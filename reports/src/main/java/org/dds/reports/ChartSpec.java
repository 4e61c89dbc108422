package org.dds.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chart an experiment asks for, by the id of the table(s) it draws and the columns it uses. The report renders
 * each one to PNG and SVG and shows it under the table; tables that no chart names get a default chart where
 * their shape makes one obvious (see {@code org.dds.reports.chart.ChartPlan}).
 *
 * <p>Ask with {@code result.withCharts(ChartSpec.heatmap("gt", "dds"), ChartSpec.bars("per-task", "task",
 * "spearman"))}. Every spec is checked against the tables when the {@link ExperimentResult} is built, so a wrong
 * table id or column name fails at once with a message that names it.
 */
public sealed interface ChartSpec permits ChartSpec.Heatmap, ChartSpec.Bars, ChartSpec.Box, ChartSpec.Line,
        ChartSpec.NoChart {

    /** @return the ids of the tables drawn, at least one */
    List<String> tableIds();

    /** @return the chart's title, or "" for the (first) table's title */
    String title();

    /** @return a short lower-case name of the kind of chart, e.g. {@code heatmap}; part of its file name */
    String kind();

    /**
     * Checks the spec against the tables it names.
     *
     * @param tables tables by id
     * @throws IllegalArgumentException naming the table or column that is missing or not numeric
     */
    void check(Map<String, ResultTable> tables);

    /**
     * Matrices as heatmaps, side by side when there are several (like the paper's Fig. 2: ground truth beside the
     * DDS affinity). Each table is a matrix: the first column holds the row labels, every other column is numeric
     * and its name labels the heatmap's column. Each panel has its own colour scale.
     *
     * @param tableIds the matrices, left to right
     * @param title    the chart's title, or "" for the first table's title
     */
    record Heatmap(List<String> tableIds, String title) implements ChartSpec {
        /** Validates and copies the fields. */
        public Heatmap {
            tableIds = nonEmpty(tableIds, "heatmap", "tableIds");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public String kind() {
            return "heatmap";
        }

        @Override
        public void check(Map<String, ResultTable> tables) {
            for (String id : tableIds) {
                ResultTable t = table(tables, id, this);
                if (t.rows().isEmpty() || t.columns().size() < 2) {
                    throw new IllegalArgumentException("heatmap of table '" + id + "': a matrix needs a label column"
                            + " and at least one numeric column and row");
                }
                for (int c = 1; c < t.columns().size(); c++) {
                    numeric(t, t.columns().get(c).name(), this);
                }
            }
        }
    }

    /**
     * Bars, one per row, labelled by a column; several value columns give grouped bars (one colour each). With
     * many or long labels the bars run horizontally. A single series shows its mean as a dashed line.
     *
     * @param tableId      the table
     * @param labelColumn  the column that labels each bar (or group of bars)
     * @param valueColumns the numeric columns drawn, at least one
     * @param title        the chart's title, or "" for the table's title
     */
    record Bars(String tableId, String labelColumn, List<String> valueColumns, String title) implements ChartSpec {
        /** Validates and copies the fields. */
        public Bars {
            Objects.requireNonNull(tableId, "tableId");
            Objects.requireNonNull(labelColumn, "labelColumn");
            valueColumns = nonEmpty(valueColumns, "bars", "valueColumns");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public List<String> tableIds() {
            return List.of(tableId);
        }

        @Override
        public String kind() {
            return "bars";
        }

        @Override
        public void check(Map<String, ResultTable> tables) {
            ResultTable t = table(tables, tableId, this);
            column(t, labelColumn, this);
            valueColumns.forEach(c -> numeric(t, c, this));
        }
    }

    /**
     * Box plots of distributions (e.g. bootstrap draws): median, quartiles, whiskers. Long format: rows
     * are grouped by {@code categoryColumn} (one box per category along the axis) and, if given, by
     * {@code seriesColumn} (one colour per series). Wide format: with {@code categoryColumn} null, each value
     * column is a box of its own.
     *
     * @param tableId        the table
     * @param categoryColumn the column whose values are the boxes along the axis, or null for one box per value
     *                       column
     * @param seriesColumn   the column whose values are the colours, or null for one series
     * @param valueColumns   the numeric columns holding the draws, at least one
     * @param title          the chart's title, or "" for the table's title
     */
    record Box(String tableId, String categoryColumn, String seriesColumn, List<String> valueColumns, String title)
            implements ChartSpec {
        /** Validates and copies the fields. */
        public Box {
            Objects.requireNonNull(tableId, "tableId");
            valueColumns = nonEmpty(valueColumns, "box", "valueColumns");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public List<String> tableIds() {
            return List.of(tableId);
        }

        @Override
        public String kind() {
            return "box";
        }

        @Override
        public void check(Map<String, ResultTable> tables) {
            ResultTable t = table(tables, tableId, this);
            if (categoryColumn != null) {
                column(t, categoryColumn, this);
            }
            if (seriesColumn != null) {
                column(t, seriesColumn, this);
            }
            valueColumns.forEach(c -> numeric(t, c, this));
        }
    }

    /**
     * Curves of numeric columns against a numeric x column (e.g. correlation against the number of images, loss
     * against the epoch). Several y columns give one curve each; a series column splits the rows into one curve
     * per value.
     *
     * @param tableId      the table
     * @param xColumn      the numeric x column
     * @param yColumns     the numeric y columns, at least one
     * @param seriesColumn the column whose values split the rows into curves, or null
     * @param logX         true for a logarithmic x axis (x must then be positive)
     * @param title        the chart's title, or "" for the table's title
     */
    record Line(String tableId, String xColumn, List<String> yColumns, String seriesColumn, boolean logX,
            String title) implements ChartSpec {
        /** Validates and copies the fields. */
        public Line {
            Objects.requireNonNull(tableId, "tableId");
            Objects.requireNonNull(xColumn, "xColumn");
            yColumns = nonEmpty(yColumns, "line", "yColumns");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public List<String> tableIds() {
            return List.of(tableId);
        }

        @Override
        public String kind() {
            return "line";
        }

        @Override
        public void check(Map<String, ResultTable> tables) {
            ResultTable t = table(tables, tableId, this);
            numeric(t, xColumn, this);
            yColumns.forEach(c -> numeric(t, c, this));
            if (seriesColumn != null) {
                column(t, seriesColumn, this);
            }
            if (logX) {
                for (int r = 0; r < t.rowCount(); r++) {
                    if (t.number(r, xColumn) <= 0) {
                        throw new IllegalArgumentException("line chart of table '" + tableId + "': column '"
                                + xColumn + "' holds " + t.cell(r, xColumn) + ", which a logarithmic axis cannot"
                                + " show");
                    }
                }
            }
        }

        /** @return the same curves on a logarithmic x axis */
        public Line withLogX() {
            return new Line(tableId, xColumn, yColumns, seriesColumn, true, title);
        }
    }

    /**
     * No chart for this table, not even a default one.
     *
     * @param tableId the table
     */
    record NoChart(String tableId) implements ChartSpec {
        /** Validates the field. */
        public NoChart {
            Objects.requireNonNull(tableId, "tableId");
        }

        @Override
        public List<String> tableIds() {
            return List.of(tableId);
        }

        @Override
        public String title() {
            return "";
        }

        @Override
        public String kind() {
            return "none";
        }

        @Override
        public void check(Map<String, ResultTable> tables) {
            table(tables, tableId, this);
        }
    }

    /**
     * @param tableIds matrices, drawn side by side left to right
     * @return heatmaps titled by the first table
     */
    static Heatmap heatmap(String... tableIds) {
        return new Heatmap(Arrays.asList(tableIds), "");
    }

    /**
     * @param tableId      the table
     * @param labelColumn  the column that labels the bars
     * @param valueColumns the numeric columns drawn
     * @return bars titled by the table
     */
    static Bars bars(String tableId, String labelColumn, String... valueColumns) {
        return new Bars(tableId, labelColumn, Arrays.asList(valueColumns), "");
    }

    /**
     * @param tableId        the table, one row per draw
     * @param categoryColumn one box per value of this column
     * @param valueColumn    the draws
     * @return box plots titled by the table
     */
    static Box box(String tableId, String categoryColumn, String valueColumn) {
        return new Box(tableId, categoryColumn, null, List.of(valueColumn), "");
    }

    /**
     * @param tableId        the table, one row per draw
     * @param categoryColumn one box per value of this column along the axis
     * @param seriesColumn   one colour per value of this column
     * @param valueColumn    the draws
     * @return box plots titled by the table
     */
    static Box box(String tableId, String categoryColumn, String seriesColumn, String valueColumn) {
        return new Box(tableId, categoryColumn, seriesColumn, List.of(valueColumn), "");
    }

    /**
     * @param tableId  the table
     * @param xColumn  the x column
     * @param yColumns the y columns, one curve each
     * @return curves titled by the table, on a linear x axis
     */
    static Line line(String tableId, String xColumn, String... yColumns) {
        return new Line(tableId, xColumn, Arrays.asList(yColumns), null, false, "");
    }

    /**
     * @param tableId      the table
     * @param xColumn      the x column
     * @param yColumn      the y column
     * @param seriesColumn one curve per value of this column
     * @return curves titled by the table, on a linear x axis
     */
    static Line lineBySeries(String tableId, String xColumn, String yColumn, String seriesColumn) {
        return new Line(tableId, xColumn, List.of(yColumn), seriesColumn, false, "");
    }

    /**
     * @param tableId the table
     * @return no chart for it
     */
    static NoChart none(String tableId) {
        return new NoChart(tableId);
    }

    private static List<String> nonEmpty(List<String> list, String kind, String field) {
        List<String> copy = List.copyOf(new ArrayList<>(Objects.requireNonNull(list, field)));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(kind + " chart: " + field + " is empty; name at least one");
        }
        return copy;
    }

    private static ResultTable table(Map<String, ResultTable> tables, String id, ChartSpec spec) {
        ResultTable t = tables.get(id);
        if (t == null) {
            throw new IllegalArgumentException(spec.kind() + " chart names table '" + id + "', which is not among "
                    + tables.keySet() + ": name a table of the same result");
        }
        return t;
    }

    private static void column(ResultTable t, String column, ChartSpec spec) {
        if (!t.columnNames().contains(column)) {
            throw new IllegalArgumentException(spec.kind() + " chart of table '" + t.id() + "' names column '"
                    + column + "', which is not among " + t.columnNames());
        }
    }

    private static void numeric(ResultTable t, String column, ChartSpec spec) {
        column(t, column, spec);
        if (!t.isNumeric(column)) {
            throw new IllegalArgumentException(spec.kind() + " chart of table '" + t.id() + "' draws column '"
                    + column + "', which holds text: draw a numeric column");
        }
    }
}
