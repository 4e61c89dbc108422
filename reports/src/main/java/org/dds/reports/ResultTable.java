package org.dds.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One table of results, as it goes into {@code <id>.csv} and a section of {@code report.md}: a title, typed
 * columns and rows of {@link Cell}s, plus the published numbers it can be checked against (possibly none). Each
 * column declares its {@link CellType}; every cell is checked against it here, and a NaN or an infinity is refused
 * so that it never reaches a report. Readers get typed values without casts: {@link #text}, {@link #integer},
 * {@link #real}, {@link #number}.
 *
 * <p>Build one with {@link #builder}:
 * <pre>{@code
 * ResultTable t = ResultTable.builder("rank", "Sources ranked by DDS")
 *         .integer("rank").text("model").real("dds")
 *         .row(1, "edge3d", 0.91)
 *         .build();
 * double dds = t.real(0, "dds");
 * }</pre>
 *
 * @param id        file stem of the CSV, e.g. {@code taskonomy-agreement}: letters, digits, '-', '_', '.'
 * @param title     the table's heading in the Markdown report
 * @param columns   the columns, at least one
 * @param rows      rows of cells, each as long as {@code columns}, each cell of its column's type
 * @param published published values with what this table reproduced for them; empty when there are none. A
 *                  value placed in a cell ({@link PublishedValue#at}) must name a row label of the first column
 *                  that occurs once, a column, and a numeric cell that holds exactly its reproduced value
 */
public record ResultTable(String id, String title, List<Column> columns, List<List<Cell>> rows,
        List<PublishedValue> published) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Validates and copies the fields. */
    public ResultTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        checkId(id);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + id + "' has no columns");
        }
        List<List<Cell>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = List.copyOf(rows.get(r));
            checkLength(id, r, row.size(), columns.size());
            for (int c = 0; c < row.size(); c++) {
                Column column = columns.get(c);
                if (!column.type().accepts(row.get(c))) {
                    throw new IllegalArgumentException("table '" + id + "' row " + r + " column '" + column.name()
                            + "' holds " + describe(row.get(c)) + ", but the column is " + column.type().jsonName()
                            + expected(column.type()));
                }
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
     * @param id    file stem of the CSV
     * @param title heading
     * @return a builder: declare the columns, add the rows, then {@link Builder#build}
     */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /**
     * A table whose column types are inferred from its cells, for results written before columns were typed
     * (version 1 of {@code results.json}) and for quick tables in tests; an experiment declares its columns with
     * {@link #builder} instead. A column with a {@link Double} is REAL (an integer there becomes its double), one
     * whose numbers are all {@link Integer}s or {@link Long}s is INTEGER, one without numbers is TEXT; a
     * {@link String} in a numeric column becomes a {@link Cell.Missing} note.
     *
     * @param id        file stem of the CSV
     * @param title     heading
     * @param columns   column names
     * @param rows      rows of String, Integer, Long or finite Double values
     * @param published published values
     * @return the table
     * @throws IllegalArgumentException if a cell is of another kind, not finite, or a row has the wrong length
     */
    public static ResultTable inferred(String id, String title, List<String> columns, List<? extends List<?>> rows,
            List<PublishedValue> published) {
        Builder b = builder(id, title);
        for (int c = 0; c < columns.size(); c++) {
            CellType type = CellType.TEXT;
            for (List<?> row : rows) {
                Object cell = c < row.size() ? row.get(c) : null;
                if (cell instanceof Double) {
                    type = CellType.REAL;
                    break;
                }
                if (cell instanceof Integer || cell instanceof Long) {
                    type = CellType.INTEGER;
                }
            }
            b.column(columns.get(c), type);
        }
        for (List<?> row : rows) {
            List<Object> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                CellType type = c < b.columns.size() ? b.columns.get(c).type() : CellType.TEXT;
                if (type.numeric() && cell instanceof String s) {
                    cells.add(Cell.missing(s));
                } else if (type == CellType.REAL && cell instanceof Integer i) {
                    cells.add(i.doubleValue());
                } else if (type == CellType.REAL && cell instanceof Long l) {
                    cells.add(l.doubleValue());
                } else {
                    cells.add(cell);
                }
            }
            b.row(cells);
        }
        return b.published(published).build();
    }

    /**
     * {@link #inferred(String, String, List, List, List)} without published values.
     *
     * @param id      file stem of the CSV
     * @param title   heading
     * @param columns column names
     * @param rows    rows of String, Integer, Long or finite Double values
     * @return the table
     */
    public static ResultTable inferred(String id, String title, List<String> columns, List<? extends List<?>> rows) {
        return inferred(id, title, columns, rows, List.of());
    }

    /** @return the column names, in order (the CSV header) */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** @return the number of rows */
    public int rowCount() {
        return rows.size();
    }

    /**
     * @param column a column name
     * @return the column
     * @throws IllegalArgumentException if there is no such column
     */
    public Column column(String column) {
        return columns.get(columnIndex(column));
    }

    /**
     * @param column a column name
     * @return its index
     * @throws IllegalArgumentException if there is no such column
     */
    public int columnIndex(String column) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table '" + id + "' has no column '" + column + "': it has "
                + columnNames());
    }

    /**
     * @param column a column name
     * @return whether the column is numeric and every cell of it holds a number, none {@link Cell.Missing} (true
     *         for a numeric column of a table without rows)
     * @throws IllegalArgumentException if there is no such column
     */
    public boolean isNumeric(String column) {
        int c = columnIndex(column);
        return columns.get(c).type().numeric() && rows.stream().allMatch(r -> r.get(c).isNumber());
    }

    /**
     * @param row    a row index
     * @param column a column index
     * @return the cell
     */
    public Cell cell(int row, int column) {
        return rows.get(row).get(column);
    }

    /**
     * @param row    a row index
     * @param column a column name
     * @return the cell
     * @throws IllegalArgumentException if there is no such column
     */
    public Cell cell(int row, String column) {
        return cell(row, columnIndex(column));
    }

    /**
     * @param row    a row index
     * @param column the name of a TEXT column
     * @return the text of the cell
     * @throws IllegalArgumentException if there is no such column or it is not TEXT
     */
    public String text(int row, String column) {
        int c = typed(column, CellType.TEXT);
        return cell(row, c).text();
    }

    /**
     * @param row    a row index
     * @param column the name of an INTEGER column
     * @return the integer in the cell
     * @throws IllegalArgumentException if there is no such column, it is not INTEGER, or the cell is missing
     */
    public long integer(int row, String column) {
        int c = typed(column, CellType.INTEGER);
        if (cell(row, c) instanceof Cell.Int i) {
            return i.value();
        }
        throw missing(row, c);
    }

    /**
     * @param row    a row index
     * @param column the name of a REAL column
     * @return the number in the cell
     * @throws IllegalArgumentException if there is no such column, it is not REAL, or the cell is missing
     */
    public double real(int row, String column) {
        return present(row, typed(column, CellType.REAL));
    }

    /**
     * @param row    a row index
     * @param column the name of an INTEGER or REAL column
     * @return the number in the cell, as a double
     * @throws IllegalArgumentException if there is no such column, it holds text, or the cell is missing
     */
    public double number(int row, String column) {
        return number(row, columnIndex(column));
    }

    /**
     * @param row    a row index
     * @param column the index of an INTEGER or REAL column
     * @return the number in the cell, as a double
     * @throws IllegalArgumentException if the column holds text or the cell is missing
     */
    public double number(int row, int column) {
        Column col = columns.get(column);
        if (!col.type().numeric()) {
            throw new IllegalArgumentException("column '" + col.name() + "' of table '" + id + "' holds text, not"
                    + " numbers");
        }
        return present(row, column);
    }

    /**
     * @param row a row index
     * @return the text of its first cell, which labels the row
     */
    public String rowLabel(int row) {
        return cell(row, 0).text();
    }

    private int typed(String column, CellType type) {
        int c = columnIndex(column);
        CellType actual = columns.get(c).type();
        if (actual != type) {
            throw new IllegalArgumentException("column '" + column + "' of table '" + id + "' is "
                    + actual.jsonName() + ", not " + type.jsonName());
        }
        return c;
    }

    private double present(int row, int column) {
        Cell cell = cell(row, column);
        if (!cell.isNumber()) {
            throw missing(row, column);
        }
        return cell.number();
    }

    private IllegalArgumentException missing(int row, int column) {
        return new IllegalArgumentException("table '" + id + "' row " + row + " column '"
                + columns.get(column).name() + "' has no number: it reads '" + cell(row, column).text() + "'");
    }

    private static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("table id '" + id + "' must be a file stem: letters, digits, '-', '_',"
                    + " '.'");
        }
    }

    private static void checkLength(String id, int row, int cells, int columns) {
        if (cells != columns) {
            throw new IllegalArgumentException("row " + row + " of table '" + id + "' has " + cells
                    + " cells for " + columns + " columns");
        }
    }

    private static String expected(CellType type) {
        return switch (type) {
            case TEXT -> ": give a String";
            case INTEGER -> ": give an Integer or a Long (or Cell.missing(note))";
            case REAL -> ": give a finite Double (or Cell.missing(note))";
        };
    }

    private static String describe(Object cell) {
        if (cell == null) {
            return "null";
        }
        String kind = cell instanceof Cell ? cell.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                : cell.getClass().getSimpleName();
        return "a " + kind + " (" + cell + ")";
    }

    private static void checkPlacement(String id, List<Column> columns, List<List<Cell>> rows, PublishedValue p) {
        int c = -1;
        for (int k = 0; k < columns.size() && c < 0; k++) {
            if (columns.get(k).name().equals(p.column())) {
                c = k;
            }
        }
        if (c < 0) {
            throw new IllegalArgumentException("published value '" + p.quantity() + "' is placed in column '"
                    + p.column() + "', which table '" + id + "' does not have: it has "
                    + columns.stream().map(Column::name).toList());
        }
        int found = -1;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).get(0).text().equals(p.row())) {
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
        Cell cell = rows.get(found).get(c);
        if (!cell.isNumber() || Double.compare(cell.number(), p.reproduced()) != 0) {
            throw new IllegalArgumentException("published value '" + p.quantity() + "' says it reproduced "
                    + p.reproduced() + " but its cell (" + p.row() + ", " + p.column() + ") of table '" + id
                    + "' holds " + cell + ": place it in the cell that holds the reproduced value");
        }
    }

    @Override
    public String toString() {
        return "ResultTable(" + id + ", " + rows.size() + " rows x " + columns.size() + " columns)";
    }

    /**
     * Builds a {@link ResultTable}: declare the columns in order ({@link #text}, {@link #integer}, {@link #real}),
     * then add rows of plain values, each checked against its column's type as it is added: a {@link String} for
     * TEXT, an {@link Integer} or a {@link Long} for INTEGER, a finite {@link Double} for REAL, and in a numeric
     * column {@link Cell#missing} where there is no number. A {@link Cell} of the column's type is taken as it is.
     */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();
        private final List<PublishedValue> published = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = Objects.requireNonNull(id, "id");
            this.title = Objects.requireNonNull(title, "title");
            checkId(id);
        }

        /**
         * @param name a column name
         * @param type what its cells hold
         * @return this builder
         * @throws IllegalStateException if rows were added already
         */
        public Builder column(String name, CellType type) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("table '" + id + "': declare every column before the first row");
            }
            columns.add(new Column(name, type));
            return this;
        }

        /**
         * @param names names of TEXT columns
         * @return this builder
         */
        public Builder text(String... names) {
            return columns(Arrays.asList(names), CellType.TEXT);
        }

        /**
         * @param names names of INTEGER columns
         * @return this builder
         */
        public Builder integer(String... names) {
            return columns(Arrays.asList(names), CellType.INTEGER);
        }

        /**
         * @param names names of REAL columns
         * @return this builder
         */
        public Builder real(String... names) {
            return columns(Arrays.asList(names), CellType.REAL);
        }

        /**
         * @param names column names
         * @param type  what their cells hold
         * @return this builder
         */
        public Builder columns(List<String> names, CellType type) {
            names.forEach(n -> column(n, type));
            return this;
        }

        /**
         * @param cells the row's values, one per column, in column order
         * @return this builder
         * @throws IllegalArgumentException if a value does not fit its column (named with the table and row)
         */
        public Builder row(Object... cells) {
            return row(Arrays.asList(cells));
        }

        /**
         * @param cells the row's values, one per column, in column order
         * @return this builder
         * @throws IllegalArgumentException if a value does not fit its column (named with the table and row)
         */
        public Builder row(List<?> cells) {
            int r = rows.size();
            checkLength(id, r, cells.size(), columns.size());
            List<Cell> row = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                row.add(cell(r, columns.get(c), cells.get(c)));
            }
            rows.add(row);
            return this;
        }

        /**
         * @param values published values to check the table against
         * @return this builder
         */
        public Builder published(List<PublishedValue> values) {
            published.addAll(values);
            return this;
        }

        /**
         * @param value a published value to check the table against
         * @return this builder
         */
        public Builder published(PublishedValue value) {
            published.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return the number of rows added so far */
        public int rowCount() {
            return rows.size();
        }

        /**
         * @return the table
         * @throws IllegalArgumentException if the record refuses it (no columns, a misplaced published value)
         */
        public ResultTable build() {
            return new ResultTable(id, title, columns, rows, published);
        }

        private Cell cell(int row, Column column, Object value) {
            if (value instanceof Cell cell) {
                if (column.type().accepts(cell)) {
                    return cell;
                }
            } else if (column.type() == CellType.TEXT && value instanceof String s) {
                return new Cell.Text(s);
            } else if (column.type() == CellType.INTEGER && value instanceof Integer i) {
                return new Cell.Int(i);
            } else if (column.type() == CellType.INTEGER && value instanceof Long l) {
                return new Cell.Int(l);
            } else if (column.type() == CellType.REAL && value instanceof Double d) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("table '" + id + "' row " + row + " column '"
                            + column.name() + "' is " + d + ": results must be finite");
                }
                return new Cell.Real(d);
            }
            throw new IllegalArgumentException("table '" + id + "' row " + row + " column '" + column.name()
                    + "' holds " + describe(value) + ", but the column is " + column.type().jsonName()
                    + expected(column.type()));
        }
    }
}
