package org.dds.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link SeedMix} is SplitMix64's finaliser: the function {@link SplittableRandom} applies to its state. */
class SeedMixTest {
    @Test
    void mix64IsWhatSplittableRandomReturnsFirst() {
        SplittableRandom seeds = new SplittableRandom(11);
        for (int trial = 0; trial < 1000; trial++) {
            long seed = trial < 3 ? trial - 1 : seeds.nextLong();
            assertThat(SeedMix.mix64(seed + SeedMix.GOLDEN)).as("seed %d", seed)
                    .isEqualTo(new SplittableRandom(seed).nextLong());
        }
    }

    @Test
    void mixSpreadsTheSecondArgument() {
        // SplitMix64's published first output for state 0 (Vigna's splitmix64.c): 0xE220A8397B1DCDAF.
        assertThat(SeedMix.mix(0, 0)).as("mix64(GOLDEN)").isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(SeedMix.mix(5, 1)).as("mix(a, b) = mix64(a + GOLDEN (b + 1))")
                .isEqualTo(SeedMix.mix64(5 + 2 * SeedMix.GOLDEN));
        assertThat(SeedMix.mix(5, 1)).as("b changes the seed").isNotEqualTo(SeedMix.mix(5, 2));
    }

    /**
     * derive gives the seeds the experiments derived before it moved here, where each step was
     * {@code new SplittableRandom(x).nextLong()}: the reproduced p-values and intervals depend on it.
     */
    @Test
    void deriveIsTheSplittableRandomChainTheExperimentsUsed() {
        Object[][] cases = {{}, {"table2"}, {"table2", "zscore/cosine", "winrate", 3}, {"mini", 7L, "boot"}};
        for (long seed : new long[] {0, 1993, -5, Long.MAX_VALUE}) {
            for (Object[] parts : cases) {
                long s = new java.util.SplittableRandom(seed).nextLong();
                for (Object part : parts) {
                    long h = part instanceof Number n ? n.longValue() : String.valueOf(part).hashCode();
                    s = new java.util.SplittableRandom(s ^ h).nextLong();
                }
                assertThat(SeedMix.derive(seed, parts)).as("seed %d, parts %s", seed, java.util.Arrays.toString(parts))
                        .isEqualTo(s);
            }
        }
    }
}
