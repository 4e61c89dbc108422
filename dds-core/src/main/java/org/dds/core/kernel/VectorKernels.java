package org.dds.core.kernel;

import java.util.stream.IntStream;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pairwise kernels with the JDK's vector API (SIMD lanes of the widest width the CPU has): Manhattan distances
 * and the Gram matrix, upper triangle only. Two rows are compared with four others per pass (eight sums in
 * registers, six loads per eight lane operations). Pairs of rows are scheduled as (p, last - p) so that every
 * task has the same amount of work. Loaded only when the module {@code jdk.incubator.vector} is present
 * ({@code --add-modules jdk.incubator.vector}, as the {@code dds} launcher and the test runner pass);
 * {@link Pairwise} falls back to scalar code or ND4J's BLAS otherwise.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /** Fills the strict upper triangle of {@code out} with Manhattan distances between rows. */
    static void manhattanRows(double[] z, int n, int d, double[] out) {
        forRowPairs(n, i -> rows(z, n, d, i, Math.min(i + 2, n), i + 1, false, out, n, 0));
    }

    /** Fills the upper triangle (diagonal included) of {@code out} with the dot products of rows. */
    static void gramRows(double[] z, int n, int d, double[] out) {
        forRowPairs(n, i -> rows(z, n, d, i, Math.min(i + 2, n), i, true, out, n, 0));
    }

    /**
     * Rows 0..first-1 of {@code z} against rows first..n-1: their dot products ({@code dot}) or Manhattan
     * distances, into {@code out} as a first x (n - first) row-major block.
     */
    static void crossRows(double[] z, int n, int d, int first, boolean dot, double[] out) {
        int pairs = (first + 1) / 2;
        IntStream.range(0, pairs).parallel().forEach(p -> {
            int i = 2 * p;
            rows(z, n, d, i, Math.min(i + 2, first), first, dot, out, n - first, first);
        });
    }

    /** Runs {@code body} for i = 0, 2, 4, ... (each handling rows i and i+1), balancing first and last. */
    private static void forRowPairs(int n, java.util.function.IntConsumer body) {
        int pairs = (n + 1) / 2;
        IntStream.range(0, (pairs + 1) / 2).parallel().forEach(p -> {
            body.accept(2 * p);
            int q = pairs - 1 - p;
            if (q != p) {
                body.accept(2 * q);
            }
        });
    }

    /**
     * Rows i0 (and i0 + 1 when i1 = i0 + 2) against every row j >= jStart; entries below the diagonal that the
     * blocking computes for the second row are not written (unless the block is off the diagonal: jStart >= i1).
     * Entry (i, j) goes to out[i * stride + j - colOffset].
     */
    private static void rows(double[] z, int n, int d, int i0, int i1, int jStart, boolean dot, double[] out,
            int stride, int colOffset) {
        boolean two = i1 - i0 == 2;
        int a0 = i0 * d;
        int a1 = two ? a0 + d : a0;
        double[] s = new double[8];
        int j = jStart;
        int second = jStart >= i1 ? jStart : jStart + 1;
        int r0 = i0 * stride - colOffset;
        int r1 = r0 + stride;
        for (; j + 3 < n; j += 4) {
            block(z, d, a0, a1, j * d, dot, s);
            for (int c = 0; c < 4; c++) {
                out[r0 + j + c] = s[c];
                if (two && j + c >= second) {
                    out[r1 + j + c] = s[4 + c];
                }
            }
        }
        for (; j < n; j++) {
            out[r0 + j] = single(z, d, a0, j * d, dot);
            if (two && j >= second) {
                out[r1 + j] = single(z, d, a1, j * d, dot);
            }
        }
    }

    /** Sums of rows a0 and a1 against the four consecutive rows starting at b0, into s[0..3] and s[4..7]. */
    private static void block(double[] z, int d, int a0, int a1, int b0, boolean dot, double[] s) {
        int b1 = b0 + d;
        int b2 = b1 + d;
        int b3 = b2 + d;
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector s00 = zero;
        DoubleVector s01 = zero;
        DoubleVector s02 = zero;
        DoubleVector s03 = zero;
        DoubleVector s10 = zero;
        DoubleVector s11 = zero;
        DoubleVector s12 = zero;
        DoubleVector s13 = zero;
        int k = 0;
        if (dot) {
            for (; k < bound; k += step) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, z, a0 + k);
                DoubleVector y = DoubleVector.fromArray(SPECIES, z, a1 + k);
                DoubleVector v0 = DoubleVector.fromArray(SPECIES, z, b0 + k);
                DoubleVector v1 = DoubleVector.fromArray(SPECIES, z, b1 + k);
                DoubleVector v2 = DoubleVector.fromArray(SPECIES, z, b2 + k);
                DoubleVector v3 = DoubleVector.fromArray(SPECIES, z, b3 + k);
                s00 = x.fma(v0, s00);
                s01 = x.fma(v1, s01);
                s02 = x.fma(v2, s02);
                s03 = x.fma(v3, s03);
                s10 = y.fma(v0, s10);
                s11 = y.fma(v1, s11);
                s12 = y.fma(v2, s12);
                s13 = y.fma(v3, s13);
            }
        } else {
            for (; k < bound; k += step) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, z, a0 + k);
                DoubleVector y = DoubleVector.fromArray(SPECIES, z, a1 + k);
                DoubleVector v0 = DoubleVector.fromArray(SPECIES, z, b0 + k);
                DoubleVector v1 = DoubleVector.fromArray(SPECIES, z, b1 + k);
                DoubleVector v2 = DoubleVector.fromArray(SPECIES, z, b2 + k);
                DoubleVector v3 = DoubleVector.fromArray(SPECIES, z, b3 + k);
                s00 = s00.add(x.sub(v0).abs());
                s01 = s01.add(x.sub(v1).abs());
                s02 = s02.add(x.sub(v2).abs());
                s03 = s03.add(x.sub(v3).abs());
                s10 = s10.add(y.sub(v0).abs());
                s11 = s11.add(y.sub(v1).abs());
                s12 = s12.add(y.sub(v2).abs());
                s13 = s13.add(y.sub(v3).abs());
            }
        }
        s[0] = s00.reduceLanes(VectorOperators.ADD);
        s[1] = s01.reduceLanes(VectorOperators.ADD);
        s[2] = s02.reduceLanes(VectorOperators.ADD);
        s[3] = s03.reduceLanes(VectorOperators.ADD);
        s[4] = s10.reduceLanes(VectorOperators.ADD);
        s[5] = s11.reduceLanes(VectorOperators.ADD);
        s[6] = s12.reduceLanes(VectorOperators.ADD);
        s[7] = s13.reduceLanes(VectorOperators.ADD);
        for (; k < d; k++) {
            double x = z[a0 + k];
            double y = z[a1 + k];
            s[0] += term(x, z[b0 + k], dot);
            s[1] += term(x, z[b1 + k], dot);
            s[2] += term(x, z[b2 + k], dot);
            s[3] += term(x, z[b3 + k], dot);
            s[4] += term(y, z[b0 + k], dot);
            s[5] += term(y, z[b1 + k], dot);
            s[6] += term(y, z[b2 + k], dot);
            s[7] += term(y, z[b3 + k], dot);
        }
    }

    private static double single(double[] z, int d, int a, int b, boolean dot) {
        int bound = SPECIES.loopBound(d);
        DoubleVector s = DoubleVector.zero(SPECIES);
        int k = 0;
        for (; k < bound; k += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, a + k);
            DoubleVector v = DoubleVector.fromArray(SPECIES, z, b + k);
            s = dot ? x.fma(v, s) : s.add(x.sub(v).abs());
        }
        double r = s.reduceLanes(VectorOperators.ADD);
        for (; k < d; k++) {
            r += term(z[a + k], z[b + k], dot);
        }
        return r;
    }

    private static double term(double x, double y, boolean dot) {
        return dot ? x * y : Math.abs(x - y);
    }
}
