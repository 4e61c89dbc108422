package org.dds.core.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.ComparisonType;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.NormalizationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Algebraic properties of DDS that hold for every (normalisation, f, g): symmetry, DDS(X, X) = 1, agreement of
 * the one-product affinity matrix with the naive per-pair computation, and invariance to permuting feature
 * columns (map positions for the map normalisations), on seeded random features.
 */
class DdsPropertiesTest {

    /** Algebraic identities hold to rounding; 1e-12 per STYLE.md. */
    private static final double IDENTITY = 1e-12;

    /** A 4 x 4 x 4 map, 64 features, so that the map normalisations apply. */
    static final MapShape SHAPE = new MapShape(4, 4, 4);

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (NormalizationType n : NormalizationType.values()) {
            for (FunctionType f : FunctionType.values()) {
                for (ComparisonType g : ComparisonType.values()) {
                    out.add(Arguments.of(n, f, g));
                }
            }
        }
        return out.stream();
    }

    static FeatureMatrix random(String name, int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextDouble() * 2 - 1 + (k % 3) * 0.5;
        }
        return FeatureMatrix.of(name, n, d, v);
    }

    static DdsConfig config(NormalizationType n, FunctionType f, ComparisonType g) {
        MatrixComparison c = g.create(Centering.UNBIASED);
        return new DdsConfig(n.create(SHAPE), f.create(), c);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configs")
    void selfSimilarityIsOneAndMatrixIsSymmetricAndEqualsNaive(NormalizationType n, FunctionType f,
            ComparisonType g) {
        FeatureSet set = new FeatureSet(List.of(random("a", 12, 64, 1), random("b", 12, 64, 2),
                random("c", 12, 64, 3)));
        DdsConfig config = config(n, f, g);
        AffinityMatrix fast = AffinityMatrix.compute(set, config);
        AffinityMatrix naive = AffinityMatrix.computeNaive(set, config);
        for (int i = 0; i < 3; i++) {
            assertThat(fast.get(i, i)).as("DDS(X, X)").isCloseTo(1.0, within(IDENTITY));
            for (int j = 0; j < 3; j++) {
                assertThat(fast.get(i, j)).as("symmetry").isEqualTo(fast.get(j, i));
                assertThat(fast.get(i, j)).as("one product = per pair").isCloseTo(naive.get(i, j), within(IDENTITY));
                assertThat(fast.get(i, j)).isBetween(-1.0 - IDENTITY, 1.0 + IDENTITY);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configs")
    void invariantToPermutingFeatures(NormalizationType n, FunctionType f, ComparisonType g) {
        FeatureMatrix x = random("x", 10, 64, 7);
        FeatureMatrix y = random("y", 10, 64, 8);
        // Permute map positions and keep each column's channel (k % C), so the map normalisations see the same
        // channels; for the column normalisations any permutation would do.
        int c = SHAPE.channels();
        int positions = 64 / c;
        int[] perm = new int[positions];
        for (int p = 0; p < positions; p++) {
            perm[p] = (p * 7 + 3) % positions;
        }
        double[] v = x.toArray();
        double[] w = new double[v.length];
        for (int i = 0; i < 10; i++) {
            for (int p = 0; p < positions; p++) {
                for (int ch = 0; ch < c; ch++) {
                    w[i * 64 + perm[p] * c + ch] = v[i * 64 + p * c + ch];
                }
            }
        }
        FeatureMatrix xp = FeatureMatrix.of("xp", 10, 64, w);
        DdsConfig config = config(n, f, g);
        assertThat(Dds.similarity(xp, y, config)).isCloseTo(Dds.similarity(x, y, config), within(IDENTITY));
    }
}
