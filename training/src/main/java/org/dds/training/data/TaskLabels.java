package org.dds.training.data;

import org.dds.core.DdsInputException;
import org.dds.training.task.CannyEdges;
import org.dds.training.task.Task;

/** The label tensor of a task for one (augmented) sample, channels first, in the layout {@link Task} describes. */
public final class TaskLabels {
    private TaskLabels() {
    }

    /**
     * @param task    the task
     * @param s       the sample
     * @param dataset what it came from, for the error message
     * @return labels, {@code task.labelChannels()} x H x W
     * @throws DdsInputException if the dataset has no annotation for the task
     */
    public static float[] of(Task task, Sample s, String dataset) {
        return switch (task) {
            case EDGE -> CannyEdges.labels(s.rgb(), s.height(), s.width());
            case NORMALS -> require(s.normals(), task, dataset);
            case DEPTH -> require(s.depth(), task, dataset);
            case SEMANTIC -> {
                int[] sem = s.semantic();
                if (sem == null) {
                    throw missing(task, dataset);
                }
                float[] out = new float[sem.length];
                for (int i = 0; i < sem.length; i++) {
                    out[i] = sem[i];
                }
                yield out;
            }
        };
    }

    private static float[] require(float[] a, Task task, String dataset) {
        if (a == null) {
            throw missing(task, dataset);
        }
        return a;
    }

    private static DdsInputException missing(Task task, String dataset) {
        return new DdsInputException(dataset + " has no " + task + " annotations: choose a task it has (NYUv2: edge,"
                + " depth, semantic; Pascal: edge, semantic, and normals where the normals PNGs are present)");
    }
}
