package org.dds.core.affinity;

import java.io.Serializable;

/**
 * What one tile adds to the {@link TileSums} of a tiled affinity matrix: the row sums of every model's shifted
 * f over the tile's rows, the column sums over its columns (the mirror tile's row sums; none on the diagonal),
 * and the T x T sums of products over the tile and its mirror image. Computed by {@link TilePlan#compute}.
 *
 * @param tile      the tile's index in its plan
 * @param rowFirst  the first image of the tile's rows
 * @param rowCount  its number of rows
 * @param rowSums   T x rowCount row sums, row-major by model
 * @param colFirst  the first image of its columns
 * @param colCount  its number of columns
 * @param colSums   T x colCount column sums, or null on the diagonal
 * @param cross     T x T sums of products, row-major
 */
public record TilePartial(int tile, int rowFirst, int rowCount, double[] rowSums, int colFirst, int colCount,
        double[] colSums, double[] cross) implements Serializable {
}
