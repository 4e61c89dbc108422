package org.dds.experiments.layers;

import java.util.List;
import java.util.Objects;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.DdsConfig;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.LayerSelection;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;

/**
 * Layer selection for one target task (Dwivedi et al., ECCV 2020, section 5.2): the blocks of one encoder ranked by
 * DDS between each block's features and the target task's features on the same images, most similar first, as
 * {@code dds layers} prints it (table {@code layers}: rank, block, dds).
 *
 * @param blocks the blocks, on the chosen images
 * @param target the target task's features, on the same images
 * @param config the DDS to rank by
 */
public record LayerRanking(FeatureSet blocks, FeatureMatrix target, DdsConfig config) implements Experiment {

    /** Validates the fields. */
    public LayerRanking {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "layers";
    }

    @Override
    public String paperReference() {
        return "paper section 5.2: the block to branch from for " + target.name();
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of();
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        ResultTable.Builder rows = ResultTable.builder("layers", "Blocks ranked by DDS with " + target.name())
                .integer("rank").text("block").real("dds");
        for (LayerSelection.Ranked r : LayerSelection.rank(blocks, target, config)) {
            rows.row(r.rank(), r.block(), r.dds());
        }
        ResultTable table = rows.build();
        return new ExperimentResult(name(), paperReference(), "The blocks of " + blocks.names() + " ranked by DDS ("
                + config + ") with " + target.name() + ", most similar first.", List.of(table));
    }
}
