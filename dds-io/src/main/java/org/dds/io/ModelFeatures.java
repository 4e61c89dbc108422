package org.dds.io;

import java.util.Objects;
import java.util.Optional;

import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;

/**
 * One model's features as read from a file, with the feature-map shape when the file held n x H x W x C maps
 * (flattened row-wise, channels last, into the matrix's n x (H*W*C)).
 *
 * @param matrix   the features
 * @param mapShape the (H, W, C) of each row, or empty for a plain n x d array
 */
public record ModelFeatures(FeatureMatrix matrix, Optional<MapShape> mapShape) {

    /** Validates that the map shape, if any, matches the number of features. */
    public ModelFeatures {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(mapShape, "mapShape");
        if (mapShape.isPresent() && mapShape.get().size() != matrix.cols()) {
            throw new IllegalArgumentException("map shape " + mapShape.get() + " has " + mapShape.get().size()
                    + " values but model '" + matrix.name() + "' has " + matrix.cols() + " features");
        }
    }
}
