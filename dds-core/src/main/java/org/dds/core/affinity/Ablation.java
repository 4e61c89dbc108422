package org.dds.core.affinity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.kernel.RowGeometry;
import org.dds.core.normalization.Centering;
import org.dds.core.normalization.Identity;
import org.dds.core.normalization.Normalization;
import org.dds.core.numeric.Scaling;

/**
 * Affinity matrices for every (normalisation, f) pair under one g: the paper's Table-2 ablation. Each model is
 * normalised once per normalisation, and the functions f share that normalised model's pairwise work (one Gram
 * matrix, one pass of Manhattan distances); column centring shares the shift-invariant quantities of the
 * unnormalised features. Results equal {@link AffinityMatrix#compute} for each pair.
 */
public final class Ablation {
    private Ablation() {
    }

    /**
     * @param set            the models (same images)
     * @param normalizations the normalisations (rows of the table)
     * @param functions      the functions f (columns)
     * @param comparison     g
     * @return affinity matrices keyed by normalisation name, then f name, in the given orders
     */
    public static Map<String, Map<String, AffinityMatrix>> compute(FeatureSet set, List<Normalization> normalizations,
            List<PairwiseFunction> functions, MatrixComparison comparison) {
        int nn = normalizations.size();
        int nf = functions.size();
        int t = set.size();
        for (FeatureMatrix x : set.models()) {
            Dds.checkImages(x, comparison);
        }
        PreparedModel[][][] prepared = new PreparedModel[nn][nf][t];
        PerModel.run(t, m -> {
            FeatureMatrix x = set.models().get(m);
            // The scale-invariant f see the features rescaled by a power of two as in Dds.prepare (the same
            // object, and the same geometry, unless the features lie far from 1).
            FeatureMatrix xs = Scaling.toModerateRange(x);
            RowGeometry raw = null;
            RowGeometry rawScaled = null;
            for (int a = 0; a < nn; a++) {
                Normalization norm = normalizations.get(a);
                RowGeometry geo;
                RowGeometry geoScaled;
                if (norm instanceof Identity || norm instanceof Centering) {
                    raw = raw != null ? raw : new RowGeometry(x);
                    rawScaled = xs == x ? raw : rawScaled != null ? rawScaled : new RowGeometry(xs);
                    geo = norm instanceof Identity ? raw : raw.shifted(norm.apply(x));
                    geoScaled = xs == x ? geo : norm instanceof Identity ? rawScaled
                            : rawScaled.shifted(norm.apply(xs));
                } else {
                    FeatureMatrix z = norm.apply(x);
                    FeatureMatrix zs = Scaling.toModerateRange(z);
                    geo = new RowGeometry(z, norm.centresColumns());
                    geoScaled = zs == z ? geo : new RowGeometry(zs, norm.centresColumns());
                }
                for (int b = 0; b < nf; b++) {
                    PairwiseFunction f = functions.get(b);
                    prepared[a][b][m] = Dds.prepare(f.scaleInvariant() ? geoScaled : geo, f, comparison);
                }
            }
        });
        Map<String, Map<String, AffinityMatrix>> out = new LinkedHashMap<>();
        for (int a = 0; a < nn; a++) {
            Map<String, AffinityMatrix> row = new LinkedHashMap<>();
            for (int b = 0; b < nf; b++) {
                row.put(functions.get(b).name(),
                        AffinityMatrix.of(set.names(), new ArrayList<>(Arrays.asList(prepared[a][b]))));
            }
            out.put(normalizations.get(a).name(), row);
        }
        return out;
    }
}
