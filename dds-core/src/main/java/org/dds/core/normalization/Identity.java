package org.dds.core.normalization;

import org.dds.core.FeatureMatrix;

/** The identity normalisation ("None" in the paper's Table 2): features are used as they are. */
public record Identity() implements Normalization {
    @Override
    public FeatureMatrix apply(FeatureMatrix x) {
        return x;
    }

    @Override
    public String name() {
        return "identity";
    }
}
