package org.dds.training.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dense prediction tasks of paper Table 5, with their label layout, loss and metric.
 *
 * <ul>
 * <li>{@link #EDGE}: labels [N,1,H,W] in {0, 1} from the Canny detector; loss: class-balanced binary
 * cross-entropy with positive weight 0.95 (Maninis et al., CVPR 2019, "Attentive single-tasking of multiple
 * tasks", their edge loss); metric: mean absolute error of the edge probability.</li>
 * <li>{@link #NORMALS}: labels [N,3,H,W] unit vectors, (0,0,0) where unknown; loss: 1 - cosine between the
 * normalised prediction and the label; metric: mean angular error in degrees.</li>
 * <li>{@link #DEPTH}: labels [N,1,H,W] depth in metres, 0 where unknown; the network predicts log depth; loss: L1
 * on log depth; metric: RMSE of log depth.</li>
 * <li>{@link #SEMANTIC}: labels [N,1,H,W] class indices, 255 = ignore; loss: softmax cross-entropy over the
 * labelled pixels; metric: mean intersection over union over the classes present.</li>
 * </ul>
 */
public enum Task {
    /** Edge detection (Canny labels). */
    EDGE("edge", "mae", false, 1),
    /** Surface normals. */
    NORMALS("normals", "mean_angle_deg", false, 3),
    /** Depth. */
    DEPTH("depth", "log_rmse", false, 1),
    /** Semantic segmentation. */
    SEMANTIC("semantic", "miou", true, 1);

    private final String label;
    private final String metric;
    private final boolean higherIsBetter;
    private final int labelChannels;

    Task(String label, String metric, boolean higherIsBetter, int labelChannels) {
        this.label = label;
        this.metric = metric;
        this.higherIsBetter = higherIsBetter;
        this.labelChannels = labelChannels;
    }

    /** @return the name used on the command line and in result files */
    public String label() {
        return label;
    }

    /** @return the metric's name in result files */
    public String metric() {
        return metric;
    }

    /** @return whether a larger metric is better (only mIoU) */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return channels of the label tensor */
    public int labelChannels() {
        return labelChannels;
    }

    /**
     * @param classes semantic classes (ignored for the other tasks)
     * @return channels of the network output
     */
    public int outputs(int classes) {
        return switch (this) {
            case EDGE, DEPTH -> 1;
            case NORMALS -> 3;
            case SEMANTIC -> classes;
        };
    }

    /**
     * @param name a task name, e.g. {@code normals}
     * @return the task
     * @throws IllegalArgumentException naming the valid names
     */
    public static Task parse(String name) {
        for (Task t : values()) {
            if (t.label.equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "': expected one of "
                + Arrays.stream(values()).map(Task::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
