package org.dds.core.kernel;

import java.util.stream.IntStream;

import org.dds.core.DdsInputException;
import org.dds.core.numeric.Means;

/**
 * The pairwise quantities of {@link RowGeometry} for one tile of image pairs: rows a_1..a_p of one block against
 * rows b_1..b_q of another block of the same model (the same block on the diagonal of the tiling), as p x q
 * row-major matrices. The model-wide statistics they need (the column means of the normalised features, and for
 * the RBF kernel the median squared distance) come from earlier passes over all rows, so every entry is the
 * entry of the whole n x n matrix, with the same formulas and the same rounding safeguards as
 * {@link RowGeometry}: one product of the centred blocks serves every Gram-type quantity, and where such a
 * shortcut could cancel the entry is computed directly from the two rows.
 *
 * <p>Instances are used by one thread at a time; the loops inside use all cores.
 */
public final class BlockGeometry {
    private static final double EPS = Math.ulp(1.0);

    private final String name;
    private final Rows a;
    private final Rows b;
    private final boolean diagonal;
    private final int d;
    private final double gamma;
    private final double medianSquaredDistance;

    private double[] gc;

    /**
     * The rows of one block and the quantities of each row alone.
     */
    public static final class Rows {
        private final int first;
        private final int count;
        private final double[] z;
        private final double[] zc;
        private final double[] means;
        private final double mm;
        private final double[] norms;
        private final double[] centredNorms2;
        /** sqrt(centredNorms2), once per row rather than once per entry. */
        private final double[] centredNorms;
        private final double[] offsets;

        /**
         * @param first  the index of the block's first row among the model's n rows
         * @param count  rows in the block
         * @param d      features
         * @param z      the block's normalised rows, row-major count x d (kept, not copied)
         * @param means  the column means of all n normalised rows (kept), or null when the normalisation
         *               centred the columns (the means are then taken as exactly 0, as {@link RowGeometry} does)
         */
        public Rows(int first, int count, int d, double[] z, double[] means) {
            this(first, count, d, z, means, null);
        }

        /**
         * @param first  the index of the block's first row among the model's n rows
         * @param count  rows in the block
         * @param d      features
         * @param z      the block's normalised rows, row-major count x d (kept, not copied)
         * @param means  the column means of all n normalised rows (kept), or null when the normalisation
         *               centred the columns
         * @param known  {@link #statistics()} of these rows, computed earlier (kept), or null to compute them
         */
        public Rows(int first, int count, int d, double[] z, double[] means, double[] known) {
            this.first = first;
            this.count = count;
            this.z = z;
            this.means = means == null ? new double[d] : means;
            this.zc = means == null ? z : Means.subtractFromRows(z, means, count, d);
            this.mm = dot(this.means, 0, this.means, 0, d);
            if (known != null) {
                if (known.length != 3 * count) {
                    throw new IllegalArgumentException(known.length + " statistics for " + count + " rows");
                }
                this.norms = java.util.Arrays.copyOfRange(known, 0, count);
                this.centredNorms2 = java.util.Arrays.copyOfRange(known, count, 2 * count);
                this.offsets = java.util.Arrays.copyOfRange(known, 2 * count, 3 * count);
            } else {
                this.norms = new double[count];
                this.centredNorms2 = new double[count];
                this.offsets = new double[count];
                double[] mu = this.means;
                IntStream.range(0, count).parallel().forEach(i -> {
                    norms[i] = Math.sqrt(dot(z, i * d, z, i * d, d));
                    centredNorms2[i] = dot(zc, i * d, zc, i * d, d);
                    offsets[i] = dot(zc, i * d, mu, 0, d);
                });
            }
            this.centredNorms = new double[count];
            for (int i = 0; i < count; i++) {
                centredNorms[i] = Math.sqrt(centredNorms2[i]);
            }
        }

        /**
         * @return the quantities of each row alone, which do not depend on the tile: ||z_i|| for every row, then
         *         ||z_i - m||^2, then (z_i - m).m (3 x count values), to be given back to
         *         {@link #Rows(int, int, int, double[], double[], double[])} for the same rows of another tile
         */
        public double[] statistics() {
            double[] out = new double[3 * count];
            System.arraycopy(norms, 0, out, 0, count);
            System.arraycopy(centredNorms2, 0, out, count, count);
            System.arraycopy(offsets, 0, out, 2 * count, count);
            return out;
        }

        /** @return the number of rows */
        public int count() {
            return count;
        }

        /** @return the index of the first row among all n */
        public int first() {
            return first;
        }
    }

