package org.dds.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.spark.Success$;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.dds.core.FeatureSource;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.affinity.TilePartial;
import org.dds.core.affinity.TilePlan;
import org.dds.core.affinity.TileSums;
import org.dds.core.affinity.TiledAffinity;

/**
 * The exact tiled affinity matrix of dds-core ({@link TilePlan}) as a Spark job: the driver fits the plan (the
 * passes over all rows), every tile of image pairs is one task that reads its two row blocks of every model through
 * Hadoop's FileSystem API and returns its partial sums, and the partial sums are reduced ({@code treeAggregate})
 * into the T x T matrix. The maths lives in dds-core; this class only partitions, ships and reduces. A failed task
 * is recomputed by Spark from the same inputs, so retries leave the result unchanged.
 */
public final class SparkAffinity {
    /** Fewest tiles per task slot of an automatic tiling. */
    static final int TASKS_PER_SLOT = 3;

    private SparkAffinity() {
    }

    /** Called in a task before each tile: a place for tests to inject a failure. */
    @FunctionalInterface
    public interface TileHook extends Serializable {
        /**
         * @param tile    the tile about to be computed
         * @param attempt the task's attempt number (0 on the first try)
         */
        void before(int tile, int attempt);

        /** Does nothing. */
        TileHook NONE = (tile, attempt) -> { };
    }

    /**
     * @param sc       the Spark context
     * @param features the models' files
     * @param images   n, the first images of every model to use
     * @param config   normalisation, f and g
     * @param tile     images per block, or 0 to choose from the driver's heap
     * @param progress told on the driver as tiles finish
     * @param hook     called in the tasks before each tile
     * @return the affinity matrix
     */
    public static AffinityMatrix compute(JavaSparkContext sc, HadoopFeatures features, int images, DdsConfig config,
            int tile, TiledAffinity.Progress progress, TileHook hook) {
        TilePlan plan;
        try (HadoopFeatures.Opened opened = features.open()) {
            List<FeatureSource> sources = first(opened.sources(), images);
            int b = tile > 0 ? tile : forTasks(TiledAffinity.automaticTile(sources.size(), images,
                    sources.stream().mapToInt(FeatureSource::cols).max().orElse(1), Runtime.getRuntime().maxMemory()),
                    images, sc.defaultParallelism());
            plan = TilePlan.fit(sources, config, b);
        }
        int tiles = plan.tiles();
        Broadcast<TilePlan> shared = sc.broadcast(plan);
        List<Integer> indices = IntStream.range(0, tiles).boxed().toList();
        TileListener listener = new TileListener(tiles, progress);
        sc.sc().addSparkListener(listener);
        try {
            TileSums sums = sc.parallelize(indices, tiles)
                    .mapPartitions(it -> computeTiles(it, shared.value(), features, images, hook))
                    .treeAggregate(plan.emptySums(), TileSums::add, TileSums::merge);
            return plan.finish(sums);
        } finally {
            sc.sc().removeSparkListener(listener);
            shared.destroy();
        }
    }

    /**
     * The automatic tile made smaller, if needed, so that there are at least {@value #TASKS_PER_SLOT} tiles per task
     * slot: with fewer, slots sit idle while the last tiles run (the driver's heap alone gave 3 tiles for 2 slots
     * at 10 models x 2500 images).
     *
     * @param tile   the tile the heap allows
     * @param images n
     * @param slots  the cluster's task slots (Spark's default parallelism)
     * @return b
     */
    static int forTasks(int tile, int images, int slots) {
        int enough = (images + tile - 1) / tile;
        int blocks = enough;
        while ((long) blocks * (blocks + 1) / 2 < (long) TASKS_PER_SLOT * slots && blocks < images) {
            blocks++;
        }
        return blocks == enough ? tile : (images + blocks - 1) / blocks;
    }

    private static Iterator<TilePartial> computeTiles(Iterator<Integer> tiles, TilePlan plan,
            HadoopFeatures features, int images, TileHook hook) {
        List<TilePartial> out = new ArrayList<>();
        try (HadoopFeatures.Opened opened = features.open()) {
            List<FeatureSource> sources = first(opened.sources(), images);
            int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
            while (tiles.hasNext()) {
                int t = tiles.next();
                hook.before(t, attempt);
                out.add(plan.compute(t, sources));
            }
        }
        return out.iterator();
    }

    private static List<FeatureSource> first(List<FeatureSource> sources, int images) {
        return sources.stream().map(s -> s.rows() == images ? s : s.firstRows(images)).toList();
    }

    /** Counts the successful tasks of the job's first stage (the tiles) and tells the progress. */
    private static final class TileListener extends SparkListener {
        private final int total;
        private final TiledAffinity.Progress progress;
        private final AtomicInteger done = new AtomicInteger();
        private final Set<Integer> tileStages = new HashSet<>();

        TileListener(int total, TiledAffinity.Progress progress) {
            this.total = total;
            this.progress = progress;
        }

        @Override
        public synchronized void onJobStart(SparkListenerJobStart jobStart) {
            int first = Integer.MAX_VALUE;
            for (Object id : scala.jdk.javaapi.CollectionConverters.asJava(jobStart.stageIds())) {
                first = Math.min(first, (Integer) id);
            }
            tileStages.add(first);
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            boolean tileStage;
            synchronized (this) {
                tileStage = tileStages.contains(taskEnd.stageId());
            }
            if (tileStage && taskEnd.reason() == Success$.MODULE$) {
                progress.tile(Math.min(total, done.incrementAndGet()), total);
            }
        }
    }
}
