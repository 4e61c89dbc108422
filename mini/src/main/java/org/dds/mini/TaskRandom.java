package org.dds.mini;

import java.util.SplittableRandom;

import org.dds.core.stats.SeedMix;

/**
 * The random stream of one image in one task: a {@link SplittableRandom} seeded by a hash of (seed, task name,
 * image index), so an image gets the same corruption whichever subset, order or thread requests it. Normal
 * deviates come from Marsaglia's polar method with {@link StrictMath#log}, so the noise is bit-for-bit the same on
 * every JVM.
 */
public final class TaskRandom {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    /**
     * @param seed  the run's seed
     * @param task  the task (its {@link MiniTask#cliName()} enters the hash, so reordering the enum changes nothing)
     * @param index the image's index in the data set
     */
    public TaskRandom(long seed, MiniTask task, int index) {
        // SplitMix64's finaliser (SeedMix) of seed + golden-ratio multiples of the task's hash, then of the index.
        long h = SeedMix.mix64(seed + SeedMix.GOLDEN * task.cliName().hashCode());
        random = new SplittableRandom(SeedMix.mix(h, index));
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
