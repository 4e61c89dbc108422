package org.dds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A table knows its column types, and readers get typed values without casting cells. */
class ResultTableTest {
    private static ResultTable ranked() {
        return ResultTable.builder("rank", "Ranked").integer("rank").text("model").real("dds", "p")
                .row(1, "edge3d", 0.91, 0.001)
                .row(2L, "autoencoder", 0.5, Cell.missing("n/a"))
                .build();
    }

    @Test
    void typedReadsNeedNoCasts() {
        ResultTable t = ranked();
        assertThat(t.columns()).extracting(Column::type).containsExactly(CellType.INTEGER, CellType.TEXT,
                CellType.REAL, CellType.REAL);
        assertThat(t.columnNames()).containsExactly("rank", "model", "dds", "p");
        assertThat(t.integer(1, "rank")).isEqualTo(2L);
        assertThat(t.text(0, "model")).isEqualTo("edge3d");
        assertThat(t.real(0, "dds")).isEqualTo(0.91);
        assertThat(t.number(1, "rank")).isEqualTo(2.0);
        assertThat(t.number(0, 2)).isEqualTo(0.91);
        assertThat(t.rowLabel(1)).isEqualTo("2");
        assertThat(t.cell(1, "p").text()).isEqualTo("n/a");
        assertThat(t.isNumeric("dds")).isTrue();
        assertThat(t.isNumeric("p")).as("a missing cell is not a number").isFalse();
        assertThat(t.isNumeric("model")).isFalse();
    }

    @Test
    void aReadOfTheWrongTypeOrOfAMissingNumberSaysWhere() {
        ResultTable t = ranked();
        assertThatThrownBy(() -> t.real(0, "model"))
                .hasMessage("column 'model' of table 'rank' is text, not real");
        assertThatThrownBy(() -> t.text(0, "rank"))
                .hasMessage("column 'rank' of table 'rank' is integer, not text");
        assertThatThrownBy(() -> t.real(1, "p"))
                .hasMessage("table 'rank' row 1 column 'p' has no number: it reads 'n/a'");
        assertThatThrownBy(() -> t.number(0, "model"))
                .hasMessage("column 'model' of table 'rank' holds text, not numbers");
        assertThatThrownBy(() -> t.real(0, "none")).hasMessageContaining("has no column 'none'");
    }

    @Test
    void inferredTypesFollowTheCells() {
        ResultTable t = ResultTable.inferred("t", "T", List.of("a", "b", "c", "d"),
                List.of(List.of("x", 1, 2, "n/a"), List.of("y", 2.5, 3L, 4)));
        assertThat(t.columns()).extracting(Column::type).containsExactly(CellType.TEXT, CellType.REAL,
                CellType.INTEGER, CellType.INTEGER);
        assertThat(t.real(0, "b")).as("an integer in a real column becomes its double").isEqualTo(1.0);
        assertThat(t.cell(0, "d")).isEqualTo(Cell.missing("n/a"));
    }

    @Test
    void columnsAreDeclaredBeforeRows() {
        assertThatThrownBy(() -> ResultTable.builder("t", "T").text("a").row("x").real("b"))
                .hasMessage("table 't': declare every column before the first row");
    }
}
