package org.dds.core.comparison;

/**
 * A comparison g of two symmetric n x n matrices that is an inner product of unit vectors: each matrix is
 * first embedded once as a unit vector v(M), and g(Mx, My) = v(Mx) . v(My). This is what lets an affinity
 * matrix over T models prepare each model once and compare all pairs with one matrix product.
 *
 * <p>Embeddings hold only the upper triangle (diagonal included where it matters, off-diagonal entries
 * weighted by sqrt 2), which halves memory and time for symmetric matrices.
 */
public interface MatrixComparison {

    /**
     * @param matrix symmetric n x n, row-major
     * @param n      its order
     * @param model  the model it belongs to, for error messages
     * @return the unit vector v(M)
     * @throws org.dds.core.DdsInputException if v(M) is undefined (e.g. a constant matrix after centring)
     */
    double[] embed(double[] matrix, int n, String model);

    /**
     * g(Mx, My) computed from scratch.
     *
     * @param mx first matrix
     * @param my second matrix
     * @param n  their order
     * @return the similarity, in [-1, 1]
     */
    default double compare(double[] mx, double[] my, int n) {
        return dot(embed(mx, n, "x"), embed(my, n, "y"));
    }

    /** @return the smallest n this comparison is defined for */
    default int minimumImages() {
        return 2;
    }

    /**
     * @return true when g is unchanged by adding row and column effects (v 1^T + 1 v^T + c) to a matrix, which
     *         double and U-centring remove
     */
    default boolean removesRowAndColumnEffects() {
        return false;
    }

    /** @return the name used on the command line and in reports */
    String name();

    /**
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
