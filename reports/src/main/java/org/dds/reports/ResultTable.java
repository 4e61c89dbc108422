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
 * @param published published values with what this table reproduced for them; empty when there are none
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
