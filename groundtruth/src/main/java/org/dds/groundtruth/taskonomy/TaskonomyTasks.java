package org.dds.groundtruth.taskonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dds.core.DdsInputException;

/**
 * The Taskonomy task names (SPEC section 4, after Dwivedi et al., ECCV 2020): the 20 encoders whose features DDS
 * compares, the 17 tasks of the transfer ground truth, and the mapping between the two. Two feature models are
 * named differently in the ground truth ({@code vanishing_point -> vanishing_point_well_defined},
 * {@code segmentsemantic -> segmentsemantic_rb}); three have no ground truth and are dropped by name
 * ({@code colorization}, {@code class_places}, {@code inpainting_whole}).
 */
public final class TaskonomyTasks {

    /** The 20 feature models, in the benchmark's order. */
    public static final List<String> FEATURE_MODELS = List.of("autoencoder", "curvature", "denoise", "edge2d",
            "edge3d", "keypoint2d", "keypoint3d", "colorization", "reshade", "rgb2depth", "rgb2mist", "rgb2sfnorm",
            "room_layout", "segment25d", "segment2d", "vanishing_point", "segmentsemantic", "class_1000",
            "class_places", "inpainting_whole");

    /** The 17 ground-truth tasks, in the benchmark's order (rows and columns of the transfer matrices). */
    public static final List<String> GROUND_TRUTH_TASKS = List.of("autoencoder", "curvature", "denoise", "edge2d",
            "edge3d", "keypoint2d", "keypoint3d", "reshade", "rgb2depth", "rgb2mist", "rgb2sfnorm", "room_layout",
            "segment25d", "segment2d", "vanishing_point_well_defined", "segmentsemantic_rb", "class_1000");

    /** Feature models whose ground-truth task has another name: feature name to ground-truth name. */
    public static final Map<String, String> RENAMED = Map.of(
            "vanishing_point", "vanishing_point_well_defined",
            "segmentsemantic", "segmentsemantic_rb");

    /** Feature models without ground truth, dropped before any comparison with it. */
    public static final List<String> WITHOUT_GROUND_TRUTH = List.of("colorization", "class_places",
            "inpainting_whole");

    /** Feature name to ground-truth name for the 17 models that have one, in feature order. */
    private static final Map<String, String> TO_GROUND_TRUTH = buildMapping();

    private TaskonomyTasks() {
    }

    private static Map<String, String> buildMapping() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String model : FEATURE_MODELS) {
            if (!WITHOUT_GROUND_TRUTH.contains(model)) {
                map.put(model, RENAMED.getOrDefault(model, model));
            }
        }
        // Guards the constants above against an edit that breaks the correspondence.
        if (!Set.copyOf(map.values()).equals(Set.copyOf(GROUND_TRUTH_TASKS))) {
            throw new IllegalStateException("Taskonomy name tables disagree: " + map + " vs " + GROUND_TRUTH_TASKS);
        }
        return map;
    }

    /**
     * @param featureModel one of the 20 feature-model names
     * @return its ground-truth task name, or empty for the three models without ground truth
     * @throws DdsInputException if the name is not one of the 20 feature models
     */
    public static Optional<String> groundTruthName(String featureModel) {
        requireKnown(featureModel);
        return Optional.ofNullable(TO_GROUND_TRUTH.get(featureModel));
    }

    /**
     * @param groundTruthTask one of the 17 ground-truth task names
     * @return the feature model it belongs to
     * @throws DdsInputException if the name is not one of the 17 tasks
     */
    public static String featureModelName(String groundTruthTask) {
        for (Map.Entry<String, String> e : TO_GROUND_TRUTH.entrySet()) {
            if (e.getValue().equals(groundTruthTask)) {
                return e.getKey();
            }
        }
        throw new DdsInputException("unknown Taskonomy ground-truth task '" + groundTruthTask
                + "': the tasks are " + String.join(", ", GROUND_TRUTH_TASKS));
    }

    /**
     * Aligns feature models with the ground truth: keeps, in the given order, the models that have a ground-truth
     * task and drops the others by name.
     *
     * @param featureModels feature-model names, e.g. the models of a feature file, in its order; distinct
     * @return the kept models, their ground-truth names and their indices in {@code featureModels}
     * @throws DdsInputException if a name is not a Taskonomy feature model or appears twice
     */
    public static TaskAlignment align(List<String> featureModels) {
        List<String> kept = new ArrayList<>();
        List<String> groundTruth = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int[] indices = new int[featureModels.size()];
        int k = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < featureModels.size(); i++) {
            String model = featureModels.get(i);
            if (!seen.add(model)) {
                throw new DdsInputException("feature model '" + model + "' appears twice: give each model once");
            }
            Optional<String> gt = groundTruthName(model);
            if (gt.isPresent()) {
                kept.add(model);
                groundTruth.add(gt.get());
                indices[k++] = i;
            } else {
                dropped.add(model);
            }
        }
        return new TaskAlignment(kept, groundTruth, Arrays.copyOf(indices, k), dropped);
    }

    private static void requireKnown(String featureModel) {
        if (FEATURE_MODELS.contains(featureModel)) {
            return;
        }
        String hint = GROUND_TRUTH_TASKS.contains(featureModel)
                ? " ('" + featureModel + "' is a ground-truth task name; its feature model is '"
                        + featureModelName(featureModel) + "')"
                : "";
        throw new DdsInputException("unknown Taskonomy feature model '" + featureModel + "'" + hint
                + ": the feature models are " + String.join(", ", FEATURE_MODELS)
                + "; select those models before comparing with the Taskonomy ground truth");
    }
}
