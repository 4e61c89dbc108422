package org.dds.mini;

import java.util.SplittableRandom;

/**
 * The random stream of one image in one task: a {@link SplittableRandom} seeded by a hash of (seed, task name,
 * image index), so an image gets the same corruption whichever subset, order or thread requests it. Normal
 * deviates come from Marsaglia's polar method with {@link StrictMath#log}, so the noise is bit-for-bit the same on
 * every JVM.
 */
public final class TaskRandom {
    // Odd 64-bit constants: the golden-ratio increment and the two multipliers of the SplitMix64 finaliser
    // (Steele, Lea, Flood 2014), which spreads one changed input bit over all output bits.
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long MIX1 = 0xBF58476D1CE4E5B9L;
    private static final long MIX2 = 0x94D049BB133111EBL;

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    /**
     * @param seed  the run's seed
     * @param task  the task (its {@link MiniTask#cliName()} enters the hash, so reordering the enum changes nothing)
     * @param index the image's index in the data set
     */
    public TaskRandom(long seed, MiniTask task, int index) {
        long h = mix(seed + GOLDEN * task.cliName().hashCode());
        random = new SplittableRandom(mix(h + GOLDEN * (index + 1L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    /**
     * @param bound exclusive upper bound, positive
     * @return a uniform integer in [0, bound)
     */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** @return a standard normal deviate */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        // (u, v) uniform in the unit disc: u * m and v * m are two independent standard normals.
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
