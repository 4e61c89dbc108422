package org.dds.experiments.taskonomy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.comparison.UpperTriangleSpearman;

/**
 * Supplementary section S7 of Dwivedi et al. (ECCV 2020): Spearman correlation of the upper triangles as g (the RSA
 * comparison) instead of unbiased CKA, with every f on z-scored features.
 */
public final class SpearmanAsG extends ComparisonAblation {

    @Override
    public String name() {
        return "spearman-g";
    }

    @Override
    public String paperReference() {
        return "supplementary S7: g = Spearman of upper triangles vs g = unbiased CKA (z-score, every f)";
    }

    @Override
    Map<String, MatrixComparison> comparisons() {
        Map<String, MatrixComparison> gs = new LinkedHashMap<>();
        gs.put("cka unbiased", new Cka(Centering.UNBIASED));
        gs.put("spearman", new UpperTriangleSpearman());
        return gs;
    }
}
