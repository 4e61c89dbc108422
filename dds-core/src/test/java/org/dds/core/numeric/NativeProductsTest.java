package org.dds.core.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The direct OpenBLAS products of {@link MatrixProducts} ({@code dsyrk}, {@code dgemm}): every entry is the dot
 * product of two rows to float64 rounding, and the numbers do not depend on how many OpenBLAS threads compute them
 * (OpenBLAS splits rows and columns among threads, never a dot product), so a result does not depend on the cores
 * of the machine. The sizes are above the size at which the kernels call OpenBLAS.
 */
class NativeProductsTest {

    /**
     * Rounding of a float64 dot product of length d: |error| <= d u sum |a_k b_k| (Higham, Accuracy and Stability
     * of Numerical Algorithms, 2nd ed., eq. 3.5), u = 2^-53; with d = 2048, 2048 x 1.1e-16 = 2.3e-13.
     */
    private static final double DOT_BOUND = 2048 * Math.ulp(1.0) / 2;

    @BeforeEach
    void openBlasIsHere() {
        assumeTrue(MatrixProducts.nativeAvailable(), () -> {
            System.out.println("NativeProductsTest skipped: OpenBLAS cannot be called directly here (no ND4J CPU "
                    + "backend or no JavaCPP OpenBLAS binding on the class path)");
            return "no OpenBLAS";
        });
    }

    private static double[] random(int rows, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[rows * d];
        for (int k = 0; k < a.length; k++) {
            // An offset per feature, as un-centred features have, so that the products are not all near zero.
            a[k] = 2.0 + (k % d) % 7 + r.nextGaussian();
        }
        return a;
    }

    /** The dot product of row i of a and row j of b, and the sum of |a_ik b_jk| that bounds its rounding. */
    private static double[] dot(double[] a, int i, double[] b, int j, int d) {
        double s = 0;
        double abs = 0;
        for (int k = 0; k < d; k++) {
            double t = a[i * d + k] * b[j * d + k];
            s += t;
            abs += Math.abs(t);
        }
        return new double[] {s, abs};
    }

    @Test
    void upperGramIsTheDotProductsOfTheRows() {
        int n = 400;
        int d = 2048;
        assertThat(MatrixProducts.worthNative(n, n, d)).as("400 x 2048 is above the native threshold").isTrue();
        double[] a = random(n, d, 3);
        double[] out = new double[n * n];
        MatrixProducts.upperGram(a, n, d, out);
        for (int i = 0; i < n; i += 7) {
            for (int j = i; j < n; j += 3) {
                double[] e = dot(a, i, a, j, d);
                // Both sums round: twice the bound.
                assertThat(Math.abs(out[i * n + j] - e[0])).as("entry (%d,%d)", i, j)
                        .isLessThanOrEqualTo(2 * DOT_BOUND * e[1]);
            }
        }
    }

    @Test
    void crossProductIsTheDotProductsOfTheRows() {
        int na = 300;
        int nb = 500;
        int d = 2048;
        assertThat(MatrixProducts.worthNative(na, nb, d)).as("300 x 500 x 2048 is above the threshold").isTrue();
        double[] a = random(na, d, 5);
        double[] b = random(nb, d, 6);
        double[] out = new double[na * nb];
        MatrixProducts.crossProduct(a, na, b, nb, d, out);
        for (int i = 0; i < na; i += 7) {
            for (int j = 0; j < nb; j += 3) {
                double[] e = dot(a, i, b, j, d);
                assertThat(Math.abs(out[i * nb + j] - e[0])).as("entry (%d,%d)", i, j)
                        .isLessThanOrEqualTo(2 * DOT_BOUND * e[1]);
            }
        }
    }

    /** One, two and four OpenBLAS threads give bit-identical products. */
    @Test
    void theThreadCountDoesNotChangeTheNumbers() {
        int n = 400;
        int nb = 300;
        int d = 2048;
        double[] a = random(n, d, 7);
        double[] b = random(nb, d, 8);
        double[] gram1 = new double[n * n];
        double[] cross1 = new double[n * nb];
        MatrixProducts.upperGram(a, n, d, gram1, 1);
        MatrixProducts.crossProduct(a, n, b, nb, d, cross1, 1);
        for (int threads : new int[] {2, 4}) {
            double[] gram = new double[n * n];
            double[] cross = new double[n * nb];
            MatrixProducts.upperGram(a, n, d, gram, threads);
            MatrixProducts.crossProduct(a, n, b, nb, d, cross, threads);
            assertThat(gram).as("dsyrk on %d threads", threads).containsExactly(gram1);
            assertThat(cross).as("dgemm on %d threads", threads).containsExactly(cross1);
        }
    }

    @Test
    void smallProductsStayWithTheJavaLoops() {
        // The Table-2 ablation's 200 x 2048 Gram matrices: the vector-module loops were measured 2-4x faster there.
        assertThat(MatrixProducts.worthNative(200, 200, 2048)).isFalse();
        // Few rows, however long: a T x (tile entries) product of the tiles' sums.
        assertThat(MatrixProducts.worthNative(20, 20, 1 << 24)).isFalse();
    }
}
