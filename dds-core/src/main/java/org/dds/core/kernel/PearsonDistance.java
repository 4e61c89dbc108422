package org.dds.core.kernel;

/**
 * The correlation distance 1 - r(x, y) between rows, r the Pearson correlation over the d features: the
 * cosine distance of the row-centred rows, clipped to [0, 2]. This is the RDM of representational similarity
 * analysis (Kriegeskorte et al. 2008). A constant row has no correlation and is refused with the model and the
 * image named.
 */
public record PearsonDistance() implements PairwiseFunction {
    @Override
    public double[] matrix(RowGeometry geometry) {
        return geometry.correlationDistances();
    }

    /** Scaling the rows by c scales this f by a positive factor (or not at all). */
    @Override
    public boolean scaleInvariant() {
        return true;
    }

    @Override
    public double[] block(BlockGeometry tile) {
        return tile.correlationDistances();
    }

    @Override
    public boolean isKernel() {
        return false;
    }

    @Override
    public String name() {
        return "pearson";
    }
}
