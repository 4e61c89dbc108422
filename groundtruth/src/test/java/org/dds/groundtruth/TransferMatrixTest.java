package org.dds.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;

class TransferMatrixTest {
    /** Hand-made 3 x 3 example: value = 10 * source + target, so every cell says where it belongs. */
    private static final double[][] VALUES = {{0, 1, 2}, {10, 11, 12}, {20, 21, 22}};
    private static final GroundTruthSource SOURCE = new GroundTruthSource("test", "memory",
            Sha256.of("x".getBytes(StandardCharsets.US_ASCII)));

    private static TransferMatrix abc() {
        return new TransferMatrix(List.of("a", "b", "c"), VALUES, SOURCE);
    }

    @Test
    void rowIsSourceColumnIsTarget() {
        TransferMatrix m = abc();
        assertThat(m.value("b", "c")).as("source b (1), target c (2): 10*1+2").isEqualTo(12.0);
        assertThat(m.value(2, 0)).as("source c (2), target a (0): 10*2+0").isEqualTo(20.0);
        assertThat(m.column(1)).as("how well a, b, c transfer to b").containsExactly(1, 11, 21);
    }

    @Test
    void copiesArraysInAndOut() {
        double[][] in = {{1, 2}, {3, 4}};
        TransferMatrix m = new TransferMatrix(List.of("x", "y"), in, SOURCE);
        in[0][0] = 99;
        m.values()[0][1] = 99;
        assertThat(m.values()).as("neither the caller's array nor the returned copy reaches the record")
                .isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(m).isEqualTo(new TransferMatrix(List.of("x", "y"), new double[][] {{1, 2}, {3, 4}}, SOURCE));
    }

    @Test
    void selectReordersRowsAndColumnsTogether() {
        TransferMatrix m = abc().select(List.of("c", "a"));
        assertThat(m.tasks()).containsExactly("c", "a");
        assertThat(m.values()).as("rows and columns c, a of the 10*source+target example")
                .isDeepEqualTo(new double[][] {{22, 20}, {2, 0}});
        assertThat(m.source()).isEqualTo(SOURCE);
    }

    @Test
    void refusesNonSquareNonFiniteAndRepeatedTasks() {
        assertThatThrownBy(() -> new TransferMatrix(List.of("a", "b"), new double[][] {{1, 2}}, SOURCE))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("1 rows for 2 tasks");
        assertThatThrownBy(() -> new TransferMatrix(List.of("a", "b"), new double[][] {{1, 2}, {3}}, SOURCE))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("row 'b'");
        assertThatThrownBy(() -> new TransferMatrix(List.of("a", "b"),
                new double[][] {{1, Double.NaN}, {3, 4}}, SOURCE))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("NaN for source 'a' and target 'b'").hasMessageContaining("memory");
        assertThatThrownBy(() -> new TransferMatrix(List.of("a", "a"), new double[][] {{1, 2}, {3, 4}}, SOURCE))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> abc().value("z", "a"))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("unknown task 'z'")
                .hasMessageContaining("a, b, c");
    }

    @Test
    void sourceValidatesItsHash() {
        assertThat(Sha256.of(new byte[0])).as("SHA-256 of the empty input (FIPS 180-2 example)")
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThatThrownBy(() -> new GroundTruthSource("d", "f", "ABC"))
                .hasMessageContaining("not 64 lower-case hex digits");
    }
}
