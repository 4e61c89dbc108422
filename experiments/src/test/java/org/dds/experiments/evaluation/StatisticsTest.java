package org.dds.experiments.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.dds.core.stats.SeedMix;
import org.dds.core.DdsInputException;
import org.dds.core.stats.PermutationTest;
import org.junit.jupiter.api.Test;

/** The permutation test of a mean of per-column Spearman correlations, image subsampling and derived seeds. */
class StatisticsTest {

    private static double[][] column(double... v) {
        double[][] m = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            m[i][0] = v[i];
        }
        return m;
    }

    private static double[][] random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            Arrays.setAll(row, j -> r.nextDouble());
        }
        return m;
    }

    @Test
    void oneColumnIsThePermutationTestOfOneSpearman() {
        double[] a = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        double[] b = {2, 7, 1, 8, 2, 8, 1, 8, 2, 8};
        // Same statistic, same shuffles of the same seed: the same hits, so exactly the same p-value.
        assertThat(MeanSpearmanTest.pValue(column(a), column(b), 999, 42))
                .isEqualTo(PermutationTest.spearman(a, b, 999, 42));
    }

    /**
     * Three values: of the 3! = 6 pairings, the identity and the reversal reach |rho| = 1, so the exact two-sided
     * p-value of a perfect correlation is 2/6 (hand count). 30,000 permutations estimate it with a standard error
     * of sqrt(1/3 * 2/3 / 30000) = 0.0027.
     */
    @Test
    void estimatesTheExactPValueOfASmallCase() {
        double p = MeanSpearmanTest.pValue(column(1, 2, 3), column(10, 20, 30), 30_000, 7);
        assertThat(p).isCloseTo(1.0 / 3, within(4 * 0.0027));
    }

    /** 17 x 17 perfect agreement: no shuffle of all 17 columns reaches a mean rho of 1, so p = 1 / (P + 1). */
    @Test
    void perfectAgreementGetsTheSmallestPossiblePValue() {
        double[][] m = random(17, 17, 3);
        assertThat(MeanSpearmanTest.pValue(m, m, 199, 1)).isEqualTo(1.0 / 200);
    }

    @Test
    void unrelatedMatricesAreNotSignificantAndTheSeedFixesTheValue() {
        double[][] truth = random(17, 17, 11);
        double[][] scores = random(17, 17, 12);
        double p = MeanSpearmanTest.pValue(truth, scores, 999, 5);
        assertThat(p).as("independent draws").isGreaterThan(0.05).isLessThanOrEqualTo(1.0);
        assertThat(MeanSpearmanTest.pValue(truth, scores, 999, 5)).isEqualTo(p);
        assertThat(MeanSpearmanTest.pValue(truth, scores, 999, 6)).as("another seed, another estimate")
                .isNotEqualTo(p);
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> MeanSpearmanTest.pValue(column(1, 2, 3), column(1, 2, 3), 0, 1))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("at least 1 permutation");
        assertThatThrownBy(() -> MeanSpearmanTest.pValue(random(3, 2, 1), random(4, 2, 1), 10, 1))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("3 x 2 but the scores are 4 x 2");
    }

    @Test
    void subsamplesAreSortedDistinctIndicesReproduciblyPerSeed() {
        List<int[]> seen = new ArrayList<>();
        ImageSubsampling half = ImageSubsampling.half(51);
        List<Integer> first = half.replicates(20, 99, idx -> {
            seen.add(idx);
            return idx[0];
        });
        assertThat(half.size()).isEqualTo(25);
        assertThat(first).hasSize(20);
        for (int[] idx : seen) {
            assertThat(idx).hasSize(25);
            assertThat(idx).isSorted();
            assertThat(Arrays.stream(idx).distinct().count()).as("no image twice").isEqualTo(25);
            assertThat(Arrays.stream(idx).allMatch(i -> i >= 0 && i < 51)).isTrue();
        }
        assertThat(half.replicates(20, 99, idx -> idx[0])).isEqualTo(first);
        assertThat(half.replicates(20, 100, idx -> Arrays.toString(idx)))
                .isNotEqualTo(half.replicates(20, 99, idx -> Arrays.toString(idx)));
        assertThatThrownBy(() -> half.replicates(1, 99, idx -> 0))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("at least 2 subsamples");
        assertThatThrownBy(() -> new ImageSubsampling(10, 10)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("1 <= m < n");
    }

    /**
     * Replicates 1..5 at level 0.5: numpy's quantiles 0.25 and 0.75 are 2 and 4. With m = 2 of n = 10 the deviations
     * shrink by sqrt(2 / 8) = 1/2 about the estimate 3.5: [3.5 - (4 - 3.5) / 2, 3.5 - (2 - 3.5) / 2] = [3.25, 4.25].
     * At m = n / 2 the factor is 1; a correlation's interval is clipped to [-1, 1].
     */
    @Test
    void subsamplingIntervalByHand() {
        Interval ci = new ImageSubsampling(10, 2).interval(3.5, new double[] {5, 1, 4, 2, 3}, 0.5);
        assertThat(ci.lower()).isCloseTo(3.25, within(1e-15));
        assertThat(ci.upper()).isCloseTo(4.25, within(1e-15));
        assertThat(ImageSubsampling.half(200).scale()).isEqualTo(1.0);
        Interval clipped = ImageSubsampling.half(10).correlationInterval(0.95, new double[] {0.7, 0.8, 0.9}, 0.5);
        // Quantiles 0.75 and 0.85: [0.95 - (0.85 - 0.95), 0.95 - (0.75 - 0.95)] = [1.05, 1.15], clipped to [1, 1].
        assertThat(clipped.lower()).isEqualTo(1.0);
        assertThat(clipped.upper()).isEqualTo(1.0);
    }

    /** numpy.percentile([1..11], [5, 95]) = [1.5, 10.5] (linear interpolation: 10 * 0.05 = 0.5 past the first). */
    @Test
    void percentileIntervalInterpolatesLikeNumpy() {
        double[] v = {11, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1};
        Interval ci = Interval.percentile(v, 0.9);
        assertThat(ci.lower()).isCloseTo(1.5, within(1e-12));
        assertThat(ci.upper()).isCloseTo(10.5, within(1e-12));
        assertThat(ci.level()).isEqualTo(0.9);
        assertThat(ci.contains(10.5)).isTrue();
        assertThat(ci.contains(10.6)).isFalse();
        assertThatThrownBy(() -> new Interval(2, 1, 0.9)).hasMessageContaining("not a finite, ordered pair");
        assertThatThrownBy(() -> new Interval(1, 2, 1.0)).hasMessageContaining("not in (0, 1)");
    }

    @Test
    void derivedSeedsDependOnEveryPartAndItsOrder() {
        long a = SeedMix.derive(1993, "table2", "zscore/cosine", "winrate", 3);
        assertThat(SeedMix.derive(1993, "table2", "zscore/cosine", "winrate", 3)).isEqualTo(a);
        assertThat(SeedMix.derive(1994, "table2", "zscore/cosine", "winrate", 3)).isNotEqualTo(a);
        assertThat(SeedMix.derive(1993, "table2", "zscore/cosine", "winrate", 4)).isNotEqualTo(a);
        assertThat(SeedMix.derive(1993, "table2", "zscore/cosine", "affinity", 3)).isNotEqualTo(a);
        assertThat(SeedMix.derive(1993, "zscore/cosine", "table2", "winrate", 3)).isNotEqualTo(a);
        assertThat(SeedMix.derive(1993)).isNotEqualTo(SeedMix.derive(1993, "x"));
    }
}
