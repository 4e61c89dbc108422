package org.dds.experiments.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.dds.core.FeatureSource;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.affinity.TiledAffinity;
import org.dds.io.FeatureReader;
import org.dds.spark.HadoopFeatures;
import org.dds.spark.SparkAffinity;

/**
 * One timed case of {@code dds bench affinity}, run by {@link AffinityBenchmark} in a JVM of its own so that its
 * peak resident memory is its own: the default DDS over the first n images of a directory of {@code .npy} files,
 * with one engine. Prints {@code seconds=<s> peak_rss_kib=<VmHWM>} and writes the matrix as CSV for the agreement
 * check. Arguments: engine (memory, tiled, spark), features directory, n, tile (0: automatic), matrix CSV.
 */
public final class AffinityCase {
    private AffinityCase() {
    }

    /**
     * @param args engine, features directory, n, tile, output CSV
     * @throws IOException if the CSV cannot be written
     */
    public static void main(String[] args) throws IOException {
        String engine = args[0];
        Path dir = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        int tile = Integer.parseInt(args[3]);
        DdsConfig config = DdsConfig.defaults();
        long t0 = System.nanoTime();
        AffinityMatrix a;
        switch (engine) {
            case "memory" -> a = AffinityMatrix.compute(FeatureReader.read(dir).firstImages(n), config);
            case "tiled" -> {
                List<FeatureSource> sources = FeatureReader.sources(dir).stream().map(s -> s.firstRows(n)).toList();
                a = TiledAffinity.compute(sources, config, tile, TiledAffinity.Progress.NONE);
            }
            case "spark" -> {
                SparkConf conf = new SparkConf().setAppName("dds bench").setMaster("local[2]")
                        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                        .set("spark.driver.bindAddress", "127.0.0.1");
                try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                    sc.setLogLevel("ERROR");
                    a = SparkAffinity.compute(sc, HadoopFeatures.find(dir.toString(), sc.hadoopConfiguration()), n,
                            config, tile, TiledAffinity.Progress.NONE, SparkAffinity.TileHook.NONE);
                }
            }
            default -> throw new IllegalArgumentException("engine " + engine);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8))) {
            for (int i = 0; i < a.size(); i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < a.size(); j++) {
                    row.append(j == 0 ? "" : ",").append(a.get(i, j));
                }
                w.println(row);
            }
        }
        System.out.printf(Locale.ROOT, "seconds=%.3f peak_rss_kib=%d%n", seconds, peakRssKib());
    }

    /** @return VmHWM of /proc/self/status (the peak resident set), or -1 where there is none */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
