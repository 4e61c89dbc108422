package org.dds.experiments;

import java.util.List;

import org.dds.experiments.layers.Figure4;
import org.dds.experiments.pascal.ImageSet;
import org.dds.experiments.pascal.Table4;
import org.dds.experiments.taskonomy.TaskonomyAgreement;

/** The registry of experiments {@code dds reproduce} runs, in report order. */
public final class Experiments {
    private Experiments() {
    }

    /** @return every registered experiment; add a new one with one line here */
    public static List<Experiment> all() {
        return List.of(
                new Table4(ImageSet.TASKONOMY),
                new Table4(ImageSet.PASCAL),
                new Table4(ImageSet.NYUV2),
                new Figure4(),
                new TaskonomyAgreement());
    }
}
