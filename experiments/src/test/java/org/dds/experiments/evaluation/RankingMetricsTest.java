package org.dds.experiments.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dds.core.DdsInputException;
import org.dds.core.stats.WeightedTau;
import org.junit.jupiter.api.Test;

/** The five ranking measures on cases computed by hand (weighted tau itself is checked against scipy in dds-core). */
class RankingMetricsTest {
    private static final double EXACT = 1e-15;

    /**
     * Truth (0.9, 0.5, 0.7, 0.6), scores (0.2, 0.8, 0.1, 0.3): ranks (4, 1, 3, 2) and (2, 4, 1, 3), d = (2, -3, 2, -1),
     * rho = 1 - 6 * 18 / (4 * 15) = -0.8. The method picks source 1 (truth 0.5), the best is 0.9: no hit, regret
     * (0.9 - 0.5) / 0.9 = 4/9.
     */
    @Test
    void aWrongPick() {
        double[] truth = {0.9, 0.5, 0.7, 0.6};
        double[] scores = {0.2, 0.8, 0.1, 0.3};
        RankingMetrics m = RankingMetrics.of(truth, scores);
        assertThat(m.spearman()).isCloseTo(-0.8, within(EXACT));
        assertThat(m.weightedTau()).isEqualTo(WeightedTau.of(truth, scores));
        assertThat(m.top1()).isZero();
        assertThat(m.regret()).hasValueCloseTo(4.0 / 9, within(EXACT));
        assertThat(m.value(RankingMetric.REGRET)).isEqualTo(m.regret());
        assertThat(m.value(RankingMetric.SPEARMAN)).hasValue(m.spearman());
    }

    /**
     * Scores tie for the top between source 0 (truth 3, the best) and source 1 (truth 1): a uniform tie-break hits
     * with probability 1/2 and has expected regret (0 + (3 - 1) / 3) / 2 = 1/3.
     */
    @Test
    void aTieForTheTopCountsAsARandomPick() {
        RankingMetrics m = RankingMetrics.of(new double[] {3, 1, 3, 2}, new double[] {5, 5, 1, 0});
        assertThat(m.top1()).isEqualTo(0.5);
        assertThat(m.regret()).hasValueCloseTo(1.0 / 3, within(EXACT));
    }

    /** Source 2 and source 0 share the best truth 3: picking either is a hit with no regret. */
    @Test
    void tiesInTheGroundTruthShareTheTitle() {
        RankingMetrics m = RankingMetrics.of(new double[] {3, 1, 3}, new double[] {0, 1, 2});
        assertThat(m.top1()).isEqualTo(1.0);
        assertThat(m.regret()).hasValue(0.0);
    }

    /**
     * Best 0: the best pick has regret 0, a worse pick has no relative regret (no scale); a negative best
     * (e.g. R^2) scales by its magnitude: (-0.5 - (-1)) / 0.5 = 1.
     */
    @Test
    void regretWhenTheBestIsZeroOrNegative() {
        assertThat(RankingMetrics.of(new double[] {0, -1, -2}, new double[] {3, 2, 1}).regret()).hasValue(0.0);
        assertThat(RankingMetrics.of(new double[] {0, -1, -2}, new double[] {1, 2, 3}).regret()).isEmpty();
        assertThat(RankingMetrics.of(new double[] {-0.5, -1, -2}, new double[] {1, 3, 2}).regret())
                .hasValueCloseTo(1.0, within(EXACT));
    }

    @Test
    void refusesWhatHasNoRanking() {
        assertThatThrownBy(() -> RankingMetrics.of(new double[] {1, 2, 3}, new double[] {4, 4, 4}))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("constant");
        assertThatThrownBy(() -> RankingMetrics.of(new double[] {1, 2}, new double[] {1, 2}))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> RankingMetrics.of(new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("source 2");
    }
}
