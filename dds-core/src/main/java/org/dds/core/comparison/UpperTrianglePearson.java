package org.dds.core.comparison;

/**
 * Pearson correlation of the strict upper triangles of the two matrices (representational similarity analysis
 * with a linear comparison; Kriegeskorte et al. 2008).
 */
public record UpperTrianglePearson() implements UnitVectorComparison {
    @Override
    public double[] embed(double[] matrix, int n, String model) {
        double[] v = Embeddings.upperTriangle(matrix, n);
        Embeddings.centre(v);
        return Embeddings.unit(v, model, "its n x n matrix");
    }

    @Override
    public int minimumImages() {
        return 3;
    }

    @Override
    public String name() {
        return "pearson";
    }
}