    /**
     * @param name                  the model, for error messages
     * @param a                     the tile's row block
     * @param b                     the tile's column block ({@code a} itself on the diagonal)
     * @param d                     the number of features
     * @param medianSquaredDistance the median of all n^2 squared distances of the model (NaN when no f needs it)
     */
    public BlockGeometry(String name, Rows a, Rows b, int d, double medianSquaredDistance) {
        this.name = name;
        this.a = a;
        this.b = b;
        this.diagonal = a == b;
        this.d = d;
        this.gamma = 4 * Math.sqrt(d + 8.0) * EPS;
        this.medianSquaredDistance = medianSquaredDistance;
    }

    /** @return the model name */
    public String name() {
        return name;
    }

    /** @return rows of the tile */
    public int rows() {
        return a.count;
    }

    /** @return columns of the tile */
    public int columns() {
        return b.count;
    }

    /** @return d, the number of features */
    public int cols() {
        return d;
    }

    /** @return true when the tile holds entry (i, j) with i the same image as j, i.e. it is on the diagonal */
    public boolean diagonal() {
        return diagonal;
    }

    /** @return the model-wide median of the n^2 squared distances, from an earlier pass */
    public double medianSquaredDistance() {
        if (Double.isNaN(medianSquaredDistance)) {
            throw new IllegalStateException("the median squared distance of '" + name + "' was not computed");
        }
        return medianSquaredDistance;
    }

    private interface Entry {
        double at(int i, int j);
    }

    /** Fills the tile with {@code e}; on the diagonal only the upper triangle is computed, then mirrored. */
    private double[] fill(Entry e) {
        int p = a.count;
        int q = b.count;
        double[] out = new double[p * q];
        IntStream.range(0, p).parallel().forEach(i -> {
            for (int j = diagonal ? i : 0; j < q; j++) {
                double v = e.at(i, j);
                out[i * q + j] = v;
                if (diagonal) {
                    out[j * q + i] = v;
                }
            }
        });
        return out;
    }

    /** @return (a_i - m).(b_j - m), the centred Gram tile */
    public synchronized double[] centredGram() {
        if (gc == null) {
            gc = diagonal ? Pairwise.gram(a.zc, a.count, d) : Pairwise.crossGram(a.zc, a.count, b.zc, b.count, d);
        }
        return gc;
    }

    /** @return ||a_i - b_j||^2, zero for the same image */
    public double[] squaredDistances() {
        double[] g = centredGram();
        int q = b.count;
        return fill((i, j) -> {
            if (diagonal && i == j) {
                return 0.0;
            }
            double gii = a.centredNorms2[i];
            double gjj = b.centredNorms2[j];
            double v = gii + gjj - 2 * g[i * q + j];
            double bound = gamma * (gii + gjj + 2 * Math.sqrt(gii * gjj));
            if (bound > RowGeometry.TOLERANCE * v) {
                v = 0;
                for (int k = 0; k < d; k++) {
                    double t = a.z[i * d + k] - b.z[j * d + k];
                    v += t * t;
                }
            }
            return v;
        });
    }

    /** @return ||a_i - b_j||_1, summed directly */
    public double[] manhattanDistances() {
        if (diagonal) {
            return Pairwise.manhattan(a.z, a.count, d);
        }
        return Pairwise.crossManhattan(a.z, a.count, b.z, b.count, d);
    }

    /** @return a_i . b_j */
    public double[] gram() {
        double[] g = centredGram();
        double nm = Math.sqrt(a.mm);
        return fill((i, j) -> gramAt(g, nm, i, j));
    }

    /** a_i . b_j from the centred Gram tile g, or from the rows where that could cancel; nm = ||m||. */
    private double gramAt(double[] g, double nm, int i, int j) {
        double v = g[i * b.count + j] + a.offsets[i] + b.offsets[j] + a.mm;
        double ai = a.centredNorms[i] + nm;
        double bj = b.centredNorms[j] + nm;
        if (2 * gamma * ai * bj > RowGeometry.TOLERANCE * a.norms[i] * b.norms[j]) {
            v = dot(a.z, i * d, b.z, j * d, d);
        }
        return v;
    }

