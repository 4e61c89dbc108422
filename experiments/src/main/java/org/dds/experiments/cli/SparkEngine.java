package org.dds.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.spark.HadoopFeatures;
import org.dds.spark.SparkAffinity;

/**
 * {@code dds affinity --engine spark}: the tiled affinity as a Spark job with this process as the driver, embedded
 * ({@code --master local[2]}) or against a cluster's master. Spark's own INFO logs stay quiet; progress (tiles done,
 * ETA) goes to stderr.
 */
final class SparkEngine {
    private SparkEngine() {
    }

    /**
     * @param features a directory of {@code <model>.npy} files or one {@code .npy} (local or a Hadoop URI)
     * @param images   n, the first images to use
     * @param config   the DDS
     * @param tile     images per block, 0 for automatic
     * @param master   the Spark master, e.g. {@code local[2]}
     * @param err      stderr, for progress
     * @return the affinity matrix
     */
    static AffinityMatrix compute(Path features, int images, DdsConfig config, int tile, String master,
            PrintWriter err) {
        SparkConf conf = new SparkConf().setAppName("dds affinity").setMaster(master)
                .setIfMissing("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            // Embedded: no network beyond this machine.
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            HadoopFeatures found = HadoopFeatures.find(features.toString(), sc.hadoopConfiguration());
            return SparkAffinity.compute(sc, found, images, config, tile,
                    new AffinityEngine.StderrProgress(err, "affinity (spark " + master + ")"),
                    SparkAffinity.TileHook.NONE);
        }
    }
}
