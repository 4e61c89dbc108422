package org.dds.training.task;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean intersection over union: a confusion matrix over the labelled pixels (label 255 is ignored) of the whole
 * validation set; IoU_c = TP / (TP + FP + FN) for every class c present (in the labels or the predictions), and
 * the mean over those classes. The prediction is the arg-max over channels.
 */
public final class MeanIou implements Metric {
    private final int classes;
    private final long[][] confusion;

    /** @param classes number of classes */
    public MeanIou(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes " + classes + " must be positive");
        }
        this.classes = classes;
        this.confusion = new long[classes][classes];
    }

    @Override
    public void add(INDArray prediction, INDArray labels) {
        int[] predicted = prediction.argMax(1).castTo(DataType.INT32).dup('c').data().asInt();
        int[] truth = labels.castTo(DataType.INT32).dup('c').data().asInt();
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            if (t == TaskLoss.IGNORE) {
                continue;
            }
            if (t < 0 || t >= classes) {
                throw new IllegalArgumentException("label " + t + " is outside 0.." + (classes - 1)
                        + " and is not the ignore label " + TaskLoss.IGNORE);
            }
            confusion[t][predicted[i]]++;
        }
    }

    @Override
    public double value() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            long tp = confusion[c][c];
            long fn = 0;
            long fp = 0;
            for (int k = 0; k < classes; k++) {
                if (k != c) {
                    fn += confusion[c][k];
                    fp += confusion[k][c];
                }
            }
            long union = tp + fp + fn;
            if (union > 0) {
                sum += (double) tp / union;
                present++;
            }
        }
        if (present == 0) {
            throw new IllegalStateException("no labelled pixel was evaluated: every label is " + TaskLoss.IGNORE);
        }
        return sum / present;
    }
}
