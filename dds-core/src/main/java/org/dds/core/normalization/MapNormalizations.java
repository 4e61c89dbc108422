package org.dds.core.normalization;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;

/** Shape checks shared by the feature-map normalisations. */
final class MapNormalizations {
    private MapNormalizations() {
    }

    static void checkShape(FeatureMatrix x, MapShape shape, String norm) {
        if (x.cols() != shape.size()) {
            throw new DdsInputException(p -> "features of model '" + x.name() + "' have d = " + x.cols()
                    + " columns but " + norm + " treats each row as a " + shape.height() + " x " + shape.width()
                    + " x " + shape.channels() + " map (" + shape.size() + " values): pass " + p.apply("shape")
                    + " H,W,C with H*W*C = " + x.cols() + ", or use a column normalisation"
                    + " (identity, centering, zscore)");
        }
    }
}
