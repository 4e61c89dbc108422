package org.dds.reports;

import java.util.Locale;

/**
 * What a column of a {@link ResultTable} holds: text, integers or finite real numbers. A numeric column may also
 * hold {@link Cell.Missing} cells, a note such as "n/a" where the table has no number.
 */
public enum CellType {
    /** Strings, e.g. a model or method name. */
    TEXT,
    /** Whole numbers (a {@code long}), e.g. a count or a rank. */
    INTEGER,
    /** Finite doubles, e.g. a correlation; a NaN or an infinity is refused. */
    REAL;

    /** @return whether the column holds numbers (INTEGER or REAL) */
    public boolean numeric() {
        return this != TEXT;
    }

    /** @return the name in {@code results.json}: "text", "integer" or "real" */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a name as {@link #jsonName} writes it
     * @return the type
     * @throws IllegalArgumentException if it names none
     */
    public static CellType fromJsonName(String name) {
        for (CellType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown cell type '" + name + "': expected text, integer or real");
    }

    /**
     * @param cell a cell
     * @return whether a column of this type may hold it
     */
    public boolean accepts(Cell cell) {
        return switch (this) {
            case TEXT -> cell instanceof Cell.Text;
            case INTEGER -> cell instanceof Cell.Int || cell instanceof Cell.Missing;
            case REAL -> cell instanceof Cell.Real || cell instanceof Cell.Missing;
        };
    }
}
