package org.dds.core.transfer;

/**
 * The principal-component scores of features: the pre-reduction several estimators' authors apply before scoring
 * (PCA to 64 dimensions for GBC, Pandy et al., CVPR 2022; to 32 for PARC, Bolya et al., NeurIPS 2021). High-dimensional
 * features otherwise defeat such a method: a feature that is 0 for every image of a class (common after a ReLU)
 * makes GBC's per-class diagonal Gaussians mutually singular, so every Bhattacharyya coefficient is 0 and every
 * source scores the same.
 *
 * <p>Computed from the thin SVD of the column-centred features, Xc = U diag(s) V^T (EJML, float64): the scores are
 * the first k columns of U diag(s) = Xc V, ordered by decreasing variance. Each component's sign is fixed so that its
 * largest-magnitude score is positive (an SVD's signs are otherwise arbitrary).
 */
public final class PrincipalComponents {
    private PrincipalComponents() {
    }

    /**
     * @param features n x d, finite
     * @param k        the components to keep, at least 1; fewer come back when the centred features have a lower
     *                 numerical rank
     * @return n x min(k, rank): each image's scores on the leading principal components
     */
    public static double[][] scores(double[][] features, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("keep at least 1 principal component, not " + k);
        }
        Spectrum svd = Spectrum.of(Inputs.centred(features));
        int n = features.length;
        int kept = Math.min(k, svd.rank());
        // EJML does not order its singular values: largest first, ties by position.
        Integer[] order = new Integer[svd.rank()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(svd.s()[b], svd.s()[a]));
        double[][] out = new double[n][kept];
        for (int c = 0; c < kept; c++) {
            double[] u = svd.u()[order[c]];
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(u[i]) > Math.abs(u[largest])) {
                    largest = i;
                }
            }
            double scale = u[largest] < 0 ? -svd.s()[order[c]] : svd.s()[order[c]];
            for (int i = 0; i < n; i++) {
                out[i][c] = u[i] * scale;
            }
        }
        return out;
    }
}
