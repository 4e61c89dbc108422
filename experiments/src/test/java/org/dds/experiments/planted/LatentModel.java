package org.dds.experiments.planted;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One synthetic model of a {@link PlantedFeatures} set: which latent factor blocks its features are made of.
 * Blocks with the same name are the same random matrix in every model that names them; a name used by one model
 * only is that model's private variation.
 *
 * @param name     the model's name
 * @param blocks   names of the latent factor blocks it mixes, at least one, distinct
 * @param features d, the number of features of the model
 */
public record LatentModel(String name, List<String> blocks, int features) {

    /** Validates and copies the fields. */
    public LatentModel {
        Objects.requireNonNull(name, "name");
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("model '" + name + "' has no latent block");
        }
        if (new HashSet<>(blocks).size() != blocks.size()) {
            throw new IllegalArgumentException("model '" + name + "' names a latent block twice: " + blocks);
        }
        if (features < 1) {
            throw new IllegalArgumentException("model '" + name + "' has " + features + " features; needs >= 1");
        }
    }
}
