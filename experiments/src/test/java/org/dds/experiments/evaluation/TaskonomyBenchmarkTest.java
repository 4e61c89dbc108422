package org.dds.experiments.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.stats.Correlation;
import org.dds.experiments.features.AuthorsFeatures;
import org.dds.experiments.taskonomy.Fixtures;
import org.dds.groundtruth.taskonomy.TaskonomyTasks;
import org.junit.jupiter.api.Test;

/** The protocol's alignment of feature models with the 17 ground-truth tasks, by name. */
class TaskonomyBenchmarkTest {
    private static final double ALGEBRAIC = 1e-12;

    @Test
    void dropsTheModelsWithoutGroundTruthByNameAndIgnoresForeignModels() {
        List<String> names = new ArrayList<>(TaskonomyTasks.FEATURE_MODELS);
        names.add(3, "pascal_voc_segmentation");
        TaskonomyBenchmark b = TaskonomyBenchmark.load(Fixtures.groundTruth(), names, "here");
        assertThat(b.featureModels()).hasSize(17).doesNotContain("colorization", "class_places", "inpainting_whole");
        assertThat(b.dropped()).containsExactly("colorization", "class_places", "inpainting_whole");
        assertThat(b.ignored()).containsExactly("pascal_voc_segmentation");
        assertThat(b.targets()).contains("vanishing_point_well_defined", "segmentsemantic_rb");
        int vp = b.featureModels().indexOf("vanishing_point");
        assertThat(b.targets().get(vp)).isEqualTo("vanishing_point_well_defined");
        assertThat(b.matrix(TaskonomyMatrix.WINRATE).tasks()).isEqualTo(b.targets());
    }

    /** The score does not depend on the order the models come in: columns and rows move together. */
    @Test
    void theScoreIsTheSameWhateverTheModelOrder() {
        FeatureSet all = AuthorsFeatures.read(Fixtures.oracle("synth20_f64"));
        List<String> shuffled = new ArrayList<>(all.names());
        Collections.shuffle(shuffled, new Random(5));
        TaskonomyBenchmark a = TaskonomyBenchmark.load(Fixtures.groundTruth(), all.names(), "a");
        TaskonomyBenchmark b = TaskonomyBenchmark.load(Fixtures.groundTruth(), shuffled, "b");
        FeatureSet first = all.firstImages(24);
        AffinityMatrix dds = AffinityMatrix.compute(a.models(first), DdsConfig.defaults());
        AffinityMatrix reordered = AffinityMatrix.compute(b.models(first.select(shuffled)), DdsConfig.defaults());
        for (TaskonomyMatrix m : TaskonomyMatrix.values()) {
            double[] ra = a.perTask(dds, m);
            double[] rb = b.perTask(reordered, m);
            assertThat(Correlation.mean(rb)).as(m.cliName()).isCloseTo(Correlation.mean(ra), within(ALGEBRAIC));
            String target = "edge3d";
            assertThat(rb[b.featureModels().indexOf(target)]).isCloseTo(ra[a.featureModels().indexOf(target)],
                    within(ALGEBRAIC));
        }
    }

    @Test
    void aMissingModelIsNamedWithTheModelsThatAreNotTaskonomyModels() {
        List<String> names = new ArrayList<>(TaskonomyTasks.FEATURE_MODELS);
        names.remove("edge3d");
        names.remove("reshade");
        names.add("edge_3d");
        // Read first, so that a clone without ../shared skips here instead of taking the skip for the error.
        Path groundTruth = Fixtures.groundTruth();
        assertThatThrownBy(() -> TaskonomyBenchmark.load(groundTruth, names, "feats/"))
                .isInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("the features in feats/ lack the Taskonomy models edge3d, reshade and hold"
                        + " models that are not Taskonomy models (edge_3d): the Taskonomy evaluation needs the 17"
                        + " models with ground truth");
    }

    @Test
    void theModelsComeOutInEvaluationOrder() {
        List<FeatureMatrix> models = new ArrayList<>();
        for (String n : TaskonomyTasks.FEATURE_MODELS) {
            models.add(FeatureMatrix.of(n, new double[][] {{1, 2}, {3, 5}, {7, 11}, {13, 17}}));
        }
        FeatureSet set = new FeatureSet(models);
        TaskonomyBenchmark b = TaskonomyBenchmark.load(Fixtures.groundTruth(), set.names(), "x");
        assertThat(b.models(set).names()).isEqualTo(b.featureModels());
        TaskonomyInputs in = TaskonomyInputs.of(Fixtures.groundTruth(), set, b, 200);
        assertThat(in.images()).as("all 4 when fewer than asked").isEqualTo(4);
        assertThat(in.ignored()).containsExactly("colorization", "class_places", "inpainting_whole");
        assertThat(in.describe()).contains("all 4 images", "17 models evaluated", "not evaluated: colorization");
    }
}
