package org.dds.experiments.taskonomy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.MatrixComparison;

/**
 * Supplementary section S6 of Dwivedi et al. (ECCV 2020): g = CKA with and without centring. The unbiased
 * U-centring (Szekely and Rizzo 2014), the biased double centring (Gretton et al. 2005) and no centring (the plain
 * Frobenius cosine), each with every f on z-scored features.
 */
public final class CentringAblation extends ComparisonAblation {

    @Override
    public String name() {
        return "centring";
    }

    @Override
    public String paperReference() {
        return "supplementary S6: g = CKA with unbiased, biased and no centring (z-score, every f)";
    }

    @Override
    Map<String, MatrixComparison> comparisons() {
        Map<String, MatrixComparison> gs = new LinkedHashMap<>();
        for (Centering c : Centering.values()) {
            gs.put("cka " + c.cliName(), new Cka(c));
        }
        return gs;
    }
}
