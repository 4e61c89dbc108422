package org.dds.experiments.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.stats.Correlation;
import org.dds.groundtruth.TransferMatrix;
import org.dds.groundtruth.taskonomy.TaskAlignment;
import org.dds.groundtruth.taskonomy.TaskonomyTasks;

/**
 * The Taskonomy evaluation protocol (Dwivedi et al., ECCV 2020, section 4; SPEC section 4) for one set of feature
 * models: the models are matched with the 17 ground-truth tasks by name ({@link TaskonomyTasks#align}; the three
 * models without ground truth are dropped, two are renamed), and a DDS matrix is scored, for every target column j,
 * by Spearman(GT[:, j], DDS[:, j]) over all 17 sources, diagonal included, with average ranks for ties. The score is
 * the mean over the targets. Models that are not Taskonomy models at all (e.g. the Pascal VOC model in the
 * authors' file) are ignored.
 */
public final class TaskonomyBenchmark {
    private final TaskAlignment alignment;
    private final List<String> ignored;
    private final Map<TaskonomyMatrix, TransferMatrix> matrices;

    private TaskonomyBenchmark(TaskAlignment alignment, List<String> ignored,
            Map<TaskonomyMatrix, TransferMatrix> matrices) {
        this.alignment = alignment;
        this.ignored = List.copyOf(ignored);
        this.matrices = matrices;
    }

    /**
     * @param groundTruthDirectory where the two Taskonomy pickles are
     * @param featureModels        the names of the models at hand, in their order
     * @param where                where those models come from, for messages (e.g. the features path)
     * @return the benchmark for those models
     */
    public static TaskonomyBenchmark load(Path groundTruthDirectory, List<String> featureModels, String where) {
        return of(TaskonomyMatrix.AFFINITY.load(groundTruthDirectory),
                TaskonomyMatrix.WINRATE.load(groundTruthDirectory), featureModels, where);
    }

    /**
     * @param affinity      the 17 x 17 affinity matrix
     * @param winrate       the 17 x 17 winrate matrix
     * @param featureModels the names of the models at hand, in their order
     * @param where         where those models come from, for messages
     * @return the benchmark for those models
     * @throws DdsInputException if one of the 17 models with ground truth is missing
     */
    public static TaskonomyBenchmark of(TransferMatrix affinity, TransferMatrix winrate, List<String> featureModels,
            String where) {
        List<String> known = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String m : featureModels) {
            (TaskonomyTasks.FEATURE_MODELS.contains(m) ? known : ignored).add(m);
        }
        TaskAlignment alignment = TaskonomyTasks.align(known);
        if (!alignment.coversAllTasks()) {
            List<String> missing = new ArrayList<>();
            for (String task : TaskonomyTasks.GROUND_TRUTH_TASKS) {
                if (!alignment.groundTruthTasks().contains(task)) {
                    missing.add(TaskonomyTasks.featureModelName(task));
                }
            }
            throw new DdsInputException("the features in " + where + " lack the Taskonomy model"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (ignored.isEmpty() ? "" : " and hold models that are not Taskonomy models ("
                            + String.join(", ", ignored) + ")")
                    + ": the Taskonomy evaluation needs the 17 models with ground truth, named as the authors name"
                    + " them (" + String.join(", ", TaskonomyTasks.FEATURE_MODELS) + ")");
        }
        Map<TaskonomyMatrix, TransferMatrix> matrices = new EnumMap<>(TaskonomyMatrix.class);
        matrices.put(TaskonomyMatrix.AFFINITY, affinity.select(alignment.groundTruthTasks()));
        matrices.put(TaskonomyMatrix.WINRATE, winrate.select(alignment.groundTruthTasks()));
        return new TaskonomyBenchmark(alignment, ignored, matrices);
    }

    /**
     * @param features models that include the 17 of {@link #featureModels()}
     * @return those 17, in the order of {@link #featureModels()}
     */
    public FeatureSet models(FeatureSet features) {
        return features.select(alignment.featureModels());
    }

    /** @return the 17 evaluated feature models, in evaluation order */
    public List<String> featureModels() {
        return alignment.featureModels();
    }

    /** @return their ground-truth task names (the targets), aligned with {@link #featureModels()} */
    public List<String> targets() {
        return alignment.groundTruthTasks();
    }

    /** @return the Taskonomy models dropped because they have no ground truth */
    public List<String> dropped() {
        return alignment.dropped();
    }

    /** @return the models ignored because they are not Taskonomy models */
    public List<String> ignored() {
        return ignored;
    }

    /**
     * @param against which matrix
     * @return it, rows and columns in the order of {@link #targets()}
     */
    public TransferMatrix matrix(TaskonomyMatrix against) {
        return matrices.get(against);
    }

    /**
     * @param dds     a DDS matrix over (at least) the evaluated models
     * @param against which ground truth
     * @return Spearman(GT[:, j], DDS[:, j]) for every target j, in the order of {@link #targets()}
     */
    public double[] perTask(AffinityMatrix dds, TaskonomyMatrix against) {
        return Correlation.columnwiseSpearman(matrix(against).values(), scores(dds));
    }

    /**
     * @param dds a DDS matrix over (at least) the evaluated models
     * @return its values over the evaluated models, in evaluation order
     */
    public double[][] scores(AffinityMatrix dds) {
        return dds.select(alignment.featureModels()).toArray();
    }

    /**
     * The agreement per target, the computation behind the taskonomy-agreement experiment and the ground-truth rows of Table 3.
     *
     * @param affinity the affinity matrix
     * @param winrate  the winrate matrix, same task order
     * @return Spearman(affinity[:, j], winrate[:, j]) for every target j
     */
    public static double[] agreement(TransferMatrix affinity, TransferMatrix winrate) {
        if (!affinity.tasks().equals(winrate.tasks())) {
            throw new IllegalArgumentException("the matrices list their tasks in different orders: "
                    + affinity.tasks() + " and " + winrate.tasks());
        }
        return Correlation.columnwiseSpearman(affinity.values(), winrate.values());
    }
}
