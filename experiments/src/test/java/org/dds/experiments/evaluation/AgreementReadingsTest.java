package org.dds.experiments.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;

/** The eight readings of the agreement protocol on a 4 x 4 case computed by hand. */
class AgreementReadingsTest {
    private static final double EXACT = 1e-15;

    /**
     * Column j of a is (1, 2, 3, 4) for every j; the columns of b are (1, 2, 4, 3), (1, 2, 3, 4), (4, 3, 2, 1),
     * (1, 2, 3, 10). Per target, with the diagonal: Spearman 0.8 (d = (0, 0, -1, 1), 1 - 6*2/60), 1, -1, 1;
     * Pearson 0.8, 1, -1, 14 / sqrt(5 * 50) = 2.8 / sqrt(10) (deviations (-1.5, -.5, .5, 1.5) and (-3, -2, -1, 6)).
     * Without the diagonal (entry j of column j dropped): column 0 becomes (2, 3, 4) vs (2, 4, 3), rho = r = 0.5
     * (1 - 6*2/24); columns 1 and 3 become identical (1), column 2 reversed (-1); Spearman and Pearson agree.
     * Means and medians (of 4 values: the mean of the middle two) follow.
     */
    @Test
    void eightReadingsByHand() {
        double[][] a = new double[4][4];
        double[][] b = new double[4][4];
        double[][] bColumns = {{1, 2, 4, 3}, {1, 2, 3, 4}, {4, 3, 2, 1}, {1, 2, 3, 10}};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i][j] = i + 1;
                b[i][j] = bColumns[j][i];
            }
        }
        double r3 = 2.8 / Math.sqrt(10);
        List<AgreementReadings.Reading> r = AgreementReadings.all(a, b);
        assertThat(r).extracting(AgreementReadings.Reading::label).containsExactly(
                "mean over targets, with the diagonal, Spearman", "mean over targets, with the diagonal, Pearson",
                "mean over targets, without the diagonal, Spearman", "mean over targets, without the diagonal, Pearson",
                "median over targets, with the diagonal, Spearman", "median over targets, with the diagonal, Pearson",
                "median over targets, without the diagonal, Spearman",
                "median over targets, without the diagonal, Pearson");
        double[] expected = {(0.8 + 1 - 1 + 1) / 4, (0.8 + 1 - 1 + r3) / 4, 0.375, 0.375, (0.8 + 1) / 2,
            (0.8 + r3) / 2, 0.75, 0.75};
        for (int k = 0; k < expected.length; k++) {
            assertThat(r.get(k).value()).as(r.get(k).label()).isCloseTo(expected[k], within(EXACT));
        }
        assertThat(r.get(0).isProtocol()).isTrue();
        assertThat(r.stream().filter(AgreementReadings.Reading::isProtocol)).hasSize(1);
        assertThat(r.get(1).perTask()[3]).isCloseTo(r3, within(EXACT));
    }

    @Test
    void refusesMatricesThatDoNotFit() {
        assertThatThrownBy(() -> AgreementReadings.all(new double[3][3], new double[3][3]))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("at least 4");
        assertThatThrownBy(() -> AgreementReadings.all(new double[4][4], new double[4][3]))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("4 x 4");
    }
}
