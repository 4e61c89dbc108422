package org.dds.experiments.taskonomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dds.core.testing.SharedData;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.evaluation.TaskonomySettings;
import org.dds.groundtruth.files.GroundTruthLocation;

/** The oracle's synthetic Taskonomy-named features and the public ground truth, as the experiments' tests use them. */
public final class Fixtures {
    /** The oracle is good to ~1e-14; 1e-9 leaves room for another summation order (oracle README). */
    public static final double ORACLE = 1e-9;

    /** Few permutations, replicates and draws: enough to exercise every statistic, cheap enough for CI. */
    public static final TaskonomySettings SMALL = new TaskonomySettings(200, 99, 3, 3, 0.9, 1993);

    private Fixtures() {
    }

    /** @return the ground-truth directory ({@code ../shared/groundtruth}), or the test is skipped */
    public static Path groundTruth() {
        return SharedData.require("groundtruth/taskonomy/all_affinities.pkl").getParent().getParent();
    }

    /**
     * @param set {@code synth20_f64} or {@code synth20_f32}
     * @return the oracle's features of that set, or the test is skipped
     */
    public static Path oracle(String set) {
        return SharedData.require("oracle/" + set);
    }

    /**
     * @param features the features directory
     * @return a quick run over the public ground truth
     */
    public static ExperimentContext context(Path features) {
        return new ExperimentContext(new GroundTruthLocation(groundTruth(), GroundTruthLocation.Origin.ARGUMENT),
                Optional.of(features), true, 1993, line -> { });
    }

    /**
     * The oracle's expected Table 2 with its row and column names.
     *
     * @param set     the oracle set
     * @param against winrate or affinity
     * @return lines of {@code expected/<set>/table2_<against>.csv}
     */
    public static List<String> expectedTable2(String set, String against) throws IOException {
        return Files.readAllLines(SharedData.require("oracle/expected/" + set + "/table2_" + against + ".csv"));
    }
}
