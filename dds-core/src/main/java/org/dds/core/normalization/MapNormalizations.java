package org.dds.core.normalization;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;

/** Shape checks shared by the feature-map normalisations. */
final class MapNormalizations {
    private MapNormalizations() {
    }

    static void checkShape(FeatureMatrix x, MapShape shape, String norm) {
        checkShape(x.cols(), x.name(), shape, norm);
    }

    static void checkShape(int cols, String model, MapShape shape, String norm) {
        if (cols != shape.size()) {
            throw new DdsInputException(p -> "features of model '" + model + "' have d = " + cols
                    + " columns but " + norm + " treats each row as a " + shape.height() + " x " + shape.width()
                    + " x " + shape.channels() + " map (" + shape.size() + " values): pass " + p.apply("shape")
                    + " H,W,C with H*W*C = " + cols + ", or use a column normalisation"
                    + " (identity, centering, zscore)");
        }
    }
}
