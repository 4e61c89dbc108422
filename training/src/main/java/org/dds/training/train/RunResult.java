package org.dds.training.train;

import java.util.Objects;

import org.dds.training.task.Task;

/**
 * The final validation metric of one training run: one cell of paper Table 5, and one transfer ground-truth value
 * (source: ImageNet ResNet-50 block {@code block}; target: the dataset's task).
 *
 * @param dataset {@code nyuv2} or {@code pascal}
 * @param task    the task
 * @param block   the branch block, 1..4
 * @param metric  the metric's name ({@link Task#metric()})
 * @param value   its value after the last epoch
 * @param epochs  epochs trained
 * @param weights the initial weights' file name, or "random init"
 */
public record RunResult(String dataset, Task task, int block, String metric, double value, int epochs,
        String weights) {

    /** Validates the fields: a result is never NaN. */
    public RunResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(weights, "weights");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the " + metric + " of " + dataset + "/" + task + "/block " + block
                    + " is " + value + ": results must be finite");
        }
    }

    /** The header of {@code result.csv}. */
    public static final String CSV_HEADER = "dataset,task,block,metric,value,higher_is_better,epochs,weights";

    /** @return the row of {@code result.csv} (full double precision) */
    public String csvRow() {
        return String.join(",", dataset, task.label(), String.valueOf(block), metric, Double.toString(value),
                String.valueOf(task.higherIsBetter()), String.valueOf(epochs), weights.replace(",", "_"));
    }
}
