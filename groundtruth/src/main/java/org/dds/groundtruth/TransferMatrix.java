package org.dds.groundtruth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.dds.core.DdsInputException;

/**
 * A transfer ground-truth matrix over T tasks: {@code value(i, j)} says how well source task i transfers to
 * target task j (row = source, column = target), e.g. the Taskonomy affinity or winrate (Zamir et al., CVPR
 * 2018) that DDS rankings are compared with (Dwivedi et al., ECCV 2020, section 4). Immutable: the values are
 * copied in and out, and are all finite.
 *
 * @param tasks  the T task names, distinct, in row (and column) order
 * @param values the T x T values, {@code values[i][j]} for source i and target j
 * @param source where the values were read from
 */
public record TransferMatrix(List<String> tasks, double[][] values, GroundTruthSource source) {

    /** Validates and copies the fields. */
    public TransferMatrix {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(source, "source");
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new DdsInputException("transfer matrix from " + source.location() + " has no tasks");
        }
        Set<String> seen = new HashSet<>();
        for (String t : tasks) {
            if (!seen.add(t)) {
                throw new DdsInputException("task '" + t + "' appears twice in the transfer matrix from "
                        + source.location() + ": give each task once");
            }
        }
        int n = tasks.size();
        if (values.length != n) {
            throw new DdsInputException("transfer matrix from " + source.location() + " has " + values.length
                    + " rows for " + n + " tasks: it must be square, one row and column per task");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (values[i] == null || values[i].length != n) {
                throw new DdsInputException("row '" + tasks.get(i) + "' of the transfer matrix from "
                        + source.location() + " has " + (values[i] == null ? 0 : values[i].length)
                        + " values for " + n + " tasks: it must be square, one row and column per task");
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(values[i][j])) {
                    throw new DdsInputException("transfer matrix from " + source.location() + " holds "
                            + values[i][j] + " for source '" + tasks.get(i) + "' and target '" + tasks.get(j)
                            + "': ground truth must be finite; fetch the file again");
                }
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }

    /** @return a copy of the T x T values */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** @return T, the number of tasks */
    public int size() {
        return tasks.size();
    }

    /**
     * @param source row index (source task)
     * @param target column index (target task)
     * @return the value for that pair
     */
    public double value(int source, int target) {
        return values[source][target];
    }

    /**
     * @param source source task name
     * @param target target task name
     * @return the value for that pair
     * @throws DdsInputException naming the known tasks if a name is unknown
     */
    public double value(String source, String target) {
        return values[indexOf(source)][indexOf(target)];
    }

    /**
     * @param target column index (target task)
     * @return a copy of that column: how well each source transfers to the target, in task order
     */
    public double[] column(int target) {
        Objects.checkIndex(target, values.length);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i][target];
        }
        return out;
    }

    /**
     * @param task a task name
     * @return its row (and column) index
     * @throws DdsInputException naming the known tasks if there is no such task
     */
    public int indexOf(String task) {
        int i = tasks.indexOf(task);
        if (i < 0) {
            throw new DdsInputException("unknown task '" + task + "': the transfer matrix from "
                    + source.location() + " holds " + String.join(", ", tasks));
        }
        return i;
    }

    /**
     * Restricts and reorders the matrix, e.g. to the ground-truth names of the feature models at hand.
     *
     * @param names tasks to keep, in the order wanted, distinct
     * @return the sub-matrix over those tasks, same source
     */
    public TransferMatrix select(List<String> names) {
        int[] idx = new int[names.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = indexOf(names.get(k));
        }
        double[][] out = new double[idx.length][idx.length];
        for (int a = 0; a < idx.length; a++) {
            for (int b = 0; b < idx.length; b++) {
                out[a][b] = values[idx[a]][idx[b]];
            }
        }
        return new TransferMatrix(new ArrayList<>(names), out, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferMatrix m && tasks.equals(m.tasks) && Arrays.deepEquals(values, m.values)
                && source.equals(m.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tasks, Arrays.deepHashCode(values), source);
    }

    @Override
    public String toString() {
        return "TransferMatrix(" + tasks.size() + " x " + tasks.size() + ", " + source + ")";
    }
}
