package org.dds.experiments.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.dds.core.FeatureSet;
import org.dds.experiments.planted.LatentModel;
import org.dds.experiments.planted.PlantedFeatures;

/**
 * A planted layer-selection problem with the Taskonomy task names: every task is made of 3 of its family's 6 latent
 * blocks plus 2 private ones; block1 takes 4 of the 2D family's blocks, block3 4 of the 3D family's, block4 4 of the
 * semantic family's (each with 2 private ones), and block2 2 blocks of every family (no preference). The blocks
 * have 16, 24, 32 and 40 features, the tasks 24.
 */
public final class PlantedLayers {
    /** The families and their tasks, as in the Taskonomy mapping. */
    public static final Map<String, List<String>> FAMILIES = Map.of(
            "2D", List.of("autoencoder", "colorization", "denoise", "edge2d", "inpainting_whole", "keypoint2d",
                    "segment2d"),
            "3D", List.of("curvature", "edge3d", "keypoint3d", "reshade", "rgb2depth", "rgb2mist", "rgb2sfnorm",
                    "room_layout", "segment25d", "vanishing_point"),
            "semantic", List.of("class_1000", "class_places", "segmentsemantic"));

    private PlantedLayers() {
    }

    /**
     * @param images n
     * @param seed   the seed
     * @return the blocks (block1..block4) followed by the 20 tasks
     */
    public static FeatureSet generate(int images, long seed) {
        List<LatentModel> models = new ArrayList<>();
        models.add(block("block1", 16, List.of("2D#0", "2D#1", "2D#2", "2D#3")));
        models.add(block("block2", 24, List.of("2D#4", "2D#5", "3D#4", "3D#5", "semantic#4", "semantic#5")));
        models.add(block("block3", 32, List.of("3D#0", "3D#1", "3D#2", "3D#3")));
        models.add(block("block4", 40, List.of("semantic#0", "semantic#1", "semantic#2", "semantic#3")));
        for (String family : List.of("2D", "3D", "semantic")) {
            List<String> tasks = FAMILIES.get(family);
            for (int i = 0; i < tasks.size(); i++) {
                int first = i;
                List<String> blocks = new ArrayList<>(IntStream.range(0, 3)
                        .mapToObj(k -> family + "#" + ((first + k) % 6)).toList());
                blocks.add(tasks.get(i) + "#private0");
                blocks.add(tasks.get(i) + "#private1");
                models.add(new LatentModel(tasks.get(i), blocks, 24));
            }
        }
        return PlantedFeatures.generate(models, new PlantedFeatures.Shape(images, 2, 0.3, true), seed);
    }

    private static LatentModel block(String name, int features, List<String> shared) {
        List<String> blocks = new ArrayList<>(shared);
        blocks.add(name + "#private0");
        blocks.add(name + "#private1");
        return new LatentModel(name, blocks, features);
    }

    /** @return the four blocks of a generated set */
    public static FeatureSet blocks(FeatureSet all) {
        return all.select(List.of("block1", "block2", "block3", "block4"));
    }

    /** @return the 20 tasks of a generated set */
    public static FeatureSet tasks(FeatureSet all) {
        return all.select(all.names().subList(4, all.size()));
    }
}
