package org.dds.mini;

import java.util.Arrays;
import java.util.Objects;

import org.dds.core.DdsInputException;

/**
 * The inputs and targets of one {@link MiniTask} for a list of images, as {@link MiniTask#samples} makes them.
 *
 * <p>The arrays are neither copied in nor out: for 10,000 images {@code inputs} alone holds 31 MB, and a training
 * loop reads them per batch. Treat them as read-only; {@link #input(int)} and {@link #target(int)} return copies of
 * one sample.
 *
 * @param task    the task
 * @param count   number of samples
 * @param inputs  {@code count * 784} values, sample after sample, each a row-major 28 x 28 one-channel image in
 *                [0, 1]
 * @param targets {@code count * task.outputs()} values, sample after sample; one-hot for classification tasks
 * @param classes the class of each sample for classification tasks, {@code null} for regression tasks
 */
public record TaskSamples(MiniTask task, int count, float[] inputs, float[] targets, int[] classes) {

    /** Validates that the lengths fit {@code count} and the task, and that classes exist exactly for classification. */
    public TaskSamples {
        if (task == null) {
            throw new DdsInputException("task samples without a task: pass one of the MiniTask constants");
        }
        if (count < 0) {
            throw new DdsInputException("samples of task '" + task.cliName() + "' have a negative count " + count
                    + ": pass the number of images");
        }
        check(task, "inputs", inputs, (long) count * MiniTask.PIXELS);
        check(task, "targets", targets, (long) count * task.outputs());
        if (task.kind() == MiniTask.Kind.CLASSIFICATION) {
            if (classes == null || classes.length != count) {
                throw new DdsInputException("samples of classification task '" + task.cliName() + "' have "
                        + (classes == null ? "no classes" : classes.length + " classes") + " for " + count
                        + " samples: pass one class per sample");
            }
            for (int k = 0; k < count; k++) {
                if (classes[k] < 0 || classes[k] >= task.outputs()) {
                    throw new DdsInputException("class " + classes[k] + " of sample " + k + " of task '"
                            + task.cliName() + "' is outside 0.." + (task.outputs() - 1) + ": pass class indices");
                }
            }
        } else if (classes != null) {
            throw new DdsInputException("samples of regression task '" + task.cliName() + "' have classes: pass "
                    + "null for a regression task");
        }
    }

    private static void check(MiniTask task, String what, float[] values, long expected) {
        if (values == null || values.length != expected) {
            throw new DdsInputException("samples of task '" + task.cliName() + "' have "
                    + (values == null ? "no " + what : values.length + " " + what) + " where " + expected
                    + " are needed: pass count * " + ("inputs".equals(what) ? MiniTask.PIXELS : task.outputs())
                    + " values");
        }
    }

    /**
     * @param k sample
     * @return a copy of its 784 input values
     */
    public float[] input(int k) {
        Objects.checkIndex(k, count);
        return Arrays.copyOfRange(inputs, k * MiniTask.PIXELS, (k + 1) * MiniTask.PIXELS);
    }

    /**
     * @param k sample
     * @return a copy of its {@code task().outputs()} target values
     */
    public float[] target(int k) {
        Objects.checkIndex(k, count);
        int m = task.outputs();
        return Arrays.copyOfRange(targets, k * m, (k + 1) * m);
    }

    @Override
    public String toString() {
        return "TaskSamples(task=" + task.cliName() + ", count=" + count + ")";
    }
}
