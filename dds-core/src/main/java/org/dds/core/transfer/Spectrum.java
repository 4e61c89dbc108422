package org.dds.core.transfer;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The thin singular value decomposition X = U diag(s) V^T of an n x d matrix (EJML, float64), keeping the
 * singular values above numpy's rank tolerance {@code max(s) * max(n, d) * eps}: the route the estimators take
 * where the papers' code inverts a covariance or takes a log-determinant, so that n < d and rank-deficient
 * features need no special case.
 *
 * @param s the kept singular values, r of them, all positive
 * @param u the matching left singular vectors, u[k] of length n
 */
record Spectrum(double[] s, double[][] u) {

    /**
     * @param x n x d
     * @return its thin SVD without the singular values that are zero to rounding
     */
    static Spectrum of(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, true, false, true);
        if (!svd.decompose(new DMatrixRMaj(x))) {
            throw new IllegalStateException("the SVD of a " + n + " x " + d + " matrix did not converge");
        }
        double[] all = svd.getSingularValues();
        int r = svd.numberOfSingularValues();
        DMatrixRMaj uMatrix = svd.getU(null, false);
        double max = 0;
        for (int k = 0; k < r; k++) {
            max = Math.max(max, all[k]);
        }
        double tolerance = max * Math.max(n, d) * Math.ulp(1.0);
        int kept = 0;
        for (int k = 0; k < r; k++) {
            if (all[k] > tolerance) {
                kept++;
            }
        }
        double[] s = new double[kept];
        double[][] u = new double[kept][n];
        int next = 0;
        for (int k = 0; k < r; k++) {
            if (all[k] > tolerance) {
                s[next] = all[k];
                for (int i = 0; i < n; i++) {
                    u[next][i] = uMatrix.get(i, k);
                }
                next++;
            }
        }
        return new Spectrum(s, u);
    }

    /** @return r, the numerical rank */
    int rank() {
        return s.length;
    }

    /**
     * @param y a vector of length n
     * @return U^T y, the coordinates of y on the left singular vectors
     */
    double[] project(double[] y) {
        double[] p = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += u[k][i] * y[i];
            }
            p[k] = sum;
        }
        return p;
    }
}
