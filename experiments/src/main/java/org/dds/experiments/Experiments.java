package org.dds.experiments;

import java.util.List;

import org.dds.experiments.taskonomy.TaskonomyAgreement;

/** The registry of experiments {@code dds reproduce} runs, in report order. */
public final class Experiments {
    private Experiments() {
    }

    /** @return every registered experiment; add a new one with one line here */
    public static List<Experiment> all() {
        return List.of(
                new TaskonomyAgreement(),
                new org.dds.experiments.training.Table5());
    }
}
