package org.dds.core.normalization;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;
import org.dds.core.numeric.Means;

/**
 * Group normalisation of flattened H x W x C feature maps (Wu and He 2018, without learned affine parameters):
 * the C channels are split into G consecutive groups of C/G; each image's values in one group (all H x W
 * positions of its channels) are shifted by their mean and divided by sqrt(population variance + eps).
 * Instance normalisation is G = C and layer normalisation G = 1 (Ulyanov et al. 2016; Ba et al. 2016).
 *
 * @param shape  the map shape; rows must have H*W*C values
 * @param groups G, a divisor of C
 * @param eps    added to the variance, 1e-9 in the paper's code
 * @param name   the name shown in reports: group_norm, instance_norm or layer_norm
 */
public record GroupNorm(MapShape shape, int groups, double eps, String name) implements Normalization {

    /** Validates the parameters. */
    public GroupNorm {
        if (shape == null) {
            throw new DdsInputException(name + " needs the feature-map shape H,W,C");
        }
        if (groups < 1 || shape.channels() % groups != 0) {
            throw new DdsInputException(name + ": " + groups + " groups do not divide the " + shape.channels()
                    + " channels of the " + shape + " map: choose a divisor of " + shape.channels());
        }
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new DdsInputException(name + " eps is not a finite non-negative number: " + eps);
        }
    }

    /**
     * @param shape  map shape
     * @param groups G
     * @return group normalisation with G groups, eps = 1e-9
     */
    public static GroupNorm groups(MapShape shape, int groups) {
        return new GroupNorm(shape, groups, 1e-9, "group_norm");
    }

    /**
     * @param shape map shape
     * @return instance normalisation (G = C), eps = 1e-9
     */
    public static GroupNorm instance(MapShape shape) {
        return new GroupNorm(shape, shape.channels(), 1e-9, "instance_norm");
    }

    /**
     * @param shape map shape
     * @return layer normalisation (G = 1), eps = 1e-9
     */
    public static GroupNorm layer(MapShape shape) {
        return new GroupNorm(shape, 1, 1e-9, "layer_norm");
    }

    @Override
    public FeatureMatrix apply(FeatureMatrix x) {
        MapNormalizations.checkShape(x, shape, name);
        int n = x.rows();
        int d = x.cols();
        int c = shape.channels();
        int perGroup = c / groups;
        double[] v = FeatureMatrix.unsafeData(x);
        double[] out = new double[v.length];
        int[][] cols = new int[groups][d / groups];
        int[] fill = new int[groups];
        for (int k = 0; k < d; k++) {
            int g = (k % c) / perGroup;
            cols[g][fill[g]++] = k;
        }
        int[] idx = new int[d / groups];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int g = 0; g < groups; g++) {
                for (int q = 0; q < idx.length; q++) {
                    idx[q] = off + cols[g][q];
                }
                Means.standardize(v, idx, eps, out);
            }
        }
        return FeatureMatrix.wrap(x.name(), n, d, out);
    }

    @Override
    public String toString() {
        return "GroupNorm(name=" + name + ", shape=" + shape + ", groups=" + groups + ", eps=" + eps + ")";
    }
}
