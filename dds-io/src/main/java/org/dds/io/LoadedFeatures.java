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
     * The feature-map shape to use for these features: the models' own (H, W, C) where their files held
     * n x H x W x C arrays, which wins over any shape passed; else the shape passed; else the fallback.
     *
     * @param requested the shape passed by the user, if any
     * @param fallback  the shape when neither the files nor the user give one (e.g. {@link MapShape#TASKONOMY})
     * @param needed    true when a map normalisation will use the shape: models whose files hold maps of
     *                  different shapes are then refused, as one shape cannot fit them all
     * @return the shape
     * @throws DdsInputException if a shape passed contradicts a model's own, or (when needed) two models' own
     *                           shapes differ
     */
    public MapShape mapShape(Optional<MapShape> requested, MapShape fallback, boolean needed) {
        return mapShape(List.of(this), requested, fallback, needed);
    }

    /**
     * {@link #mapShape(Optional, MapShape, boolean)} over features read from several paths (e.g. two models).
     *
     * @param loaded    the features read
     * @param requested the shape passed by the user, if any
     * @param fallback  the shape when neither the files nor the user give one
     * @param needed    true when a map normalisation will use the shape
     * @return the shape
     */
    public static MapShape mapShape(List<LoadedFeatures> loaded, Optional<MapShape> requested, MapShape fallback,
                                    boolean needed) {
        MapShape own = null;
        String ownModel = null;
        for (LoadedFeatures l : loaded) {
            for (Map.Entry<String, MapShape> e : l.mapShapes().entrySet()) {
                MapShape s = e.getValue();
                if (requested.isPresent() && !requested.get().equals(s)) {
                    throw new DdsInputException(p -> "model '" + e.getKey() + "' in '" + l.source()
                            + "' holds feature maps of shape " + text(s) + ", which " + p.apply("shape") + " "
                            + requested.get() + " contradicts: leave " + p.apply("shape") + " out to use the "
                            + "file's own shape, or pass " + p.apply("shape") + " " + s);
                }
                if (own == null) {
                    own = s;
                    ownModel = e.getKey();
                } else if (needed && !own.equals(s)) {
                    String first = ownModel;
                    MapShape firstShape = own;
                    throw new DdsInputException("models '" + first + "' (" + text(firstShape) + ") and '" + e.getKey()
                            + "' (" + text(s) + ") hold feature maps of different shapes, but a map normalisation uses "
                            + "one shape for all models: compare models of one shape, or choose a normalisation "
                            + "such as zscore");
                }
            }
        }
        return own != null ? own : requested.orElse(fallback);
    }

    private static String text(MapShape s) {
        return s.height() + " x " + s.width() + " x " + s.channels();
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
