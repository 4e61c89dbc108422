package org.dds.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.MapShape;

/**
 * Features read by {@link FeatureReader}, with where they came from: the models, the feature-map shape of each
 * model whose file held n x H x W x C maps, the layout detected and the path read.
 *
 * @param features  the models, in order
 * @param mapShapes model name -> map shape, for the models read from 4-D arrays (unmodifiable)
 * @param format    the layout detected
 * @param source    the path read
 */
public record LoadedFeatures(FeatureSet features, Map<String, MapShape> mapShapes, FeatureFormat format,
                             Path source) {

    /** Validates and copies the map. */
    public LoadedFeatures {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        mapShapes = Collections.unmodifiableMap(new LinkedHashMap<>(mapShapes));
        for (Map.Entry<String, MapShape> e : mapShapes.entrySet()) {
            if (features.get(e.getKey()).cols() != e.getValue().size()) {
                throw new IllegalArgumentException("map shape " + e.getValue() + " of model '" + e.getKey()
                        + "' does not match its " + features.get(e.getKey()).cols() + " features");
            }
        }
    }

    /**
     * @param model a model name
     * @return its feature-map shape, if its file held n x H x W x C maps
     */
    public Optional<MapShape> mapShape(String model) {
        return Optional.ofNullable(mapShapes.get(model));
    }

    /**
     * Builds the result, naming the source in the error if the models do not form a set.
     *
     * @param models the models read, in order
     * @param format the layout
     * @param source the path read
     * @param where  how messages name the source
     * @return the result
     */
    static LoadedFeatures of(List<ModelFeatures> models, FeatureFormat format, Path source, String where) {
        List<FeatureMatrix> matrices = models.stream().map(ModelFeatures::matrix).toList();
        FeatureSet set;
        try {
            set = new FeatureSet(matrices);
        } catch (DdsInputException e) {
            throw NpyReader.inFile(where, e);
        }
        Map<String, MapShape> shapes = new LinkedHashMap<>();
        for (ModelFeatures m : models) {
            m.mapShape().ifPresent(s -> shapes.put(m.matrix().name(), s));
        }
        return new LoadedFeatures(set, shapes, format, source);
    }
}
