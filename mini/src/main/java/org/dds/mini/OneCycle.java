package org.dds.mini;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * A one-cycle learning-rate schedule (Smith and Topin, "Super-convergence", 2019) over a known number of optimiser
 * steps: a linear warm-up from {@code peak / 10} to {@code peak} over the first {@code warmup} share of the steps,
 * then a cosine decay from {@code peak} to {@code peak / 1000} at the last step.
 *
 * <p>It is written out as one value per step in DL4J's {@link MapSchedule}, so that a network saved with it (the
 * source cache) reads back without a class of ours in its configuration.
 *
 * @param peak   the largest learning rate
 * @param warmup the share of the steps spent warming up, in [0, 1)
 */
public record OneCycle(double peak, double warmup) {
    /** The warm-up share of Mini-Taskonomy's sources. */
    public static final double WARMUP = 0.2;

    /** Validates the values. */
    public OneCycle {
        if (!(peak > 0) || !(warmup >= 0 && warmup < 1)) {
            throw new IllegalArgumentException("one-cycle peak " + peak + " must be positive and warm-up share "
                    + warmup + " in [0, 1)");
        }
    }

    /**
     * @param step  0-based optimiser step
     * @param steps all steps of the run
     * @return the learning rate of that step
     */
    public double valueAt(int step, int steps) {
        int up = (int) Math.round(warmup * steps);
        double start = peak / 10;
        double end = peak / 1000;
        if (step < up) {
            return start + (peak - start) * step / up;
        }
        int down = Math.max(1, steps - 1 - up);
        double t = Math.min(1, (step - up) / (double) down);
        return end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * t));
    }

    /**
     * @param steps all optimiser steps of the run
     * @return the schedule, by iteration
     */
    public ISchedule schedule(int steps) {
        Map<Integer, Double> values = new HashMap<>();
        for (int i = 0; i < steps; i++) {
            values.put(i, valueAt(i, steps));
        }
        return new MapSchedule(ScheduleType.ITERATION, values);
    }
}
