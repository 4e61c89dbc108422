package org.dds.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.affinity.TiledAffinity;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.kernel.Laplacian;
import org.dds.core.normalization.BatchNorm;
import org.dds.core.MapShape;
import org.dds.io.FeatureReader;
import org.dds.io.NpyPrecision;
import org.dds.io.NpyWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job on {@code local[2]} against the single-machine paths of dds-core on the same .npy files: the
 * whole-matrix path (checked against the numpy reference by dds-core's tests) and the tiled path. One Spark context
 * serves the whole class; {@code local[2,2]} lets a failed task be retried once, as a cluster would.
 */
class SparkAffinityTest {
    /** The bar: the Spark path equals the single-machine path to 1e-9. */
    private static final double SAME = 1e-9;

    /** Tiles that failed on their first attempt (the hook runs in the executor threads of this JVM). */
    private static final Set<Integer> FAILED = ConcurrentHashMap.newKeySet();
    /** Tiles computed on a retry. */
    private static final Set<Integer> RETRIED = ConcurrentHashMap.newKeySet();

    @TempDir
    static Path dir;

    private static JavaSparkContext sc;
    private static FeatureSet set;

    @BeforeAll
    static void start() throws IOException {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("SparkAffinityTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
        sc.setLogLevel("ERROR");
        // Five models of 30 images x 2 x 2 x 3 maps: random projections of shared latent images.
        List<FeatureMatrix> models = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] latent = new double[30 * 3];
        for (int k = 0; k < latent.length; k++) {
            latent[k] = r.nextGaussian();
        }
        for (int m = 0; m < 5; m++) {
            double[] v = new double[30 * 12];
            for (int i = 0; i < 30; i++) {
                for (int k = 0; k < 12; k++) {
                    v[i * 12 + k] = 2.0 + latent[i * 3 + k % 3] * (1 + m) + r.nextGaussian() * 0.7;
                }
            }
            models.add(FeatureMatrix.of("model" + m, 30, 12, v));
            NpyWriter.write(dir.resolve("model" + m + ".npy"), models.get(m), NpyPrecision.FLOAT64);
        }
        Files.writeString(dir.resolve("models.txt"), "model3\nmodel0\nmodel1\nmodel2\nmodel4\n");
        set = FeatureReader.read(dir);
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    private static void assertSame(AffinityMatrix actual, AffinityMatrix expected, String what) {
        assertThat(actual.names()).as("model order").isEqualTo(expected.names());
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                assertThat(actual.get(i, j)).as("%s entry (%d,%d)", what, i, j)
                        .isCloseTo(expected.get(i, j), within(SAME));
            }
        }
    }

    @Test
    void equalsTheSingleMachinePaths() {
        DdsConfig config = DdsConfig.defaults();
        HadoopFeatures features = HadoopFeatures.find(dir.toString(), sc.hadoopConfiguration());
        List<int[]> told = new ArrayList<>();
        AffinityMatrix spark = SparkAffinity.compute(sc, features, 30, config, 8,
                (done, total) -> told.add(new int[] {done, total}), SparkAffinity.TileHook.NONE);
        assertSame(spark, AffinityMatrix.compute(set, config), "spark vs whole-matrix");
        assertSame(spark, TiledAffinity.compute(FeatureReader.sources(dir), config, 8,
                TiledAffinity.Progress.NONE), "spark vs tiled");
        // 30 images in blocks of 8: 4 blocks, 10 tiles; progress ends at 10 of 10.
        assertThat(told).isNotEmpty();
        assertThat(told.get(told.size() - 1)).containsExactly(10, 10);
    }

    /** A map normalisation, the Laplacian kernel and biased centring, on the first 25 images. */
    @Test
    void equalsTheWholeMatrixPathForAnotherDds() {
        DdsConfig config = new DdsConfig(new BatchNorm(new MapShape(2, 2, 3)), new Laplacian(),
                new Cka(Centering.BIASED));
        HadoopFeatures features = HadoopFeatures.find(dir.toString(), sc.hadoopConfiguration());
        AffinityMatrix spark = SparkAffinity.compute(sc, features, 25, config, 6, TiledAffinity.Progress.NONE,
                SparkAffinity.TileHook.NONE);
        assertSame(spark, AffinityMatrix.compute(set.firstImages(25), config), "spark vs whole-matrix");
    }

    /** Tile 3's task fails on its first attempt; Spark retries it and the matrix is the same. */
    @Test
    void aTaskThatFailsOnceIsRetriedAndTheResultIsUnchanged() {
        DdsConfig config = DdsConfig.defaults();
        HadoopFeatures features = HadoopFeatures.find(dir.toString(), sc.hadoopConfiguration());
        AffinityMatrix spark = SparkAffinity.compute(sc, features, 30, config, 8, TiledAffinity.Progress.NONE,
                (tile, attempt) -> {
                    if (tile == 3 && attempt == 0) {
                        FAILED.add(tile);
                        throw new IllegalStateException("injected failure of tile 3, attempt 0");
                    }
                    if (attempt > 0) {
                        RETRIED.add(tile);
                    }
                });
        assertThat(FAILED).as("the injected failure happened").containsExactly(3);
        assertThat(RETRIED).as("Spark retried the failed tile").contains(3);
        assertSame(spark, AffinityMatrix.compute(set, config), "retried spark vs whole-matrix");
    }

    /**
     * The automatic tile leaves no task slot idle for want of tiles: 3 tiles per slot at least. Hand counts: 2500
     * images in tiles of 1716 are 2 blocks, 3 tiles, fewer than 3 x 2 slots; 3 blocks of 834 give 6. 5000 images in
     * tiles of 1336 are 4 blocks, 10 tiles: unchanged.
     */
    @Test
    void automaticTilesAreEnoughForTheSlots() {
        assertThat(SparkAffinity.forTasks(1716, 2500, 2)).isEqualTo(834);
        assertThat(SparkAffinity.forTasks(1336, 5000, 2)).isEqualTo(1336);
        // One image per block at most: 3 images give at most 6 tiles, whatever the slots.
        assertThat(SparkAffinity.forTasks(3, 3, 100)).isEqualTo(1);
    }
}
