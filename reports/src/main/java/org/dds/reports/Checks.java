package org.dds.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each published value of a table goes: the cell that holds its reproduced value, so a report can show
 * reproduced, published and difference together. A value placed with {@link PublishedValue#at} goes to its cell.
 * Otherwise it goes to the one numeric cell (outside the label column) that holds exactly its reproduced value;
 * when several do, to the one whose row label and column name both occur in its quantity; when none or still
 * several do, it stays unplaced and is listed beside the table instead.
 */
public final class Checks {
    /**
     * A cell of a table.
     *
     * @param row    row index
     * @param column column index
     */
    public record Position(int row, int column) {
    }

    private final Map<Position, List<PublishedValue>> placed;
    private final List<PublishedValue> unplaced;

    private Checks(Map<Position, List<PublishedValue>> placed, List<PublishedValue> unplaced) {
        this.placed = placed;
        this.unplaced = unplaced;
    }

    /**
     * @param table a table
     * @return where its published values go
     */
    public static Checks of(ResultTable table) {
        Map<Position, List<PublishedValue>> placed = new LinkedHashMap<>();
        List<PublishedValue> unplaced = new ArrayList<>();
        for (PublishedValue p : table.published()) {
            Position cell = p.placed() ? new Position(rowOf(table, p.row()), table.columnIndex(p.column()))
                    : find(table, p);
            if (cell == null) {
                unplaced.add(p);
            } else {
                placed.computeIfAbsent(cell, k -> new ArrayList<>()).add(p);
            }
        }
        return new Checks(placed, unplaced);
    }

    /**
     * @param row    row index
     * @param column column index
     * @return the published values shown in that cell, possibly none
     */
    public List<PublishedValue> at(int row, int column) {
        return placed.getOrDefault(new Position(row, column), List.of());
    }

    /** @return the published values no cell holds, in table order */
    public List<PublishedValue> unplaced() {
        return List.copyOf(unplaced);
    }

    private static int rowOf(ResultTable table, String label) {
        for (int r = 0; r < table.rows().size(); r++) {
            if (table.rowLabel(r).equals(label)) {
                return r;
            }
        }
        throw new IllegalStateException("row '" + label + "' vanished from table '" + table.id() + "'");
    }

    private static Position find(ResultTable table, PublishedValue p) {
        List<Position> exact = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 1; c < table.columns().size(); c++) {
                Cell cell = table.cell(r, c);
                if (cell.isNumber() && Double.compare(cell.number(), p.reproduced()) == 0) {
                    exact.add(new Position(r, c));
                }
            }
        }
        if (exact.size() <= 1) {
            return exact.isEmpty() ? null : exact.get(0);
        }
        String quantity = p.quantity().toLowerCase(Locale.ROOT);
        List<Position> named = exact.stream()
                .filter(c -> quantity.contains(table.rowLabel(c.row()).toLowerCase(Locale.ROOT))
                        && quantity.contains(table.columns().get(c.column()).name().toLowerCase(Locale.ROOT)))
                .toList();
        return named.size() == 1 ? named.get(0) : null;
    }
}
