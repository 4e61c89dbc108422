package org.dds.groundtruth.taskonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;

class TaskonomyTasksTest {

    @Test
    void namesAreThoseOfSpecSection4InItsOrder() {
        // Literals copied from SPEC.md section 4 ("Feature models (20, this order)", "Ground-truth tasks (17, ...)").
        assertThat(TaskonomyTasks.FEATURE_MODELS).containsExactly(("autoencoder curvature denoise edge2d edge3d"
                + " keypoint2d keypoint3d colorization reshade rgb2depth rgb2mist rgb2sfnorm room_layout segment25d"
                + " segment2d vanishing_point segmentsemantic class_1000 class_places inpainting_whole").split(" "));
        assertThat(TaskonomyTasks.GROUND_TRUTH_TASKS).containsExactly(("autoencoder curvature denoise edge2d"
                + " edge3d keypoint2d keypoint3d reshade rgb2depth rgb2mist rgb2sfnorm room_layout segment25d"
                + " segment2d vanishing_point_well_defined segmentsemantic_rb class_1000").split(" "));
        assertThat(TaskonomyTasks.WITHOUT_GROUND_TRUTH)
                .containsExactly("colorization", "class_places", "inpainting_whole");
    }

    @Test
    void mapsTheTwoRenamedModelsAndTheOthersToThemselves() {
        assertThat(TaskonomyTasks.groundTruthName("vanishing_point")).contains("vanishing_point_well_defined");
        assertThat(TaskonomyTasks.groundTruthName("segmentsemantic")).contains("segmentsemantic_rb");
        assertThat(TaskonomyTasks.groundTruthName("edge3d")).contains("edge3d");
        assertThat(TaskonomyTasks.groundTruthName("class_places")).isEmpty();
        assertThat(TaskonomyTasks.featureModelName("segmentsemantic_rb")).isEqualTo("segmentsemantic");
    }

    @Test
    void alignsTheBenchmarkOrderToTheGroundTruthOrder() {
        TaskAlignment a = TaskonomyTasks.align(TaskonomyTasks.FEATURE_MODELS);
        assertThat(a.groundTruthTasks()).as("the 20 models in SPEC order give the 17 tasks in SPEC order")
                .isEqualTo(TaskonomyTasks.GROUND_TRUTH_TASKS);
        assertThat(a.dropped()).containsExactly("colorization", "class_places", "inpainting_whole");
        assertThat(a.keptIndices()).as("positions 7, 18, 19 (colorization, class_places, inpainting_whole) go")
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        assertThat(a.coversAllTasks()).isTrue();
    }

    /** Dropping must follow the names: a hard-coded index would drop the wrong models once the order changes. */
    @Test
    void dropsByNameWhateverTheOrder() {
        List<String> shuffled = new ArrayList<>(TaskonomyTasks.FEATURE_MODELS);
        Collections.shuffle(shuffled, new Random(1993));
        TaskAlignment a = TaskonomyTasks.align(shuffled);
        assertThat(a.size()).isEqualTo(17);
        assertThat(a.dropped()).containsExactlyInAnyOrder("colorization", "class_places", "inpainting_whole");
        int[] idx = a.keptIndices();
        for (int k = 0; k < idx.length; k++) {
            String model = shuffled.get(idx[k]);
            assertThat(a.featureModels().get(k)).as("kept model %d", k).isEqualTo(model);
            assertThat(a.groundTruthTasks().get(k)).as("ground truth of %s", model)
                    .isEqualTo(TaskonomyTasks.groundTruthName(model).orElseThrow());
        }
    }

    @Test
    void alignsASubset() {
        TaskAlignment a = TaskonomyTasks.align(List.of("inpainting_whole", "segmentsemantic", "edge2d"));
        assertThat(a.featureModels()).containsExactly("segmentsemantic", "edge2d");
        assertThat(a.groundTruthTasks()).containsExactly("segmentsemantic_rb", "edge2d");
        assertThat(a.keptIndices()).containsExactly(1, 2);
        assertThat(a.coversAllTasks()).isFalse();
    }

    @Test
    void refusesUnknownAndRepeatedNamesClearly() {
        assertThatThrownBy(() -> TaskonomyTasks.align(List.of("edge2d", "pascal_voc_segmentation")))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("unknown Taskonomy feature model 'pascal_voc_segmentation'")
                .hasMessageContaining("autoencoder, curvature");
        assertThatThrownBy(() -> TaskonomyTasks.align(List.of("segmentsemantic_rb")))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("its feature model is 'segmentsemantic'");
        assertThatThrownBy(() -> TaskonomyTasks.align(List.of("edge2d", "edge2d")))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("'edge2d' appears twice");
        assertThatThrownBy(() -> TaskonomyTasks.featureModelName("vanishing_point"))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("unknown Taskonomy ground-truth task 'vanishing_point'");
    }
}
