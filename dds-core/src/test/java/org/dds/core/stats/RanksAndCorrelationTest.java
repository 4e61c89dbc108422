package org.dds.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Ranks and correlations on hand-computed cases. */
class RanksAndCorrelationTest {

    @Test
    void averageRanksForTies() {
        // scipy.stats.rankdata([3, 1, 4, 1, 5]) = [3, 1.5, 4, 1.5, 5].
        assertThat(Ranks.average(new double[] {3, 1, 4, 1, 5})).containsExactly(3, 1.5, 4, 1.5, 5);
        // Three zeros tie for ranks 1..3 -> 2 (like the winrate matrix's tied zeros).
        assertThat(Ranks.average(new double[] {0, 0.5, 0, 0})).containsExactly(2, 4, 2, 2);
    }

    @Test
    void computedTiesWithinAFewUlps() {
        double a = 0.1 + 0.2;           // 0.30000000000000004
        assertThat(Ranks.averageComputed(new double[] {a, 0.3, 1})).containsExactly(1.5, 1.5, 3);
        assertThat(Ranks.average(new double[] {a, 0.3, 1})).containsExactly(2, 1, 3);
    }

    @Test
    void spearmanByHand() {
        // Ranks of a: 1 2 3 4; of b: 1 3 2 4. d = (0, -1, 1, 0), rho = 1 - 6*2/(4*15) = 0.8.
        assertThat(Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 30, 20, 40}))
                .isCloseTo(0.8, within(1e-15));
        assertThat(Correlation.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void columnwiseSpearman() {
        double[][] truth = {{1, 0}, {2, 1}, {3, 2}};
        double[][] dds = {{0.1, 0.9}, {0.2, 0.5}, {0.3, 0.1}};
        assertThat(Correlation.columnwiseSpearman(truth, dds)).containsExactly(new double[] {1.0, -1.0},
                within(1e-15));
    }
}
