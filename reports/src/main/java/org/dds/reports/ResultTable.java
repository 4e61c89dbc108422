package org.dds.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One table of results, as it goes into {@code <id>.csv} and a section of {@code report.md}: a title, column
 * names and rows of cells, plus the published numbers it can be checked against (possibly none). Cells are
 * {@link String}s, integers ({@link Integer}, {@link Long}) or finite {@link Double}s; a NaN or an infinity is
 * refused here so that it never reaches a report.
 *
 * @param id        file stem of the CSV, e.g. {@code taskonomy-agreement}: letters, digits, '-', '_', '.'
 * @param title     the table's heading in the Markdown report
 * @param columns   column names, at least one
 * @param rows      rows of cells, each as long as {@code columns}
 * @param published published values with what this table reproduced for them; empty when there are none. A
 *                  value placed in a cell ({@link PublishedValue#at}) must name a row label of the first column
 *                  that occurs once, a column, and a numeric cell that holds exactly its reproduced value
 */
public record ResultTable(String id, String title, List<String> columns, List<List<Object>> rows,
        List<PublishedValue> published) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Validates and copies the fields. */
    public ResultTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("table id '" + id + "' must be a file stem: letters, digits, '-', '_',"
                    + " '.'");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + id + "' has no columns");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = List.copyOf(rows.get(r));
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " of table '" + id + "' has " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                checkCell(id, r, columns.get(c), row.get(c));
            }
            copy.add(row);
        }
        rows = List.copyOf(copy);
        published = List.copyOf(published);
        for (PublishedValue p : published) {
            if (p.placed()) {
                checkPlacement(id, columns, rows, p);
            }
        }
    }

    /**
     * A table without published values.
     *
     * @param id      file stem of the CSV
     * @param title   heading
     * @param columns column names
     * @param rows    rows of cells
     * @return the table
     */
    public static ResultTable of(String id, String title, List<String> columns, List<List<Object>> rows) {
        return new ResultTable(id, title, columns, rows, List.of());
    }

    /**
     * @param column a column name
     * @return whether every cell of the column is a number (true for a table without rows)
     * @throws IllegalArgumentException if there is no such column
     */
    public boolean isNumeric(String column) {
        int c = columnIndex(column);
        return rows.stream().allMatch(r -> r.get(c) instanceof Number);
    }

    /**
     * @param column a column name
     * @return its index
     * @throws IllegalArgumentException if there is no such column
     */
    public int columnIndex(String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("table '" + id + "' has no column '" + column + "': it has "
                    + columns);
        }
        return c;
    }

    /**
     * @param row a row index
     * @return the text of its first cell, which labels the row
     */
    public String rowLabel(int row) {
        return rows.get(row).get(0).toString();
    }

    private static void checkPlacement(String id, List<String> columns, List<List<Object>> rows, PublishedValue p) {
        int c = columns.indexOf(p.column());
        if (c < 0) {
            throw new IllegalArgumentException("published value '" + p.quantity() + "' is placed in column '"
                    + p.column() + "', which table '" + id + "' does not have: it has " + columns);
        }
        int found = -1;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).get(0).toString().equals(p.row())) {
                if (found >= 0) {
                    throw new IllegalArgumentException("published value '" + p.quantity() + "' is placed in row '"
                            + p.row() + "', which labels more than one row of table '" + id + "'");
                }
                found = r;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("published value '" + p.quantity() + "' is placed in row '" + p.row()
                    + "', which is not in the first column of table '" + id + "'");
        }
        Object cell = rows.get(found).get(c);
        if (!(cell instanceof Number n) || Double.compare(n.doubleValue(), p.reproduced()) != 0) {
            throw new IllegalArgumentException("published value '" + p.quantity() + "' says it reproduced "
                    + p.reproduced() + " but its cell (" + p.row() + ", " + p.column() + ") of table '" + id
                    + "' holds " + cell + ": place it in the cell that holds the reproduced value");
        }
    }

    private static void checkCell(String id, int row, String column, Object cell) {
        if (cell instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("table '" + id + "' row " + row + " column '" + column
                        + "' is " + d + ": results must be finite");
            }
        } else if (!(cell instanceof String || cell instanceof Integer || cell instanceof Long)) {
            throw new IllegalArgumentException("table '" + id + "' row " + row + " column '" + column + "' holds a "
                    + (cell == null ? "null" : cell.getClass().getSimpleName())
                    + ": cells are strings, integers or doubles");
        }
    }

    @Override
    public String toString() {
        return "ResultTable(" + id + ", " + rows.size() + " rows x " + columns.size() + " columns)";
    }
}
