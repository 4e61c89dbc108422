package org.dds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which cell shows which published value. */
class ChecksTest {
    private static final List<String> COLUMNS = List.of("norm", "cosine", "laplacian");
    private static final List<List<Object>> ROWS = List.of(
            List.of("znorm", 0.864, 0.860), List.of("layer_norm", 0.823, 0.823));

    private static PublishedValue value(String quantity, double reproduced) {
        return new PublishedValue(quantity, reproduced, 0.86, 0.0005, "paper Table 2");
    }

    @Test
    void aValueGoesToTheOneCellThatHoldsItsReproducedValue() {
        ResultTable t = ResultTable.inferred("t", "T", COLUMNS, ROWS, List.of(value("q", 0.860)));
        Checks c = Checks.of(t);
        assertThat(c.at(0, 2)).extracting(PublishedValue::quantity).containsExactly("q");
        assertThat(c.at(0, 1)).isEmpty();
        assertThat(c.unplaced()).isEmpty();
    }

    @Test
    void equalCellsAreTellApartByTheQuantityOrLeftUnplaced() {
        ResultTable t = ResultTable.inferred("t", "T", COLUMNS, ROWS, List.of(
                value("layer_norm, f = laplacian", 0.823), value("mean of layer_norm", 0.823)));
        Checks c = Checks.of(t);
        assertThat(c.at(1, 2)).extracting(PublishedValue::quantity).containsExactly("layer_norm, f = laplacian");
        assertThat(c.at(1, 1)).isEmpty();
        assertThat(c.unplaced()).extracting(PublishedValue::quantity).containsExactly("mean of layer_norm");
    }

    @Test
    void aValueNoCellHoldsStaysUnplacedAndAPlacedOneGoesWhereItSays() {
        ResultTable t = ResultTable.inferred("t", "T", COLUMNS, ROWS, List.of(value("mean", 0.5),
                value("q", 0.823).at("layer_norm", "cosine")));
        Checks c = Checks.of(t);
        assertThat(c.unplaced()).extracting(PublishedValue::quantity).containsExactly("mean");
        assertThat(c.at(1, 1)).extracting(PublishedValue::quantity).containsExactly("q");
        assertThat(c.at(1, 2)).isEmpty();
    }

    @Test
    void aPlacementThatDoesNotFitTheTableIsRefused() {
        assertThatThrownBy(() -> ResultTable.inferred("t", "T", COLUMNS, ROWS, List.of(value("q", 0.9).at("znorm",
                "cosine")))).hasMessage("published value 'q' says it reproduced 0.9 but its cell (znorm, cosine) of"
                        + " table 't' holds 0.864: place it in the cell that holds the reproduced value");
        assertThatThrownBy(() -> ResultTable.inferred("t", "T", COLUMNS, ROWS, List.of(value("q", 0.9).at("none",
                "cosine")))).hasMessageContaining("row 'none', which is not in the first column of table 't'");
        assertThatThrownBy(() -> ResultTable.inferred("t", "T", COLUMNS, ROWS, List.of(value("q", 0.9).at("znorm",
                "rbf")))).hasMessageContaining("column 'rbf', which table 't' does not have");
        assertThatThrownBy(() -> new PublishedValue("q", 1, 1, 0, "r", "row", null))
                .hasMessageContaining("give both the row and the column");
    }

    @Test
    void verdictsSummariseAgreement() {
        PublishedValue ok = value("a", 0.8602);
        PublishedValue off = value("b", 0.87);
        assertThat(Verdict.of(List.of(ok))).isEqualTo(Verdict.REPRODUCED);
        assertThat(Verdict.of(List.of(ok, off))).isEqualTo(Verdict.PARTLY);
        assertThat(Verdict.of(List.of(off))).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(Verdict.of(List.of())).isEqualTo(Verdict.NOTHING_TO_CHECK);
    }

    @Test
    void differencesAreShownToTheScaleOfTheTolerance() {
        // Tolerance 0.0005: the interval is 0.001 wide, so 4 decimals; 0.02 -> 0.04 wide, 3 decimals.
        assertThat(Format.difference(0.004, 0.0005)).isEqualTo("+0.0040");
        assertThat(Format.difference(-0.0685659421963418, 0.0005)).isEqualTo("-0.0686");
        assertThat(Format.difference(-0.00004, 0.0005)).isEqualTo("0.0000");
        assertThat(Format.difference(0.0062, 0.02)).isEqualTo("+0.006");
        assertThat(Format.difference(0.0123, 0)).isEqualTo("+0.0123");
        assertThat(Format.compact(0.86213)).isEqualTo("0.862");
    }
}
