package org.dds.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Resampling, quantiles and permutation p-values on hand-checkable cases. */
class ResamplingTest {

    @Test
    void drawsAreDistinctSortedAndSeeded() {
        int[] a = Resampling.withoutReplacement(100, 20, new SplittableRandom(7));
        int[] b = Resampling.withoutReplacement(100, 20, new SplittableRandom(7));
        assertThat(a).isEqualTo(b).isSorted().doesNotHaveDuplicates().hasSize(20);
        assertThat(Arrays.stream(a).allMatch(i -> i >= 0 && i < 100)).isTrue();
        assertThat(Resampling.withoutReplacement(5, 5, new SplittableRandom(1))).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void quantilesInterpolateLikeNumpy() {
        // numpy.quantile([1, 2, 3, 4], [0.025, 0.5, 0.975]) = [1.075, 2.5, 3.925].
        double[] v = {4, 1, 3, 2};
        assertThat(Resampling.quantile(v, 0.5)).isCloseTo(2.5, within(1e-15));
        assertThat(Resampling.percentileInterval(v, 0.95)).containsExactly(new double[] {1.075, 3.925},
                within(1e-12));
        // Population sd of 1..4: sqrt(1.25).
        assertThat(Resampling.populationSd(v)).isCloseTo(Math.sqrt(1.25), within(1e-15));
        // Identical values have sd exactly 0 (a bootstrap of a constant is not 5.6e-16 in a report).
        assertThat(Resampling.populationSd(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1})).isZero();
    }

    @Test
    void permutationPValue() {
        // A perfect monotone relation of 10 values: only the identity pairing and its reverse reach |rho| = 1,
        // 2 of 10! pairings, so nearly every permutation misses it and p ~ 1/(B + 1).
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] b = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20};
        assertThat(PermutationTest.spearman(a, b, 999, 1)).isCloseTo(0.001, within(0.0011));
        // Unrelated values: p is large; and the same seed gives the same p.
        double[] c = {3, 9, 1, 7, 5, 10, 2, 8, 4, 6};
        double p = PermutationTest.spearman(a, c, 999, 1);
        assertThat(p).isGreaterThan(0.2).isEqualTo(PermutationTest.spearman(a, c, 999, 1));
    }
}
