package org.dds.experiments.evaluation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.groundtruth.TransferMatrix;
import org.dds.groundtruth.taskonomy.TaskonomyGroundTruth;

/**
 * The two Taskonomy transfer matrices (Zamir et al., CVPR 2018) a DDS ranking is judged against: the affinity
 * matrix and the winrate matrix.
 */
public enum TaskonomyMatrix {
    /** {@code all_affinities.pkl}. */
    AFFINITY("affinity"),
    /** {@code wins_vs_pixels_16k.pkl}. */
    WINRATE("winrate");

    private final String cliName;

    TaskonomyMatrix(String cliName) {
        this.cliName = cliName;
    }

    /** @return the name on the command line and in reports */
    public String cliName() {
        return cliName;
    }

    /**
     * @param groundTruthDirectory the ground-truth directory
     * @return this matrix, read from it
     */
    public TransferMatrix load(Path groundTruthDirectory) {
        return this == AFFINITY ? TaskonomyGroundTruth.affinity(groundTruthDirectory)
                : TaskonomyGroundTruth.winrate(groundTruthDirectory);
    }

    /**
     * @param name {@code affinity} or {@code winrate}, any case
     * @return the constant
     */
    public static TaskonomyMatrix parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (TaskonomyMatrix m : values()) {
            if (m.cliName.equals(s)) {
                return m;
            }
        }
        throw new DdsInputException("unknown Taskonomy matrix '" + name + "': expected one of " + names());
    }

    /** @return the names, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(TaskonomyMatrix::cliName).collect(Collectors.joining(", "));
    }
}
