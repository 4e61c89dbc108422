package org.dds.reports;

import java.util.Objects;

/**
 * One cell of a {@link ResultTable}, as its column's {@link CellType} allows: a {@link Text} in a TEXT column, an
 * {@link Int} in an INTEGER column, a {@link Real} in a REAL column, or a {@link Missing} note (e.g. "n/a") in a
 * numeric column that has no number in this row. {@link #text} is how the cell reads in the CSV file, in full
 * precision; {@link #toString} is the same.
 */
public sealed interface Cell permits Cell.Text, Cell.Int, Cell.Real, Cell.Missing {
    /** @return the cell as the CSV file writes it: a double by {@link Double#toString}, an integer in decimal */
    String text();

    /** @return whether the cell holds a number (an {@link Int} or a {@link Real}) */
    boolean isNumber();

    /**
     * @return the number the cell holds
     * @throws IllegalStateException if it holds none
     */
    double number();

    /**
     * @param note why there is no number, e.g. "n/a (no images)"
     * @return a cell for a numeric column that has no number in this row
     */
    static Missing missing(String note) {
        return new Missing(note);
    }

    /**
     * A string.
     *
     * @param value the text
     */
    record Text(String value) implements Cell {
        /** Checks the text is given. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }

        @Override
        public boolean isNumber() {
            return false;
        }

        @Override
        public double number() {
            throw new IllegalStateException("cell '" + value + "' holds text, not a number");
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * A whole number.
     *
     * @param value the number
     */
    record Int(long value) implements Cell {
        @Override
        public String text() {
            return Long.toString(value);
        }

        @Override
        public boolean isNumber() {
            return true;
        }

        @Override
        public double number() {
            return value;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * A finite real number.
     *
     * @param value the number
     */
    record Real(double value) implements Cell {
        /** Refuses a NaN or an infinity. */
        public Real {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a real cell must be finite but is " + value);
            }
        }

        @Override
        public String text() {
            return Double.toString(value);
        }

        @Override
        public boolean isNumber() {
            return true;
        }

        @Override
        public double number() {
            return value;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * No number in a numeric column, with the reason shown in its place.
     *
     * @param note what the cell reads, e.g. "n/a" or "not reproduced (published reference row)"
     */
    record Missing(String note) implements Cell {
        /** Checks the note is given. */
        public Missing {
            Objects.requireNonNull(note, "note");
        }

        @Override
        public String text() {
            return note;
        }

        @Override
        public boolean isNumber() {
            return false;
        }

        @Override
        public double number() {
            throw new IllegalStateException("cell '" + note + "' holds no number");
        }

        @Override
        public String toString() {
            return note;
        }
    }
}
