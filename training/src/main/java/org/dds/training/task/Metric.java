package org.dds.training.task;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A validation metric accumulated over batches: {@link #add} each batch's prediction (the loss layer's activations,
 * NCHW) with its labels, then {@link #value}. One instance per evaluation.
 */
public interface Metric {

    /**
     * @param prediction the network's prediction for a batch: edge probability, unit normals, log depth or class
     *                   scores, [N,C,H,W]
     * @param labels     the labels in the layout of {@link Task}, [N,c,H,W]
     */
    void add(INDArray prediction, INDArray labels);

    /**
     * @return the metric over everything added
     * @throws IllegalStateException if nothing valid was added (a metric is never NaN)
     */
    double value();

    /**
     * @param task    the task
     * @param classes semantic classes (ignored for the other tasks)
     * @return a fresh accumulator of the task's metric
     */
    static Metric of(Task task, int classes) {
        return switch (task) {
            case EDGE -> new PixelMetrics.EdgeMae();
            case NORMALS -> new PixelMetrics.MeanAngle();
            case DEPTH -> new PixelMetrics.LogRmse();
            case SEMANTIC -> new MeanIou(classes);
        };
    }
}
