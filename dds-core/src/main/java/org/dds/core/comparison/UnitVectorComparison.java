package org.dds.core.comparison;

/**
 * A comparison g that is an inner product of unit vectors: each matrix is embedded once as a unit vector v(M),
 * and g(Mx, My) = v(Mx) . v(My). CKA is one (the unit vector is the centred matrix scaled to Frobenius norm 1,
 * Kornblith et al. 2019), and so are the correlations of upper triangles (the centred, possibly ranked, upper
 * triangle scaled to length 1). This is the fast path of affinity matrices: T models need T embeddings and one
 * product V V^T of the stacked embeddings instead of T^2 comparisons.
 *
 * <p>Embeddings hold only the upper triangle (diagonal included where it matters, off-diagonal entries
 * weighted by sqrt 2), which halves memory and time for symmetric matrices.
 */
public interface UnitVectorComparison extends MatrixComparison {

    /**
     * @param matrix symmetric n x n, row-major (not modified)
     * @param n      its order
     * @param model  the model it belongs to, for error messages
     * @return the unit vector v(M)
     * @throws org.dds.core.DdsInputException if v(M) is undefined (e.g. a constant matrix after centring)
     */
    double[] embed(double[] matrix, int n, String model);

    /** g(Mx, My) = v(Mx) . v(My), both embedded from scratch. */
    @Override
    default double compare(double[] mx, double[] my, int n) {
        return dot(embed(mx, n, "x"), embed(my, n, "y"));
    }

    /**
     * The dot product in the order every DDS path uses (two interleaved partial sums), so that the same two
     * embeddings always give the same bits.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return a . b
     */
    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        int k = 0;
        for (; k + 1 < a.length; k += 2) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
        }
        for (; k < a.length; k++) {
            s0 += a[k] * b[k];
        }
        return s0 + s1;
    }
}
