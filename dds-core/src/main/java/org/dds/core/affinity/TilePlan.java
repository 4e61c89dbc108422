package org.dds.core.affinity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSource;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.comparison.UpperTrianglePearson;
import org.dds.core.kernel.BlockGeometry;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.RowBlockNormalizer;
import org.dds.core.numeric.ColumnStatistics;

/**
 * Everything a tile of an exact tiled affinity matrix needs, fitted in passes over all rows of every model:
 * each model's normaliser (column statistics), the column means of its normalised rows, the RBF median when f
 * needs it, and a shift (the mean of f on a first tile) subtracted from every entry that g ignores constants
 * in, so that the sums below add small numbers.
 *
 * <p>The n x n matrices are cut into blocks of b images; tile (I, J), I &lt;= J, holds the entries between block I
 * and block J. For every model p a tile adds to the row sums r_p = K~_p 1 and, for every pair of models (p, q),
 * to S_pq = sum of K~_p,ij K~_q,ij over the tile's entries and their mirror images ({@link #compute}). The
 * sums of all tiles ({@link TileSums}) then give every g exactly ({@link #finish}): with s_p = 1'r_p,
 * unbiased HSIC (Song et al. 2012, in the U-centred form of Szekely and Rizzo 2014)
 * &lt;U(K_p), U(K_q)&gt; = S_pq - 2/(n-2) r_p.r_q + s_p s_q / ((n-1)(n-2)) over the off-diagonal entries,
 * biased HSIC &lt;HK_pH, HK_qH&gt; = S_pq - 2/n r_p.r_q + s_p s_q / n^2 over all entries, no centring S_pq, and
 * the Pearson correlation of upper triangles from S_pq / 2 and s_p / 2 over n(n-1)/2 entries. Memory per tile is
 * O(T b^2 + b d), for the sums O(T^2 + T n); no n x n array is ever formed.
 *
 * <p>A plan is serializable and holds no features: a distributed job ships it to its workers, which compute
 * tiles from their own readers of the same features.
 */
