package org.dds.core.kernel;

import java.util.stream.IntStream;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pairwise kernels with the JDK's vector API (SIMD lanes of the widest width the CPU has): Manhattan distances
 * and the Gram matrix. Loaded only when the module {@code jdk.incubator.vector} is present
 * ({@code --add-modules jdk.incubator.vector}, as the {@code dds} launcher and the test runner pass);
 * {@link Pairwise} falls back to scalar code or ND4J's BLAS otherwise.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /** Fills the strict upper triangle of {@code out} with Manhattan distances between rows. */
    static void manhattanRows(double[] z, int n, int d, double[] out) {
        IntStream.range(0, n).parallel().forEach(i -> row(z, n, d, i, out));
    }

    /**
     * Fills the upper triangle (diagonal included) of {@code out} with the dot products of rows: one row against
     * four others per pass, fused multiply-adds in SIMD lanes. Row i is paired with row n-1-i so that both
     * threads get the same amount of work.
     */
    static void gramRows(double[] z, int n, int d, double[] out) {
        IntStream.range(0, (n + 1) / 2).parallel().forEach(p -> {
            gramRow(z, n, d, p, out);
            if (n - 1 - p != p) {
                gramRow(z, n, d, n - 1 - p, out);
            }
        });
    }

    private static void gramRow(double[] z, int n, int d, int i, double[] out) {
        int a = i * d;
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        int j = i;
        for (; j + 3 < n; j += 4) {
            int b0 = j * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            int k = 0;
            for (; k < bound; k += step) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, z, a + k);
                s0 = x.fma(DoubleVector.fromArray(SPECIES, z, b0 + k), s0);
                s1 = x.fma(DoubleVector.fromArray(SPECIES, z, b1 + k), s1);
                s2 = x.fma(DoubleVector.fromArray(SPECIES, z, b2 + k), s2);
                s3 = x.fma(DoubleVector.fromArray(SPECIES, z, b3 + k), s3);
            }
            double r0 = s0.reduceLanes(VectorOperators.ADD);
            double r1 = s1.reduceLanes(VectorOperators.ADD);
            double r2 = s2.reduceLanes(VectorOperators.ADD);
            double r3 = s3.reduceLanes(VectorOperators.ADD);
            for (; k < d; k++) {
                double v = z[a + k];
                r0 += v * z[b0 + k];
                r1 += v * z[b1 + k];
                r2 += v * z[b2 + k];
                r3 += v * z[b3 + k];
            }
            out[i * n + j] = r0;
            out[i * n + j + 1] = r1;
            out[i * n + j + 2] = r2;
            out[i * n + j + 3] = r3;
        }
        for (; j < n; j++) {
            int b = j * d;
            DoubleVector s = DoubleVector.zero(SPECIES);
            int k = 0;
            for (; k < bound; k += step) {
                s = DoubleVector.fromArray(SPECIES, z, a + k).fma(DoubleVector.fromArray(SPECIES, z, b + k), s);
            }
            double r = s.reduceLanes(VectorOperators.ADD);
            for (; k < d; k++) {
                r += z[a + k] * z[b + k];
            }
            out[i * n + j] = r;
        }
    }

    private static void row(double[] z, int n, int d, int i, double[] out) {
        int a = i * d;
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        int j = i + 1;
        for (; j + 3 < n; j += 4) {
            int b0 = j * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            int k = 0;
            for (; k < bound; k += step) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, z, a + k);
                s0 = s0.add(x.sub(DoubleVector.fromArray(SPECIES, z, b0 + k)).abs());
                s1 = s1.add(x.sub(DoubleVector.fromArray(SPECIES, z, b1 + k)).abs());
                s2 = s2.add(x.sub(DoubleVector.fromArray(SPECIES, z, b2 + k)).abs());
                s3 = s3.add(x.sub(DoubleVector.fromArray(SPECIES, z, b3 + k)).abs());
            }
            double r0 = s0.reduceLanes(VectorOperators.ADD);
            double r1 = s1.reduceLanes(VectorOperators.ADD);
            double r2 = s2.reduceLanes(VectorOperators.ADD);
            double r3 = s3.reduceLanes(VectorOperators.ADD);
            for (; k < d; k++) {
                double v = z[a + k];
                r0 += Math.abs(v - z[b0 + k]);
                r1 += Math.abs(v - z[b1 + k]);
                r2 += Math.abs(v - z[b2 + k]);
                r3 += Math.abs(v - z[b3 + k]);
            }
            out[i * n + j] = r0;
            out[i * n + j + 1] = r1;
            out[i * n + j + 2] = r2;
            out[i * n + j + 3] = r3;
        }
        for (; j < n; j++) {
            int b = j * d;
            DoubleVector s = DoubleVector.zero(SPECIES);
            int k = 0;
            for (; k < bound; k += step) {
                s = s.add(DoubleVector.fromArray(SPECIES, z, a + k).sub(DoubleVector.fromArray(SPECIES, z, b + k)).abs());
            }
            double r = s.reduceLanes(VectorOperators.ADD);
            for (; k < d; k++) {
                r += Math.abs(z[a + k] - z[b + k]);
            }
            out[i * n + j] = r;
        }
    }
}