    /** @return 1 - cos(a_i, b_j); rows of norm below 10 eps are at distance 1 from every row, themselves too */
    public double[] cosineDistances() {
        // a_i . b_j entry by entry (gramAt), not as a tile of its own: one pass and one p x q array fewer.
        double[] g = centredGram();
        double nm = Math.sqrt(a.mm);
        double zero = 10 * EPS;
        return fill((i, j) -> {
            double ri = a.norms[i];
            double rj = b.norms[j];
            if (ri < zero || rj < zero) {
                return 1.0;
            }
            if (diagonal && i == j) {
                return 0.0;
            }
            double v = 1.0 - gramAt(g, nm, i, j) / (ri * rj);
            double mi = a.centredNorms[i] + nm;
            double mj = b.centredNorms[j] + nm;
            double err = (2 * gamma * mi * mj + gamma * ri * rj) / (ri * rj);
            return err > RowGeometry.TOLERANCE * v ? direct(i, j, 0.0, 0.0, ri, rj) : v;
        });
    }

    /** @return 1 - r(a_i, b_j), r the Pearson correlation over features, clipped to [0, 2]; 0 for the same image */
    public double[] correlationDistances() {
        double[] g = centredGram();
        Pearson pa = new Pearson(a);
        Pearson pb = diagonal ? pa : new Pearson(b);
        double sumMu = 0;
        for (double v : a.means) {
            sumMu += v;
        }
        double sm = sumMu;
        int q = b.count;
        return fill((i, j) -> {
            if (diagonal && i == j) {
                return 0.0;
            }
            double mi = pa.rowMean[i];
            double mj = pb.rowMean[j];
            double gp = g[i * q + j] + (a.offsets[i] - mj * pa.sum[i]) + (b.offsets[j] - mi * pb.sum[j]) + a.mm
                    - (mi + mj) * sm + d * mi * mj;
            double v = 1.0 - gp / (pa.norm[i] * pb.norm[j]);
            double err = 3 * gamma * pa.alpha[i] * pb.alpha[j] / (pa.norm[i] * pb.norm[j]);
            if (err > RowGeometry.TOLERANCE * v) {
                v = direct(i, j, mi, mj, pa.norm[i], pb.norm[j]);
            }
            return Math.min(2.0, Math.max(0.0, v));
        });
    }

    /** The row statistics of the correlation distance (row means, sums of centred rows, centred row norms). */
    private final class Pearson {
        final double[] rowMean;
        final double[] sum;
        final double[] norm;
        final double[] alpha;

        Pearson(Rows r) {
            rowMean = new double[r.count];
            sum = new double[r.count];
            norm = new double[r.count];
            alpha = new double[r.count];
            double nm = Math.sqrt(r.mm);
            double sqrtD = Math.sqrt(d);
            for (int i = 0; i < r.count; i++) {
                int off = i * d;
                double mi = Means.mean(r.z, off, d);
                rowMean[i] = mi;
                double si = 0;
                double ss = 0;
                for (int k = off; k < off + d; k++) {
                    si += r.zc[k];
                    double t = r.z[k] - mi;
                    ss += t * t;
                }
                sum[i] = si;
                norm[i] = Math.sqrt(ss);
                if (norm[i] == 0) {
                    throw new DdsInputException("image " + (r.first + i) + " of model '" + name + "' has the same "
                            + "value in all " + d + " features (after normalisation), so its Pearson correlation "
                            + "with other images is undefined: use another f (e.g. cosine) or remove that image");
                }
                alpha[i] = Math.sqrt(r.centredNorms2[i]) + nm + sqrtD * Math.abs(mi);
            }
        }
    }

    /** 1 - cos of a_i - si and b_j - sj, from the rows themselves (as {@link RowGeometry} does). */
    private double direct(int i, int j, double si, double sj, double ni, double nj) {
        int p = i * d;
        int q = j * d;
        double dotuv = 0;
        for (int k = 0; k < d; k++) {
            dotuv += ((a.z[p + k] - si) / ni) * ((b.z[q + k] - sj) / nj);
        }
        if (dotuv <= 0.5) {
            return 1.0 - dotuv;
        }
        double s = 0;
        for (int k = 0; k < d; k++) {
            double t = (a.z[p + k] - si) / ni - (b.z[q + k] - sj) / nj;
            s += t * t;
        }
        return s / 2.0;
    }

    /**
     * The inner products of all pairs of vectors, with the kernels of the features' Gram matrices.
     *
     * @param v      row-major count x length, one vector per row
     * @param count  vectors
     * @param length their length
     * @return V V^T, row-major count x count, exactly symmetric
     */
    public static double[] innerProducts(double[] v, int count, int length) {
        return Pairwise.gram(v, count, length);
    }

    private static double dot(double[] x, int p, double[] y, int q, int len) {
        return RowGeometry.dot(x, p, y, q, len);
    }
}
