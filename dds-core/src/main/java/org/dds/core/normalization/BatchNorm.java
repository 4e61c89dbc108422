package org.dds.core.normalization;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSource;
import org.dds.core.numeric.ColumnStatistics;
import org.dds.core.MapShape;
import org.dds.core.numeric.Means;

/**
 * Batch normalisation of flattened H x W x C feature maps (Ioffe and Szegedy 2015, without learned affine
 * parameters): each channel c is shifted and scaled by the mean and population variance of all its values over
 * the n images and the H x W positions: (x - m_c) / sqrt(v_c + eps).
 *
 * @param shape the map shape; rows must have H*W*C values
 * @param eps   added to the variance, 1e-9 in the paper's code
 */
public record BatchNorm(MapShape shape, double eps) implements Normalization {

    /** Validates the parameters. */
    public BatchNorm {
        if (shape == null) {
            throw new DdsInputException("batch_norm needs the feature-map shape H,W,C");
        }
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new DdsInputException("batch_norm eps is not a finite non-negative number: " + eps);
        }
    }

    /** @param shape the map shape, eps = 1e-9 */
    public BatchNorm(MapShape shape) {
        this(shape, 1e-9);
    }

    @Override
    public FeatureMatrix apply(FeatureMatrix x) {
        MapNormalizations.checkShape(x, shape, name());
        int n = x.rows();
        int d = x.cols();
        int c = shape.channels();
        int perRow = d / c;
        double[] v = FeatureMatrix.unsafeData(x);
        double[] out = new double[v.length];
        int[] idx = new int[n * perRow];
        for (int ch = 0; ch < c; ch++) {
            int p = 0;
            for (int i = 0; i < n; i++) {
                for (int k = ch; k < d; k += c) {
                    idx[p++] = i * d + k;
                }
            }
            Means.standardize(v, idx, eps, out);
        }
        return FeatureMatrix.wrap(x.name(), n, d, out);
    }

    @Override
    public RowBlockNormalizer fit(FeatureSource source) {
        MapNormalizations.checkShape(source.cols(), source.name(), shape, name());
        int d = source.cols();
        int c = shape.channels();
        int[] channelOf = new int[d];
        for (int k = 0; k < d; k++) {
            channelOf[k] = k % c;
        }
        ColumnStatistics st = ColumnStatistics.of(source, channelOf, c);
        double[] shift = new double[d];
        double[] sd = new double[d];
        for (int k = 0; k < d; k++) {
            int ch = channelOf[k];
            shift[k] = st.mean[ch];
            sd[k] = Math.sqrt(st.sumOfSquares[ch] / st.count[ch] + eps);
        }
        return RowBlockNormalizer.columnAffine(shift, sd);
    }

    @Override
    public String name() {
        return "batch_norm";
    }

    @Override
    public String toString() {
        return "BatchNorm(shape=" + shape + ", eps=" + eps + ")";
    }
}
