package org.dds.groundtruth.taskonomy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.dds.core.DdsInputException;

/**
 * Feature models matched with their Taskonomy ground-truth tasks, as made by {@link TaskonomyTasks#align}:
 * element k of each list (and of {@code keptIndices}) describes the same model.
 *
 * @param featureModels    the kept feature-model names, in the input order
 * @param groundTruthTasks their ground-truth task names, aligned with {@code featureModels}
 * @param keptIndices      their positions in the input list, increasing
 * @param dropped          the input models without ground truth, in the input order
 */
public record TaskAlignment(List<String> featureModels, List<String> groundTruthTasks, int[] keptIndices,
        List<String> dropped) {

    /** Validates and copies the fields. */
    public TaskAlignment {
        featureModels = List.copyOf(featureModels);
        groundTruthTasks = List.copyOf(groundTruthTasks);
        dropped = List.copyOf(dropped);
        keptIndices = keptIndices.clone();
        if (featureModels.size() != groundTruthTasks.size() || featureModels.size() != keptIndices.length) {
            throw new DdsInputException("alignment lists differ in length: " + featureModels.size()
                    + " feature models, " + groundTruthTasks.size() + " ground-truth tasks, " + keptIndices.length
                    + " indices");
        }
    }

    /** @return a copy of the kept models' positions in the input list */
    @Override
    public int[] keptIndices() {
        return keptIndices.clone();
    }

    /** @return the number of kept models */
    public int size() {
        return featureModels.size();
    }

    /** @return whether every one of the 17 ground-truth tasks has a feature model */
    public boolean coversAllTasks() {
        return groundTruthTasks.containsAll(TaskonomyTasks.GROUND_TRUTH_TASKS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskAlignment a && featureModels.equals(a.featureModels)
                && groundTruthTasks.equals(a.groundTruthTasks) && Arrays.equals(keptIndices, a.keptIndices)
                && dropped.equals(a.dropped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureModels, groundTruthTasks, Arrays.hashCode(keptIndices), dropped);
    }

    @Override
    public String toString() {
        return "TaskAlignment(kept=" + featureModels + " -> " + groundTruthTasks + ", indices="
                + Arrays.toString(keptIndices) + ", dropped=" + dropped + ")";
    }
}
