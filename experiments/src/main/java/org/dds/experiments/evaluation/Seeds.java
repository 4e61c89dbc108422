package org.dds.experiments.evaluation;

import java.util.SplittableRandom;

/**
 * One seed per statistic, derived from the run's seed and the statistic's name (e.g. {@code "table2", "zscore",
 * "cosine", "winrate", 3}), so that each p-value and each bootstrap has its own stream whatever else is computed
 * before it. The parts are mixed through {@link SplittableRandom}; {@link String#hashCode()} is fixed by the Java
 * specification, so the same names give the same seeds on every JVM.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param seed  the run's seed
     * @param parts what the seed is for, in order (strings, numbers, enum constants)
     * @return the derived seed
     */
    public static long derive(long seed, Object... parts) {
        long s = new SplittableRandom(seed).nextLong();
        for (Object part : parts) {
            long h = part instanceof Number n ? n.longValue() : String.valueOf(part).hashCode();
            s = new SplittableRandom(s ^ h).nextLong();
        }
        return s;
    }
}