public final class TilePlan implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Images whose f gives the shift. */
    private static final int SHIFT_IMAGES = 64;
    /** Values read and normalised at a time (256 KiB): within a core's L2 cache. */
    private static final int CHUNK_VALUES = 1 << 15;

    /** How tile sums become g. */
    enum Mode {
        /** CKA without centring: all entries, no shift. */
        NONE,
        /** CKA with double centring: all entries, shifted. */
        BIASED,
        /** CKA with U-centring: off-diagonal entries, shifted. */
        UNBIASED,
        /** Pearson correlation of the strict upper triangles: off-diagonal entries, shifted. */
        PEARSON
    }

    private final DdsConfig config;
    private final List<String> names;
    private final int n;
    private final int[] cols;
    private final int tile;
    private final int blocks;
    private final Mode mode;
    private final RowBlockNormalizer[] normalizers;
    private final double[][] means;
    private final double[] medians;
    private final double[] shifts;
    /**
     * Per model, the quantities of each normalised row alone ({@link BlockGeometry.Rows#statistics}: norms, centred
     * squared norms, offsets; 3 n values), computed once instead of at every tile that reads the row.
     */
    private final double[][] rowStatistics;

    private TilePlan(DdsConfig config, List<? extends FeatureSource> models, int tile) {
        this.config = config;
        this.names = models.stream().map(FeatureSource::name).toList();
        this.n = models.get(0).rows();
        this.cols = models.stream().mapToInt(FeatureSource::cols).toArray();
        this.tile = tile;
        this.blocks = (n + tile - 1) / tile;
        this.mode = mode(config.comparison());
        int t = models.size();
        this.normalizers = new RowBlockNormalizer[t];
        this.means = new double[t][];
        this.medians = new double[t];
        this.shifts = new double[t];
        this.rowStatistics = new double[t][];
    }

    /**
     * Fits the plan: one pass per normalisation statistic, one for the column means of the normalised rows, a few
     * for the RBF median, and one tile per model for the shift.
     *
     * @param models the models' rows (same images, same order)
     * @param config normalisation, f and g
     * @param tile   b, the number of images per block (at least 1)
     * @return the plan
     * @throws DdsInputException if the models do not match, g has no tiled form, or f or g is undefined on them
     */
    public static TilePlan fit(List<? extends FeatureSource> models, DdsConfig config, int tile) {
        if (models.isEmpty()) {
            throw new DdsInputException("no models to compare: give the features of at least one model");
        }
        if (tile < 1) {
            throw new DdsInputException(p -> p.apply("tile") + " is " + tile + ": give a positive number of "
                    + "images per tile");
        }
        FeatureSource first = models.get(0);
        for (FeatureSource x : models) {
            if (x.rows() != first.rows()) {
                throw new DdsInputException("features of model '" + x.name() + "' have " + x.rows() + " rows but '"
                        + first.name() + "' has " + first.rows() + ": all models must describe the same images");
            }
            Dds.checkImages(x.name(), x.rows(), config.comparison());
        }
        TilePlan plan = new TilePlan(config, models, Math.min(tile, first.rows()));
        PairwiseFunction f = config.function();
        // Models are fitted side by side (each pass over a model's rows is one thread's loop); every model writes
        // only its own slots, and the first failure in model order is reported.
        PerModel.run(models.size(), m -> {
            FeatureSource x = models.get(m);
            plan.normalizers[m] = config.normalization().fit(x);
            plan.means[m] = config.normalization().centresColumns() ? null
                    : ColumnStatistics.means(plan.normalized(m, x), ColumnStatistics.columns(x.cols()), x.cols()).mean;
            plan.rowStatistics[m] = plan.rowStatistics(m, x);
            plan.medians[m] = f.needsMedianSquaredDistance() ? TiledMedian.of(plan, m, x) : Double.NaN;
            plan.shifts[m] = plan.mode == Mode.NONE ? 0.0 : plan.shift(m, x);
        });
        return plan;
    }

    private static Mode mode(MatrixComparison g) {
        if (g instanceof Cka cka) {
            return cka.centering() == Centering.UNBIASED ? Mode.UNBIASED
                    : cka.centering() == Centering.BIASED ? Mode.BIASED : Mode.NONE;
        }
        if (g instanceof UpperTrianglePearson) {
            return Mode.PEARSON;
        }
        throw new DdsInputException(p -> "g = " + g.name() + " has no tiled form (it ranks or compares all "
                + "n(n-1)/2 entries of each matrix at once): use " + p.apply("comparison") + " cka or pearson, or "
                + "compute it with all features in memory");
    }

    /** @return the model names, in order */
    public List<String> names() {
        return names;
    }

    /** @return n */
    public int images() {
        return n;
    }

    /** @return b, the images per block */
    public int tileSize() {
        return tile;
    }

    /** @return the number of tiles, B(B+1)/2 for B blocks */
    public int tiles() {
        return blocks * (blocks + 1) / 2;
    }

    /**
     * @param index a tile, 0 .. {@link #tiles()}-1
     * @return its blocks {I, J}, I &lt;= J, in row order
     */
    public int[] blocksOf(int index) {
        if (index < 0 || index >= tiles()) {
            throw new IllegalArgumentException("tile " + index + " of " + tiles());
        }
        int i = 0;
        int rest = index;
        while (rest >= blocks - i) {
            rest -= blocks - i;
            i++;
        }
        return new int[] {i, i + rest};
    }

    /** @return the sums of no tile, to which tiles are added */
    public TileSums emptySums() {
        return new TileSums(names.size(), n);
    }

    /** The geometry of tile (bi, bj) of model m. */
    BlockGeometry geometry(int m, FeatureSource x, int bi, int bj) {
        return geometry(m, x, bi, bj, new double[2][]);
    }

    /**
     * The geometry of tile (bi, bj) of model m, its row blocks read into {@code buffers[0]} and {@code buffers[1]}
     * (replaced by new arrays when null or of another length), which the caller may reuse once the geometry is done
     * with: a tile reads two blocks of every model, and reusing them spares the heap two large arrays per model.
     */
    private BlockGeometry geometry(int m, FeatureSource x, int bi, int bj, double[][] buffers) {
        int d = x.cols();
        BlockGeometry.Rows a = rows(m, x, bi * tile, Math.min(n, bi * tile + tile), buffers, 0);
        BlockGeometry.Rows b = bi == bj ? a : rows(m, x, bj * tile, Math.min(n, bj * tile + tile), buffers, 1);
        return new BlockGeometry(x.name(), a, b, d, medians[m]);
    }

    /** Rows from .. to-1 of model m, normalised, with their statistics once the plan has them. */
    private BlockGeometry.Rows rows(int m, FeatureSource x, int from, int to) {
        return rows(m, x, from, to, new double[1][], 0);
    }

    /** The same, into {@code buffers[slot]} when it has the right length, else into a new array put there. */
    private BlockGeometry.Rows rows(int m, FeatureSource x, int from, int to, double[][] buffers, int slot) {
        int d = x.cols();
        int count = to - from;
        if (buffers[slot] == null || buffers[slot].length != count * d) {
            buffers[slot] = new double[count * d];
        }
        double[] z = buffers[slot];
        // Read, checked and normalised a few rows at a time, while they are in the cache: one pass over the block's
        // memory instead of three (a tile reads two blocks of every model, and at n5000 these passes, not the
        // arithmetic, took most of the time outside the Gram products).
        int chunk = Math.max(1, Math.min(count, CHUNK_VALUES / d));
        double[] part = chunk == count ? z : new double[chunk * d];
        for (int r = 0; r < count; r += chunk) {
            int e = Math.min(count, r + chunk);
            x.read(from + r, from + e, part);
            FeatureSource.checkFinite(x, from + r, part, (e - r) * d);
            normalizers[m].normalize(part, e - r);
            if (part != z) {
                System.arraycopy(part, 0, z, r * d, (e - r) * d);
            }
        }
        double[] all = rowStatistics[m];
        double[] known = null;
        if (all != null) {
            known = new double[3 * count];
            for (int s = 0; s < 3; s++) {
                System.arraycopy(all, s * n + from, known, s * count, count);
            }
        }
        return new BlockGeometry.Rows(from, count, d, z, means[m], known);
    }

    /** One pass over model m's rows, block by block: the statistics of every row, laid out as in {@link #rows}. */
    private double[] rowStatistics(int m, FeatureSource x) {
        double[] all = new double[3 * n];
        for (int from = 0; from < n; from += tile) {
            int to = Math.min(n, from + tile);
            double[] block = rows(m, x, from, to).statistics();
            int count = to - from;
            for (int s = 0; s < 3; s++) {
                System.arraycopy(block, s * count, all, s * n + from, count);
            }
        }
        return all;
    }

    /** f on a tile of model m, as g needs it. */
    private double[] values(BlockGeometry g) {
        PairwiseFunction f = config.function();
        return config.comparison().removesRowAndColumnEffects() ? f.blockForCentredComparison(g) : f.block(g);
    }

    /**
     * The mean of the entries that g sees (all, or the off-diagonal ones) among the first {@value #SHIFT_IMAGES}
     * images: any constant makes the sums exact in exact arithmetic; one near the entries' mean keeps them small.
     */
    private double shift(int m, FeatureSource x) {
        int p = Math.min(n, SHIFT_IMAGES);
        BlockGeometry.Rows a = rows(m, x, 0, p);
        double[] v = values(new BlockGeometry(x.name(), a, a, x.cols(), medians[m]));
        boolean offDiagonal = mode != Mode.BIASED;
        double s = 0;
        long count = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (!offDiagonal || i != j) {
                    s += v[i * p + j];
                    count++;
                }
            }
        }
        return count == 0 ? 0.0 : s / count;
    }

    /** Model m's rows, normalised, as a source. */
    private FeatureSource normalized(int m, FeatureSource x) {
        RowBlockNormalizer norm = normalizers[m];
        return FeatureSource.of(x.name(), x.rows(), x.cols(), (from, to, out) -> {
            x.read(from, to, out);
            FeatureSource.checkFinite(x, from, out, (to - from) * x.cols());
            norm.normalize(out, to - from);
        });
    }

    /**
     * One tile's contribution to the sums: f of every model on the tile, shifted, its row (and column) sums and
     * the products of every pair of models summed over the tile and its mirror image.
     *
     * @param index  the tile
     * @param models readers of the same features the plan was fitted to, in the same order
     * @return the tile's partial sums
     */
    public TilePartial compute(int index, List<? extends FeatureSource> models) {
        if (models.size() != names.size()) {
            throw new IllegalArgumentException(models.size() + " models for a plan of " + names.size());
        }
        int[] ij = blocksOf(index);
        int bi = ij[0];
        int bj = ij[1];
        boolean diagonal = bi == bj;
        int p = Math.min(n, bi * tile + tile) - bi * tile;
        int q = Math.min(n, bj * tile + tile) - bj * tile;
        int t = names.size();
        boolean withDiagonal = mode == Mode.NONE || mode == Mode.BIASED;
        int e = diagonal ? p * (p - 1) / 2 : p * q;
        double[] w = new double[Math.multiplyExact(t, e)];
        double[] diag = diagonal && withDiagonal ? new double[t * p] : null;
        double[] rowSums = new double[t * p];
        double[] colSums = diagonal ? null : new double[t * q];
        List<String> order = new ArrayList<>(t);
        double[][] buffers = new double[2][];
        for (int m = 0; m < t; m++) {
            FeatureSource x = models.get(m);
            order.add(x.name());
            // f's values are new arrays: the geometry, and with it the row blocks, is done with after this line.
            double[] v = values(geometry(m, x, bi, bj, buffers));
            double c = shifts[m];
            int k = m * e;
            for (int i = 0; i < p; i++) {
                double r = 0;
                for (int j = 0; j < q; j++) {
                    double s = v[i * q + j] - c;
                    if (diagonal && i == j) {
                        if (withDiagonal) {
                            diag[m * p + i] = s;
                            r += s;
                        }
                    } else {
                        r += s;
                        if (!diagonal) {
                            colSums[m * q + j] += s;
                            w[k++] = s;
                        } else if (j > i) {
                            w[k++] = s;
                        }
                    }
                }
                rowSums[m * p + i] = r;
            }
        }
        if (!order.equals(names)) {
            throw new IllegalArgumentException("models " + order + " for a plan of " + names);
        }
        double[] cross = BlockGeometry.innerProducts(w, t, e);
        for (int k = 0; k < cross.length; k++) {
            cross[k] *= 2;
        }
        if (diag != null) {
            double[] dd = BlockGeometry.innerProducts(diag, t, p);
            for (int k = 0; k < cross.length; k++) {
                cross[k] += dd[k];
            }
        }
        return new TilePartial(index, bi * tile, p, rowSums, bj * tile, q, colSums, cross);
    }

    /**
     * The affinity matrix from the sums of all tiles.
     *
     * @param sums every tile added exactly once
     * @return the T x T matrix of g
     * @throws DdsInputException if a model's centred matrix is constant (g undefined)
     */
    public AffinityMatrix finish(TileSums sums) {
        if (sums.tilesAdded() != tiles()) {
            throw new IllegalStateException(sums.tilesAdded() + " of " + tiles() + " tiles were added");
        }
        int t = names.size();
        double[] r = sums.rowSums();
        double[] s = new double[t];
        for (int m = 0; m < t; m++) {
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += r[m * n + i];
            }
            s[m] = acc;
        }
        double[] rr = BlockGeometry.innerProducts(r, t, n);
        double[] cross = sums.cross();
        double[][] h = new double[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                double c = (cross[a * t + b] + cross[b * t + a]) / 2;
                h[a][b] = switch (mode) {
                    case NONE -> c;
                    case BIASED -> c - 2.0 / n * rr[a * t + b] + s[a] * s[b] / ((double) n * n);
                    case UNBIASED -> c - 2.0 / (n - 2) * rr[a * t + b] + s[a] * s[b] / ((double) (n - 1) * (n - 2));
                    case PEARSON -> c / 2 - (s[a] / 2) * (s[b] / 2) / ((double) n * (n - 1) / 2);
                };
            }
        }
        double[] norm = new double[t];
        for (int a = 0; a < t; a++) {
            double scale = mode == Mode.PEARSON ? cross[a * t + a] / 2 : cross[a * t + a];
            if (!(h[a][a] > 1e-13 * scale) || !Double.isFinite(h[a][a])) {
                throw new DdsInputException("model '" + names.get(a) + "': its " + what() + " is constant, so DDS "
                        + "with it is undefined (are all its images alike?): check its features or choose another "
                        + "f or g");
            }
            norm[a] = Math.sqrt(h[a][a]);
        }
        double[][] out = new double[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                out[a][b] = h[a][b] / (norm[a] * norm[b]);
            }
        }
        return new AffinityMatrix(names, out);
    }

    private String what() {
        return switch (mode) {
            case NONE -> "none-centred matrix";
            case BIASED -> "biased-centred matrix";
            case UNBIASED -> "unbiased-centred matrix";
            case PEARSON -> "n x n matrix";
        };
    }
}
