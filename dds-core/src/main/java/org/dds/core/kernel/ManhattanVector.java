package org.dds.core.kernel;

import java.util.stream.IntStream;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pairwise Manhattan distances with the JDK's vector API (SIMD lanes of the widest width the CPU has). Loaded
 * only when the module {@code jdk.incubator.vector} is present ({@code --add-modules jdk.incubator.vector}, as
 * the {@code dds} launcher and the test runner pass); {@link Manhattan} falls back to scalar code otherwise.
 */
final class ManhattanVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private ManhattanVector() {
    }

    static void rows(double[] z, int n, int d, double[] out) {
        IntStream.range(0, n).parallel().forEach(i -> row(z, n, d, i, out));
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
