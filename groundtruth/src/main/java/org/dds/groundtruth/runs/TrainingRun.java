package org.dds.groundtruth.runs;

import java.util.Objects;

import org.dds.core.DdsInputException;
import org.dds.groundtruth.GroundTruthSource;

/**
 * One finished training run as its {@code result.csv} states it: an ImageNet ResNet-50 branched after
 * {@code block}, fine-tuned on a dataset's task, and the validation metric it reached.
 *
 * @param dataset        e.g. {@code pascal} or {@code nyuv2}
 * @param task           e.g. {@code semantic}, {@code depth}
 * @param block          the branch block, at least 1
 * @param metric         the metric's name, e.g. {@code miou}, {@code log_rmse}
 * @param value          the metric after the last epoch, finite
 * @param higherIsBetter whether a larger value is better (mIoU) or worse (errors)
 * @param epochs         epochs trained, at least 1
 * @param weights        the initial weights' file name, or "random init"
 * @param source         the result file it was read from, with its SHA-256
 */
public record TrainingRun(String dataset, String task, int block, String metric, double value,
        boolean higherIsBetter, int epochs, String weights, GroundTruthSource source) {

    /** Validates the fields. */
    public TrainingRun {
        Objects.requireNonNull(source, "source");
        String where = source.location();
        for (String[] f : new String[][] {{"dataset", dataset}, {"task", task}, {"metric", metric},
            {"weights", weights}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new DdsInputException(where + " has an empty " + f[0] + ": every column of a result file of"
                        + " dds train is filled; train the run again");
            }
        }
        if (block < 1) {
            throw new DdsInputException(where + " has block " + block + ": blocks count from 1");
        }
        if (!Double.isFinite(value)) {
            throw new DdsInputException(where + " has " + metric + " " + value + " for " + dataset + "/" + task
                    + " block " + block + ": a result must be finite; train the run again");
        }
        if (epochs < 1) {
            throw new DdsInputException(where + " has " + epochs + " epochs: a finished run has at least 1");
        }
    }

    /**
     * @return the value oriented so that higher is better: the value itself where higher is better (mIoU), its
     *         negation for errors (mean absolute error, mean angle, RMSE of log depth)
     */
    public double score() {
        return higherIsBetter ? value : -value;
    }

    /** @return "dataset/task", the target this run measures transfer to */
    public String target() {
        return dataset + "/" + task;
    }
}
