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
 * @param size    the images' size
 * @param count   number of samples
 * @param inputs  {@code count * size.pixels()} values, sample after sample, each a row-major one-channel image in
 *                [0, 1]
 * @param targets {@code count * task.outputs(size)} values, sample after sample; one-hot for classification tasks
 * @param classes the class of each sample for classification tasks, {@code null} for regression tasks
 */
public record TaskSamples(MiniTask task, ImageSize size, int count, float[] inputs, float[] targets, int[] classes) {

    /** Validates that the lengths fit {@code count} and the task, and that classes exist exactly for classification. */
    public TaskSamples {
        if (task == null) {
            throw new DdsInputException("task samples without a task: pass one of the MiniTask constants");
        }
        if (size == null) {
            throw new DdsInputException("samples of task '" + task.cliName() + "' without an image size: pass the"
                    + " image set's size");
        }
        if (count < 0) {
            throw new DdsInputException("samples of task '" + task.cliName() + "' have a negative count " + count
                    + ": pass the number of images");
        }
        int k = task.outputs(size);
        check(task, "inputs", inputs, (long) count * size.pixels(), size.pixels());
        check(task, "targets", targets, (long) count * k, k);
        if (task.kind() == MiniTask.Kind.CLASSIFICATION) {
            if (classes == null || classes.length != count) {
                throw new DdsInputException("samples of classification task '" + task.cliName() + "' have "
                        + (classes == null ? "no classes" : classes.length + " classes") + " for " + count
                        + " samples: pass one class per sample");
            }
            for (int i = 0; i < count; i++) {
                if (classes[i] < 0 || classes[i] >= k) {
                    throw new DdsInputException("class " + classes[i] + " of sample " + i + " of task '"
                            + task.cliName() + "' is outside 0.." + (k - 1) + ": pass class indices");
                }
            }
        } else if (classes != null) {
            throw new DdsInputException("samples of regression task '" + task.cliName() + "' have classes: pass "
                    + "null for a regression task");
        }
    }

    private static void check(MiniTask task, String what, float[] values, long expected, int perSample) {
        if (values == null || values.length != expected) {
            throw new DdsInputException("samples of task '" + task.cliName() + "' have "
                    + (values == null ? "no " + what : values.length + " " + what) + " where " + expected
                    + " are needed: pass count * " + perSample
                    + " values");
        }
    }

    /** @return values per target: classes, or regression outputs ({@code task().outputs(size())}) */
    public int outputs() {
        return task.outputs(size);
    }

    /**
     * @param k sample
     * @return a copy of its {@code size().pixels()} input values
     */
    public float[] input(int k) {
        Objects.checkIndex(k, count);
        int pixels = size.pixels();
        return Arrays.copyOfRange(inputs, k * pixels, (k + 1) * pixels);
    }

    /**
     * @param k sample
     * @return a copy of its {@link #outputs()} target values
     */
    public float[] target(int k) {
        Objects.checkIndex(k, count);
        int m = outputs();
        return Arrays.copyOfRange(targets, k * m, (k + 1) * m);
    }

    @Override
    public String toString() {
        return "TaskSamples(task=" + task.cliName() + ", size=" + size + ", count=" + count + ")";
    }
}
