package org.dds.experiments;

import java.util.List;

import org.dds.experiments.layers.Figure4;
import org.dds.experiments.pascal.ImageSet;
import org.dds.experiments.pascal.Table4;
import org.dds.experiments.taskonomy.CentringAblation;
import org.dds.experiments.taskonomy.ImageCount;
import org.dds.experiments.taskonomy.PerTaskCorrelations;
import org.dds.experiments.taskonomy.SpearmanAsG;
import org.dds.experiments.taskonomy.Table2;
import org.dds.experiments.taskonomy.Table3;
import org.dds.experiments.taskonomy.TaskonomyAgreement;

/** The registry of experiments {@code dds reproduce} runs, in report order. */
public final class Experiments {
    private Experiments() {
    }

    /** @return every registered experiment; add a new one with one line here */
    public static List<Experiment> all() {
        return List.of(
                new org.dds.experiments.mini.MiniTaskonomy(),
                new TaskonomyAgreement(),
                new Table2(),
                new Table3(),
                new PerTaskCorrelations(),
                new CentringAblation(),
                new SpearmanAsG(),
                new ImageCount(),
                new Table4(ImageSet.TASKONOMY),
                new Table4(ImageSet.PASCAL),
                new Table4(ImageSet.NYUV2),
                new Figure4(),
                new org.dds.experiments.training.Table5());
    }
}
