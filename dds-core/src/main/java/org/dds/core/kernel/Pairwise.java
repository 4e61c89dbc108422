package org.dds.core.kernel;

import java.util.stream.IntStream;

import org.dds.core.numeric.MatrixProducts;

/**
 * The two O(n^2 d) kernels behind every f: the Gram matrix of the rows and their Manhattan distances, each
 * returned as a full, exactly symmetric n x n matrix.
 *
 * <p>On the CPU with the JDK's vector module present ({@code --add-modules jdk.incubator.vector}, passed by the
 * {@code dds} launcher and the test runner) both run as SIMD Java loops that compute only the upper triangle
 * ({@link VectorKernels}); this is 2-4x faster than ND4J's BLAS product for the ablation's 200 x 2048 matrices
 * on two cores. Large Gram products (a few hundred rows or more, {@link MatrixProducts#worthNative}), such as the
 * tiles of the tiled engine and the whole-matrix engine's n x n Gram matrices, go to OpenBLAS on the CPU instead
 * ({@code dsyrk} / {@code dgemm}, 2-3x faster than the loops there). Without the module the Gram matrix is one ND4J
 * product (BLAS on the CPU, cuBLAS with the CUDA backend) ({@link MatrixProducts}) and Manhattan distances a scalar
 * loop that compares one row with four others at a time.
 */
final class Pairwise {
    /** Whether {@code jdk.incubator.vector} was added to the module graph at start-up. */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Pairwise() {
    }

    /**
     * @param a row-major n x d
     * @param n rows
     * @param d columns
     * @return A A^T, row-major n x n, exactly symmetric
     */
    static double[] gram(double[] a, int n, int d) {
        double[] out;
        if (MatrixProducts.worthNative(n, n, d)) {
            out = new double[n * n];
            MatrixProducts.upperGram(a, n, d, out);
        } else if (VECTOR_API && MatrixProducts.onCpu()) {
            out = new double[n * n];
            VectorKernels.gramRows(a, n, d, out);
        } else if (MatrixProducts.available()) {
            out = MatrixProducts.gram(a, n, d);
        } else {
            out = scalarProduct(a, n, a, n, d);
        }
        mirrorUpper(out, n);
        return out;
    }

    /**
     * @param z row-major n x d
     * @param n rows
     * @param d columns
     * @return ||z_i - z_j||_1, row-major n x n, zero diagonal
     */
    static double[] manhattan(double[] z, int n, int d) {
        double[] out = new double[n * n];
        if (VECTOR_API) {
            VectorKernels.manhattanRows(z, n, d, out);
        } else {
            IntStream.range(0, n).parallel().forEach(i -> row(z, n, d, i, out));
        }
        mirrorUpper(out, n);
        return out;
    }

    /**
     * @param a  row-major na x d
     * @param na rows of a
     * @param b  row-major nb x d
     * @param nb rows of b
     * @param d  columns
     * @return A B^T, row-major na x nb
     */
    static double[] crossGram(double[] a, int na, double[] b, int nb, int d) {
        if (MatrixProducts.worthNative(na, nb, d)) {
            double[] out = new double[na * nb];
            MatrixProducts.crossProduct(a, na, b, nb, d, out);
            return out;
        }
        if (VECTOR_API && MatrixProducts.onCpu()) {
            return cross(a, na, b, nb, d, true);
        }
        return MatrixProducts.available() ? MatrixProducts.product(a, na, b, nb, d) : scalarProduct(a, na, b, nb, d);
    }

    /** A B^T with plain loops, for a process with neither the vector module nor ND4J. */
    private static double[] scalarProduct(double[] a, int na, double[] b, int nb, int d) {
        double[] out = new double[na * nb];
        IntStream.range(0, na).parallel().forEach(i -> {
            for (int j = 0; j < nb; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += a[i * d + k] * b[j * d + k];
                }
                out[i * nb + j] = s;
            }
        });
        return out;
    }

    /**
     * @param a  row-major na x d
     * @param na rows of a
     * @param b  row-major nb x d
     * @param nb rows of b
     * @param d  columns
     * @return ||a_i - b_j||_1, row-major na x nb, summed directly
     */
    static double[] crossManhattan(double[] a, int na, double[] b, int nb, int d) {
        if (VECTOR_API) {
            return cross(a, na, b, nb, d, false);
        }
        double[] out = new double[na * nb];
        IntStream.range(0, na).parallel().forEach(i -> {
            for (int j = 0; j < nb; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += Math.abs(a[i * d + k] - b[j * d + k]);
                }
                out[i * nb + j] = s;
            }
        });
        return out;
    }

    private static double[] cross(double[] a, int na, double[] b, int nb, int d, boolean dot) {
        double[] z = new double[(na + nb) * d];
        System.arraycopy(a, 0, z, 0, na * d);
        System.arraycopy(b, 0, z, na * d, nb * d);
        double[] out = new double[na * nb];
        VectorKernels.crossRows(z, na + nb, d, na, dot, out);
        return out;
    }

    private static void mirrorUpper(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[j * n + i] = out[i * n + j];
            }
        }
    }

    private static void row(double[] z, int n, int d, int i, double[] out) {
        int a = i * d;
        int j = i + 1;
        for (; j + 3 < n; j += 4) {
            int b0 = j * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < d; k++) {
                double v = z[a + k];
                s0 += Math.abs(v - z[b0 + k]);
                s1 += Math.abs(v - z[b1 + k]);
                s2 += Math.abs(v - z[b2 + k]);
                s3 += Math.abs(v - z[b3 + k]);
            }
            out[i * n + j] = s0;
            out[i * n + j + 1] = s1;
            out[i * n + j + 2] = s2;
            out[i * n + j + 3] = s3;
        }
        for (; j < n; j++) {
            int b = j * d;
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += Math.abs(z[a + k] - z[b + k]);
            }
            out[i * n + j] = s;
        }
    }
}
