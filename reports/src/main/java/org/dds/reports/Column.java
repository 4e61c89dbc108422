package org.dds.reports;

import java.util.Objects;

/**
 * A column of a {@link ResultTable}: its name (the CSV header) and what its cells hold.
 *
 * @param name the column's name, e.g. {@code dds}
 * @param type what its cells hold
 */
public record Column(String name, CellType type) {
    /** Checks that both fields are given. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + ":" + type.jsonName();
    }
}
