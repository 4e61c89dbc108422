package org.dds.core.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.FeatureSource;
import org.dds.core.MapShape;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.UpperTrianglePearson;
import org.dds.core.comparison.UpperTriangleSpearman;
import org.dds.core.kernel.CosineDistance;
import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.NormalizationType;
import org.dds.core.normalization.RowBlockNormalizer;
import org.dds.core.normalization.ZScore;
import org.dds.core.numeric.MatrixProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tiled affinity matrix against the whole-matrix one ({@link AffinityMatrix#compute}, itself checked against
 * the numpy reference by {@code ReferenceAffinityTest}) for every normalisation x f x CKA centring and for g =
 * Pearson, on seeded random features whose tiles do not divide n (the last block is short), with a common
 * offset per feature so that the Gram shortcuts' safeguards are exercised.
 */
class TiledAffinityTest {

    /** The bar: the tiled path equals the whole-matrix path to 1e-9. */
    private static final double SAME = 1e-9;

    /** A 2 x 2 x 4 map, 16 features, so that the map normalisations apply. */
    private static final MapShape SHAPE = new MapShape(2, 2, 4);

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (NormalizationType n : NormalizationType.values()) {
            for (FunctionType f : FunctionType.values()) {
                for (Centering c : Centering.values()) {
                    out.add(Arguments.of(n, f, new Cka(c)));
                }
                out.add(Arguments.of(n, f, new UpperTrianglePearson()));
            }
        }
        return out.stream();
    }

    /** T models of n images: model m is a random projection of shared latent images plus its own noise. */
    static FeatureSet models(int t, int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] latent = new double[n * 4];
        for (int k = 0; k < latent.length; k++) {
            latent[k] = r.nextGaussian();
        }
        List<FeatureMatrix> out = new ArrayList<>();
        for (int m = 0; m < t; m++) {
            double[] w = new double[4 * d];
            for (int k = 0; k < w.length; k++) {
                w[k] = r.nextGaussian();
            }
            double[] v = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    double s = 3.0 + k % 5 + (1 + m) * 0.5 * r.nextGaussian();
                    for (int l = 0; l < 4; l++) {
                        s += latent[i * 4 + l] * w[l * d + k];
                    }
                    v[i * d + k] = s;
                }
            }
            out.add(FeatureMatrix.of("m" + m, n, d, v));
        }
        return new FeatureSet(out);
    }

    static List<FeatureSource> sources(FeatureSet set) {
        return set.models().stream().map(FeatureSource::of).toList();
    }

    @ParameterizedTest(name = "{0} x {1} x {2}")
    @MethodSource("configs")
    void equalsTheWholeMatrixPath(NormalizationType n, FunctionType f, org.dds.core.comparison.MatrixComparison g) {
        FeatureSet set = models(4, 23, SHAPE.size(), 13);
        DdsConfig config = new DdsConfig(n.create(SHAPE), f.create(), g);
        double[][] expected = AffinityMatrix.compute(set, config).toArray();
        double[][] tiled = TiledAffinity.compute(sources(set), config, 7, TiledAffinity.Progress.NONE).toArray();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertThat(tiled[i][j]).as("%s entry (%d,%d)", config.label(), i, j)
                        .isCloseTo(expected[i][j], within(SAME));
            }
        }
    }

    /** One tile (b >= n), one image per block (b = 1) and a tile dividing n give the same matrix. */
    @Test
    void everyTileSizeGivesTheSameMatrix() {
        FeatureSet set = models(3, 24, 10, 5);
        DdsConfig config = DdsConfig.defaults();
        double[][] expected = AffinityMatrix.compute(set, config).toArray();
        for (int b : new int[] {1, 5, 8, 24, 100}) {
            double[][] tiled = TiledAffinity.compute(sources(set), config, b, TiledAffinity.Progress.NONE).toArray();
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected.length; j++) {
                    assertThat(tiled[i][j]).as("b = %d, entry (%d,%d)", b, i, j)
                            .isCloseTo(expected[i][j], within(SAME));
                }
            }
        }
    }

    /**
     * The RBF median found in passes over tiles is numpy's median of all n^2 entries, also when many distances tie
     * (a third of the images repeated, so that the middle ranks fall among equal values).
     */
    @Test
    void rbfMedianWithTiedDistances() {
        FeatureSet base = models(2, 30, 6, 21);
        int[] rows = new int[30];
        for (int i = 0; i < 30; i++) {
            rows[i] = i < 10 ? i : i % 10 + (i < 20 ? 0 : 10);
        }
        FeatureSet set = base.selectImages(rows);
        DdsConfig config = new DdsConfig(NormalizationType.IDENTITY.create(null), FunctionType.RBF.create(),
                new Cka(Centering.BIASED));
        double[][] expected = AffinityMatrix.compute(set, config).toArray();
        double[][] tiled = TiledAffinity.compute(sources(set), config, 4, TiledAffinity.Progress.NONE).toArray();
        assertThat(tiled[0][1]).as("rbf with ties").isCloseTo(expected[0][1], within(SAME));
    }

    /** Progress is told once per tile, ending at the total B(B+1)/2 (B = ceil(23 / 7) = 4 blocks: 10 tiles). */
    @Test
    void progressCountsTiles() {
        List<int[]> told = new ArrayList<>();
        TiledAffinity.compute(sources(models(2, 23, 5, 3)), DdsConfig.defaults(), 7,
                (done, total) -> told.add(new int[] {done, total}));
        assertThat(told).hasSize(10);
        assertThat(told.get(9)).containsExactly(10, 10);
    }

    @Test
    void spearmanIsRefusedInOneSentence() {
        DdsConfig config = new DdsConfig(new ZScore(), new CosineDistance(), new UpperTriangleSpearman());
        assertThatThrownBy(() -> TiledAffinity.compute(sources(models(2, 10, 4, 1)), config, 4,
                TiledAffinity.Progress.NONE))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("g = spearman has no tiled form")
                .hasMessageContaining("comparison cka or pearson");
    }

    @Test
    void modelsWithDifferentImagesAreRefused() {
        List<FeatureSource> two = List.of(FeatureSource.of(models(1, 10, 4, 1).models().get(0)),
                FeatureSource.of(models(1, 9, 4, 2).models().get(0).withName("other")));
        assertThatThrownBy(() -> TiledAffinity.compute(two, DdsConfig.defaults(), 4, TiledAffinity.Progress.NONE))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("'other' have 9 rows but 'm0' has 10");
    }

    /** A block normalised with the statistics of all rows is the same bits as those rows of the whole matrix. */
    @ParameterizedTest
    @EnumSource(NormalizationType.class)
    void blockNormalisationIsTheWholeMatrixNormalisation(NormalizationType type) {
        FeatureMatrix x = models(1, 17, SHAPE.size(), 8).models().get(0);
        Normalization norm = type.create(SHAPE);
        double[] whole = norm.apply(x).toArray();
        RowBlockNormalizer fitted = norm.fit(FeatureSource.of(x));
        int d = x.cols();
        double[] block = new double[5 * d];
        FeatureSource.of(x).read(6, 11, block);
        fitted.normalize(block, 5);
        for (int k = 0; k < block.length; k++) {
            assertThat(block[k]).as("%s value %d", type, k).isEqualTo(whole[6 * d + k]);
        }
    }

    /**
     * Tiles of 400 images x 2048 features are computed by OpenBLAS ({@code dsyrk} on the diagonal, {@code dgemm}
     * off it), tiles of 100 images by the Java loops; both give the whole-matrix engine's matrix (whose 800 x 800
     * Gram matrix is itself an OpenBLAS product) to the 1e-9, for every f whose shortcuts use the Gram tile.
     */
    @ParameterizedTest
    @EnumSource(value = FunctionType.class, names = {"LINEAR", "PEARSON", "EUCLIDEAN", "COSINE"})
    void nativeTilesGiveTheSameMatrix(FunctionType f) {
        assumeTrue(MatrixProducts.nativeAvailable(), () -> {
            System.out.println("nativeTilesGiveTheSameMatrix skipped: OpenBLAS cannot be called directly here");
            return "no OpenBLAS";
        });
        int d = 2048;
        assertThat(MatrixProducts.worthNative(400, 400, d)).isTrue();
        assertThat(MatrixProducts.worthNative(100, 100, d)).isFalse();
        FeatureSet set = models(2, 800, d, 17);
        DdsConfig config = new DdsConfig(new ZScore(), f.create(), new Cka(Centering.UNBIASED));
        double[][] expected = AffinityMatrix.compute(set, config).toArray();
        double[][] nativeTiles = TiledAffinity.compute(sources(set), config, 400, TiledAffinity.Progress.NONE)
                .toArray();
        double[][] javaTiles = TiledAffinity.compute(sources(set), config, 100, TiledAffinity.Progress.NONE)
                .toArray();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertThat(nativeTiles[i][j]).as("%s, b = 400, entry (%d,%d)", f, i, j)
                        .isCloseTo(expected[i][j], within(SAME));
                assertThat(javaTiles[i][j]).as("%s, b = 100, entry (%d,%d)", f, i, j)
                        .isCloseTo(expected[i][j], within(SAME));
            }
        }
    }

    /**
     * Rows are read a few at a time (16 rows of 2048 features); a non-finite value is reported at its own image and
     * feature, found by the fit's first pass, and, in a tile, by the chunked read (the value is planted after the
     * fit, as a file changed between the passes would be).
     */
    @Test
    void aNonFiniteValueIsReportedWhereItIs() {
        int n = 40;
        int d = 2048;
        FeatureSet set = models(2, n, d, 29);
        double[] bad = FeatureMatrix.unsafeData(set.models().get(1)).clone();
        bad[37 * d + 5] = Double.NaN;
        List<FeatureSource> sources = List.of(FeatureSource.of(set.models().get(0)),
                FeatureSource.of("m1", n, d, (from, to, out) -> System.arraycopy(bad, from * d, out, 0,
                        (to - from) * d)));
        assertThatThrownBy(() -> TiledAffinity.compute(sources, DdsConfig.defaults(), 20, TiledAffinity.Progress.NONE))
                .isInstanceOf(DdsInputException.class)
                .hasMessage("features of model 'm1' contain NaN at image 37, feature 5: DDS needs finite values; fix "
                        + "or drop that image in every model");
        double[] later = FeatureMatrix.unsafeData(set.models().get(1)).clone();
        FeatureSource changing = FeatureSource.of("m1", n, d, (from, to, out) -> System.arraycopy(later, from * d,
                out, 0, (to - from) * d));
        TilePlan plan = TilePlan.fit(List.of(FeatureSource.of(set.models().get(0)), changing), DdsConfig.defaults(),
                20);
        later[37 * d + 5] = Double.POSITIVE_INFINITY;
        // Tile 2 is blocks (1, 1): images 20..39.
        assertThatThrownBy(() -> plan.compute(2, List.of(FeatureSource.of(set.models().get(0)), changing)))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("contain Infinity at image 37, feature 5");
    }

    /** The automatic tile fits T b^2 values in a quarter of the heap and stays within [64, n]. */
    @Test
    void automaticTileFollowsTheHeap() {
        // 1 GiB heap, 20 models, d = 2048: a = 28, c = 8192, budget = 2^28 / 8 * ... solved: b = 1,401.
        int b = TiledAffinity.automaticTile(20, 5000, 2048, 1L << 30);
        assertThat(28.0 * b * b + 8192.0 * b).as("working set, doubles").isLessThanOrEqualTo((1L << 30) / 4.0 / 8);
        assertThat(28.0 * (b + 1) * (b + 1) + 8192.0 * (b + 1)).isGreaterThan((1L << 30) / 4.0 / 8);
        assertThat(TiledAffinity.automaticTile(20, 50, 2048, 1L << 30)).isEqualTo(50);
        assertThat(TiledAffinity.automaticTile(1000, 100_000, 2048, 1L << 20)).isEqualTo(64);
    }
}
