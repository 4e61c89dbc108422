package org.dds.reports;

import java.util.Objects;

/**
 * A published number beside the value this project computed for it, and optionally the cell of its table that
 * holds the reproduced value (the HTML report then shows the published value and the difference in that cell).
 * Without a cell, the report finds it by value: the one cell of the table that holds exactly {@code reproduced}
 * (see {@link Checks}).
 *
 * @param quantity   what the number is, e.g. "mean Spearman(Taskonomy affinity, winrate)"
 * @param reproduced the value computed here
 * @param published  the value in the paper (or the authors' notebook)
 * @param tolerance  how far apart the two may be and still count as a match, e.g. 0.0005 for a number printed
 *                   with three decimals; not negative
 * @param reference  where the published value is printed, e.g. "paper Table 3"
 * @param row        the row of the cell: the text of its first column, e.g. "Z-score"; null when not given
 * @param column     the column of the cell, e.g. "cosine"; null when not given
 */
public record PublishedValue(String quantity, double reproduced, double published, double tolerance,
        String reference, String row, String column) {

    /** Validates the fields: every number finite, the tolerance not negative. */
    public PublishedValue {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(reference, "reference");
        if (!Double.isFinite(reproduced) || !Double.isFinite(published)) {
            throw new IllegalArgumentException("'" + quantity + "': reproduced " + reproduced + " and published "
                    + published + " must both be finite");
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("'" + quantity + "': tolerance " + tolerance
                    + " must be a finite number >= 0");
        }
        if ((row == null) != (column == null)) {
            throw new IllegalArgumentException("'" + quantity + "': give both the row and the column of its cell,"
                    + " or neither");
        }
    }

    /**
     * A published value whose cell the report finds by value.
     *
     * @param quantity   what the number is
     * @param reproduced the value computed here
     * @param published  the published value
     * @param tolerance  how far apart the two may be and still match
     * @param reference  where the published value is printed
     */
    public PublishedValue(String quantity, double reproduced, double published, double tolerance,
            String reference) {
        this(quantity, reproduced, published, tolerance, reference, null, null);
    }

    /**
     * @param rowLabel   the text in the first column of the cell's row
     * @param columnName the cell's column
     * @return this value, placed in that cell of its table
     */
    public PublishedValue at(String rowLabel, String columnName) {
        return new PublishedValue(quantity, reproduced, published, tolerance, reference,
                Objects.requireNonNull(rowLabel, "rowLabel"), Objects.requireNonNull(columnName, "columnName"));
    }

    /** @return whether the cell is given */
    public boolean placed() {
        return row != null;
    }

    /** @return reproduced - published */
    public double difference() {
        return reproduced - published;
    }

    /** @return whether |reproduced - published| is within the tolerance */
    public boolean matches() {
        return Math.abs(difference()) <= tolerance;
    }
}
