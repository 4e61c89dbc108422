package org.dds.core.comparison;

import org.dds.core.stats.Ranks;

/**
 * Spearman rank correlation of the strict upper triangles of the two matrices, ties given their average rank:
 * the comparison of representational similarity analysis (Kriegeskorte et al. 2008; Dwivedi and Roig 2019).
 * Entries equal to within rounding ({@link Ranks#averageComputed}) count as ties.
 */
public record UpperTriangleSpearman() implements UnitVectorComparison {
    @Override
    public double[] embed(double[] matrix, int n, String model) {
        double[] v = Ranks.averageComputed(Embeddings.upperTriangle(matrix, n));
        Embeddings.centre(v);
        return Embeddings.unit(v, model, "its n x n matrix");
    }

    @Override
    public int minimumImages() {
        return 3;
    }

    @Override
    public String name() {
        return "spearman";
    }
}
