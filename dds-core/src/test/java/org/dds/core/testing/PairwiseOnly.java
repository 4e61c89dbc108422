package org.dds.core.testing;

import org.dds.core.comparison.MatrixComparison;

/**
 * A built-in g with its unit-vector embedding hidden, so that only its {@code compare} is left: affinity matrices
 * then take the pairwise path. Used by the tests of that fallback and by the dds-core benchmark.
 *
 * @param inner the comparison whose {@code compare} is kept
 */
public record PairwiseOnly(MatrixComparison inner) implements MatrixComparison {
    @Override
    public double compare(double[] mx, double[] my, int n) {
        return inner.compare(mx, my, n);
    }

    @Override
    public int minimumImages() {
        return inner.minimumImages();
    }

    @Override
    public boolean removesRowAndColumnEffects() {
        return inner.removesRowAndColumnEffects();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
