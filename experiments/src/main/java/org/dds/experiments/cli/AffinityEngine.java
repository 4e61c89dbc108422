package org.dds.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSource;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.TiledAffinity;

/**
 * How {@code dds affinity} computes the matrix: {@code memory}, every model's n x n matrix at once (fastest for
 * small n); {@code tiled}, tiles of image pairs in bounded memory with the features memory-mapped; {@code spark},
 * the same tiles as an Apache Spark job; {@code auto} (the default), tiled when the whole-matrix path would not fit
 * in the heap.
 */
enum AffinityEngine {
    /** Tiled when the whole-matrix path would not fit. */
    AUTO,
    /** Whole n x n matrices in the heap. */
    MEMORY,
    /** Tiles of image pairs, bounded memory. */
    TILED,
    /** Tiles as Spark tasks. */
    SPARK;

    /** The whole-matrix path may use this share of the heap before auto switches to tiles. */
    private static final double HEAP_SHARE = 0.6;

    /** @return the name on the command line */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a name on the command line, any case
     * @return the engine
     * @throws DdsInputException listing the names
     */
    static AffinityEngine parse(String name) {
        for (AffinityEngine e : values()) {
            if (e.cliName().equalsIgnoreCase(name.trim())) {
                return e;
            }
        }
        throw new DdsInputException("unknown engine '" + name + "': expected one of auto, memory, tiled, spark");
    }

    /**
     * @param models T
     * @param images n
     * @param cols   the largest d
     * @param heap   the heap's limit in bytes
     * @return the engine auto chooses
     */
    static AffinityEngine choose(int models, int images, int cols, long heap) {
        return AffinityMatrix.estimatedBytes(models, images, cols) > HEAP_SHARE * heap ? TILED : MEMORY;
    }

    /**
     * @param sources the models
     * @return the largest d
     */
    static int maxCols(List<? extends FeatureSource> sources) {
        return sources.stream().mapToInt(FeatureSource::cols).max().orElse(1);
    }

    /**
     * Progress on stderr for a tiled computation: tiles done of the total, time so far and the estimated time left,
     * at most once a second and at the end.
     */
    static final class StderrProgress implements TiledAffinity.Progress {
        private final PrintWriter err;
        private final String what;
        private final long start = System.nanoTime();
        private long last;

        /**
         * @param err  stderr
         * @param what what is being computed, e.g. {@code affinity}
         */
        StderrProgress(PrintWriter err, String what) {
            this.err = err;
            this.what = what;
        }

        @Override
        public synchronized void tile(int done, int total) {
            long now = System.nanoTime();
            if (done < total && now - last < 1_000_000_000L) {
                return;
            }
            last = now;
            double elapsed = (now - start) / 1e9;
            double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
            err.printf(Locale.ROOT, "%s: %d/%d tiles, %.1f s elapsed, ETA %.1f s%n", what, done, total, elapsed, eta);
            err.flush();
        }
    }
}
