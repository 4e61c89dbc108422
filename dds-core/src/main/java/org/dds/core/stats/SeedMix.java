package org.dds.core.stats;

/**
 * SplitMix64's finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 * Stafford's variant 13): a bijection of 64-bit values that spreads one changed input bit over all output bits.
 * It turns (seed, epoch, image index, ...) into independent-looking seeds for {@link java.util.SplittableRandom}.
 * It is the function {@code SplittableRandom} itself applies: {@code mix64(seed + GOLDEN)} equals
 * {@code new SplittableRandom(seed).nextLong()}.
 */
public final class SeedMix {
    /** The golden-ratio increment 2^64 / phi, odd (SplittableRandom's default gamma). */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long MIX1 = 0xBF58476D1CE4E5B9L;
    private static final long MIX2 = 0x94D049BB133111EBL;

    private SeedMix() {
    }

    /**
     * @param z any value
     * @return its SplitMix64 finalisation
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    /**
     * @param a a seed
     * @param b what the derived seed is for (an epoch, an index)
     * @return {@code mix64(a + GOLDEN * (b + 1))}: a seed for (a, b), different for every b
     */
    public static long mix(long a, long b) {
        return mix64(a + GOLDEN * (b + 1));
    }

    /**
     * A seed for one named use of a run's seed, so that every statistic has its own stream whatever else ran:
     * {@code s = mix64(seed + GOLDEN)}, then for each part {@code s = mix64((s ^ h) + GOLDEN)}, where {@code h} is a
     * number's value or the {@code hashCode} of a string (or of an enum constant's name). Each step is what
     * {@code new SplittableRandom(x).nextLong()} returns for {@code x}.
     *
     * @param seed  the run's seed
     * @param parts what the seed is for, in order (strings, numbers, enum constants)
     * @return the derived seed
     */
    public static long derive(long seed, Object... parts) {
        long s = mix64(seed + GOLDEN);
        for (Object part : parts) {
            long h = part instanceof Number n ? n.longValue() : String.valueOf(part).hashCode();
            s = mix64((s ^ h) + GOLDEN);
        }
        return s;
    }
}
