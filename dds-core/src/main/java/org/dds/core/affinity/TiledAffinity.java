package org.dds.core.affinity;

import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSource;

/**
 * The exact affinity matrix in bounded memory: {@link TilePlan#fit fit} the model-wide statistics, add every tile
 * of image pairs ({@link TilePlan#compute}) into {@link TileSums}, {@link TilePlan#finish finish}. Equal to
 * {@link AffinityMatrix#compute} up to float64 rounding for every normalisation, f and CKA centring, and for g =
 * Pearson of upper triangles; g = Spearman is refused (its ranks need all entries at once). Memory is
 * O(T^2 + T n + T b^2 + b d), never an n x n matrix, and the features are read block by block, so they need not
 * fit in the heap either.
 */
public final class TiledAffinity {
    /** Smallest automatic tile: below this the per-tile overhead dominates. */
    static final int MIN_TILE = 64;

    private TiledAffinity() {
    }

    /** Told after every tile. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  tiles finished
         * @param total tiles in all
         */
        void tile(int done, int total);

        /** Says nothing. */
        Progress NONE = (done, total) -> { };
    }

    /**
     * @param models   the models' rows (same images, same order)
     * @param config   normalisation, f and g
     * @param tile     images per block, or 0 to choose from the heap ({@link #automaticTile})
     * @param progress told after every tile
     * @return the affinity matrix
     * @throws DdsInputException if the models do not match, g has no tiled form, or DDS is undefined on them
     */
    public static AffinityMatrix compute(List<? extends FeatureSource> models, DdsConfig config, int tile,
            Progress progress) {
        if (models.isEmpty()) {
            throw new DdsInputException("no models to compare: give the features of at least one model");
        }
        int b = tile > 0 ? tile : automaticTile(models.size(), models.get(0).rows(),
                models.stream().mapToInt(FeatureSource::cols).max().orElse(1), Runtime.getRuntime().maxMemory());
        TilePlan plan = TilePlan.fit(models, config, b);
        TileSums sums = plan.emptySums();
        for (int t = 0; t < plan.tiles(); t++) {
            sums.add(plan.compute(t, models));
            progress.tile(t + 1, plan.tiles());
        }
        return plan.finish(sums);
    }

    /**
     * The largest tile whose working set fits in a quarter of the heap: per tile the T x b^2 matrix of every
     * model's values, about eight b x b temporaries of the model being computed, and four b x d blocks of rows.
     *
     * @param models T
     * @param images n
     * @param cols   the largest d
     * @param heap   the bytes the heap may grow to
     * @return b, between {@value #MIN_TILE} (or n when smaller) and n
     */
    public static int automaticTile(int models, int images, int cols, long heap) {
        double budget = heap / 4.0 / Double.BYTES;
        double a = models + 8.0;
        double c = 4.0 * cols;
        // a b^2 + c b = budget
        double b = (-c + Math.sqrt(c * c + 4 * a * budget)) / (2 * a);
        // The T x b^2 values are one Java array.
        b = Math.min(b, Math.sqrt((Integer.MAX_VALUE - 8.0) / models));
        int tile = (int) Math.max(MIN_TILE, Math.floor(b));
        return Math.min(images, tile);
    }
}
