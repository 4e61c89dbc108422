package org.dds.core.affinity;

import java.io.Serializable;
import java.util.BitSet;

/**
 * The running sums of a tiled affinity matrix: the row sums of every model's shifted f over all images (T x n)
 * and the T x T sums of products, plus which tiles were added, so that a tile added twice or missed is caught.
 * Tiles may be added in any order and partial sums merged (a distributed reduce): the result depends on the
 * order only through float64 rounding.
 */
public final class TileSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int models;
    private final int images;
    private final double[] rowSums;
    private final double[] cross;
    private final BitSet added = new BitSet();

    TileSums(int models, int images) {
        this.models = models;
        this.images = images;
        this.rowSums = new double[Math.multiplyExact(models, images)];
        this.cross = new double[models * models];
    }

    /**
     * @param part one tile's sums
     * @return this
     * @throws IllegalStateException if that tile was added already
     */
    public TileSums add(TilePartial part) {
        if (added.get(part.tile())) {
            throw new IllegalStateException("tile " + part.tile() + " was added twice");
        }
        added.set(part.tile());
        addRows(part.rowSums(), part.rowFirst(), part.rowCount());
        if (part.colSums() != null) {
            addRows(part.colSums(), part.colFirst(), part.colCount());
        }
        for (int k = 0; k < cross.length; k++) {
            cross[k] += part.cross()[k];
        }
        return this;
    }

    private void addRows(double[] sums, int first, int count) {
        for (int m = 0; m < models; m++) {
            for (int i = 0; i < count; i++) {
                rowSums[m * images + first + i] += sums[m * count + i];
            }
        }
    }

    /**
     * @param other sums of other tiles
     * @return this, with the other's tiles added
     * @throws IllegalStateException if a tile is in both
     */
    public TileSums merge(TileSums other) {
        if (other.added.intersects(added)) {
            throw new IllegalStateException("tiles added twice: " + other.added + " and " + added);
        }
        added.or(other.added);
        for (int k = 0; k < rowSums.length; k++) {
            rowSums[k] += other.rowSums[k];
        }
        for (int k = 0; k < cross.length; k++) {
            cross[k] += other.cross[k];
        }
        return this;
    }

    int tilesAdded() {
        return added.cardinality();
    }

    double[] rowSums() {
        return rowSums;
    }

    double[] cross() {
        return cross;
    }
}
