package org.dds.core.kernel;

import java.util.stream.IntStream;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.numeric.MatrixProducts;
import org.dds.core.numeric.Means;

/**
 * The pairwise quantities of the n rows of one (normalised) feature matrix that the functions f share: the
 * Gram matrix of the column-centred rows, squared Euclidean and Manhattan distances, the raw Gram matrix,
 * cosine and correlation distances. Each is computed at most once, on first use.
 *
 * <p><b>Numerics.</b> One matrix product per model (the centred Gram matrix Gc, see {@link Pairwise}) serves
 * every Gram-type quantity: squared distances Gc_ii + Gc_jj - 2 Gc_ij, the raw Gram matrix Gc_ij + b_i + b_j +
 * |m|^2 (b_i = zc_i . m, m the column means), the row-centred Gram matrix of the correlation distance, and the
 * cosine. Such a shortcut cancels where the result is much smaller than the terms it is made from, so every
 * entry carries a rounding bound (4 sqrt(d) eps times the magnitudes of its terms): where that bound exceeds
 * {@value #TOLERANCE} of the entry's value, the entry is computed directly from the two rows instead (an exact
 * difference of coordinates, or a direct dot product), like the authors' {@code pdist}. Nearly parallel rows
 * thus get the cancellation-free cosine ||u - v||^2 / 2 of their unit vectors. Manhattan distances have no
 * shortcut and are always summed directly.
 *
 * <p>Instances are used by one thread at a time; the loops inside use all cores.
 */
public final class RowGeometry {

    /** Relative accuracy required of every entry computed by a Gram-matrix shortcut. */
    public static final double TOLERANCE = 1e-11;

    private static final double EPS = Math.ulp(1.0);

    private final FeatureMatrix x;
    private final int n;
    private final int d;
    private final double[] z;
    /**
     * Relative rounding of a d-term dot product: the probabilistic bound 4 sqrt(d + 8) eps of Higham and Mary
     * (2019), which holds with overwhelming probability (the worst case, d eps, is reached only by adversarial
     * rounding and would send most entries of uncentred features down the slow direct path needlessly).
     */
    private final double gamma;

    private double[] mu;
    private double[] zc;
    private double[] gc;
    private double[] d2;
    private double[] l1;
    private double[] gram;
    private double[] cos;
    private double[] corr;
    private double[] rowNorms;

    /** @param x the (normalised) features; rows are the points */
    public RowGeometry(FeatureMatrix x) {
        this(x, false);
    }

    /**
     * @param x              the (normalised) features
     * @param columnsCentred true when every column of x already has mean zero up to rounding (centring or
     *                       z-scoring came first): the centring vector is then taken as exactly 0, which keeps
     *                       every identity below exact and saves a copy of the features
     */
    public RowGeometry(FeatureMatrix x, boolean columnsCentred) {
        this.x = x;
        this.n = x.rows();
        this.d = x.cols();
        this.z = FeatureMatrix.unsafeData(x);
        this.gamma = 4 * Math.sqrt(d + 8.0) * EPS;
        if (columnsCentred) {
            this.mu = new double[d];
            this.zc = z;
        }
    }

    /**
     * A geometry for {@code shifted} = this matrix minus a constant row vector (column centring). The centred Gram
     * matrix and both distance matrices are invariant to such a shift, so they are shared rather than recomputed.
     *
     * @param shifted the same rows shifted by one common vector
     * @return its geometry
     */
    public RowGeometry shifted(FeatureMatrix shifted) {
        if (shifted.rows() != n || shifted.cols() != d) {
            throw new IllegalArgumentException("shifted matrix has another shape");
        }
        RowGeometry g = new RowGeometry(shifted);
        g.gc = centredGram();
        g.d2 = d2;
        g.l1 = l1;
        return g;
    }

    /**
     * @return true when the pairwise kernels run as Java code on the CPU, so that several models can be prepared
     *         concurrently without oversubscribing the cores (the large Gram products that go to OpenBLAS instead run
     *         one at a time, {@link MatrixProducts#worthNative})
     */
    public static boolean modelsCanRunConcurrently() {
        return Pairwise.VECTOR_API && MatrixProducts.onCpu();
    }

    /** @return the model name */
    public String name() {
        return x.name();
    }

    /** @return n, the number of rows */
    public int rows() {
        return n;
    }

    /** @return d, the number of features */
    public int cols() {
        return d;
    }

    private double[] columnMeans() {
        if (mu == null) {
            mu = Means.columnMeans(z, n, d);
        }
        return mu;
    }

    private double[] centredRows() {
        if (zc == null) {
            double[] c = Means.subtractFromRows(z, columnMeans(), n, d);
            zc = c;
        }
        return zc;
    }

    /** @return Gc = (Z - 1m^T)(Z - 1m^T)^T, n x n, exactly symmetric */
    public synchronized double[] centredGram() {
        if (gc == null) {
            gc = Pairwise.gram(centredRows(), n, d);
        }
        return gc;
    }

    /** @return the exact Euclidean norm of every row */
    public synchronized double[] rowNorms() {
        if (rowNorms == null) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = i * d, e = k + d; k < e; k++) {
                    s += z[k] * z[k];
                }
                r[i] = Math.sqrt(s);
            }
            rowNorms = r;
        }
        return rowNorms;
    }

    /** @return ||z_i - z_j||^2, n x n, zero diagonal */
    public synchronized double[] squaredDistances() {
        if (d2 == null) {
            double[] g = centredGram();
            double[] out = new double[n * n];
            IntStream.range(0, n).parallel().forEach(i -> {
                double gii = g[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    double gjj = g[j * n + j];
                    double v = gii + gjj - 2 * g[i * n + j];
                    double bound = gamma * (gii + gjj + 2 * Math.sqrt(gii * gjj));
                    if (bound > TOLERANCE * v) {
                        v = exactSquaredDistance(z, i, j);
                    }
                    out[i * n + j] = v;
                    out[j * n + i] = v;
                }
            });
            d2 = out;
        }
        return d2;
    }

    private double exactSquaredDistance(double[] a, int i, int j) {
        int p = i * d;
        int q = j * d;
        double s0 = 0;
        double s1 = 0;
        int k = 0;
        for (; k + 1 < d; k += 2) {
            double t0 = a[p + k] - a[q + k];
            double t1 = a[p + k + 1] - a[q + k + 1];
            s0 += t0 * t0;
            s1 += t1 * t1;
        }
        for (; k < d; k++) {
            double t = a[p + k] - a[q + k];
            s0 += t * t;
        }
        return s0 + s1;
    }

    /** @return ||z_i - z_j||_1, n x n, summed directly */
    public synchronized double[] manhattanDistances() {
        if (l1 == null) {
            l1 = Pairwise.manhattan(z, n, d);
        }
        return l1;
    }

    /** @return Z Z^T, n x n */
    public synchronized double[] gram() {
        if (gram == null) {
            double[] g = centredGram();
            double[] m = columnMeans();
            double[] c = centredRows();
            double mm = dot(m, 0, m, 0, d);
            double nm = Math.sqrt(mm);
            double[] b = new double[n];
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = dot(c, i * d, m, 0, d);
                a[i] = Math.sqrt(g[i * n + i]) + nm;
            }
            double[] r = rowNorms();
            double[] out = new double[n * n];
            IntStream.range(0, n).parallel().forEach(i -> {
                for (int j = i; j < n; j++) {
                    double v = g[i * n + j] + b[i] + b[j] + mm;
                    if (2 * gamma * a[i] * a[j] > TOLERANCE * r[i] * r[j]) {
                        v = dot(z, i * d, z, j * d, d);
                    }
                    out[i * n + j] = v;
                    out[j * n + i] = v;
                }
            });
            gram = out;
        }
        return gram;
    }

    /** @return 1 - cos(z_i, z_j); rows of norm below 10 eps are at distance 1 from every row, themselves too */
    public synchronized double[] cosineDistances() {
        if (cos == null) {
            double[] g = gram();
            double[] r = rowNorms();
            double[] m = columnMeans();
            double nm = Math.sqrt(dot(m, 0, m, 0, d));
            double[] gc0 = centredGram();
            double[] mag = new double[n];
            for (int i = 0; i < n; i++) {
                mag[i] = Math.sqrt(gc0[i * n + i]) + nm;
            }
            double zero = 10 * EPS;
            double[] out = new double[n * n];
            IntStream.range(0, n).parallel().forEach(i -> {
                for (int j = i; j < n; j++) {
                    double v;
                    if (r[i] < zero || r[j] < zero) {
                        v = 1.0;
                    } else if (i == j) {
                        v = 0.0;
                    } else {
                        double c = g[i * n + j] / (r[i] * r[j]);
                        v = 1.0 - c;
                        // The Gram entry is either derived (error 2 gamma a_i a_j) or a direct dot (gamma r_i r_j).
                        double err = (2 * gamma * mag[i] * mag[j] + gamma * r[i] * r[j]) / (r[i] * r[j]);
                        if (err > TOLERANCE * v) {
                            v = directCosineDistance(z, i, j, 0.0, 0.0, r[i], r[j]);
                        }
                    }
                    out[i * n + j] = v;
                    out[j * n + i] = v;
                }
            });
            cos = out;
        }
        return cos;
    }

    /**
     * 1 - cos between rows i and j after subtracting the scalars si, sj from them, computed from the rows
     * themselves like the authors' code: 1 - u.v when u.v is at most 1/2, else ||u - v||^2 / 2.
     */
    private double directCosineDistance(double[] a, int i, int j, double si, double sj, double ni, double nj) {
        int p = i * d;
        int q = j * d;
        double dotuv = 0;
        for (int k = 0; k < d; k++) {
            dotuv += ((a[p + k] - si) / ni) * ((a[q + k] - sj) / nj);
        }
        if (dotuv <= 0.5) {
            return 1.0 - dotuv;
        }
        double s = 0;
        for (int k = 0; k < d; k++) {
            double t = (a[p + k] - si) / ni - (a[q + k] - sj) / nj;
            s += t * t;
        }
        return s / 2.0;
    }

    /** @return 1 - r(z_i, z_j), r the Pearson correlation over features, clipped to [0, 2] */
    public synchronized double[] correlationDistances() {
        if (corr == null) {
            double[] g = centredGram();
            double[] m = columnMeans();
            double[] c = centredRows();
            double mm = dot(m, 0, m, 0, d);
            double nm = Math.sqrt(mm);
            double sumMuAcc = 0;
            for (double v : m) {
                sumMuAcc += v;
            }
            double sumMu = sumMuAcc;
            double[] rowMean = new double[n];
            double[] b = new double[n];
            double[] s = new double[n];
            double[] pn = new double[n];
            double[] alpha = new double[n];
            double sqrtD = Math.sqrt(d);
            for (int i = 0; i < n; i++) {
                int off = i * d;
                double mi = Means.mean(z, off, d);
                rowMean[i] = mi;
                b[i] = dot(c, off, m, 0, d);
                double si = 0;
                double ss = 0;
                for (int k = off; k < off + d; k++) {
                    si += c[k];
                    double t = z[k] - mi;
                    ss += t * t;
                }
                s[i] = si;
                pn[i] = Math.sqrt(ss);
                if (pn[i] == 0) {
                    throw new DdsInputException("image " + i + " of model '" + x.name() + "' has the same value in"
                            + " all " + d + " features (after normalisation), so its Pearson correlation with other"
                            + " images is undefined: use another f (e.g. cosine) or remove that image");
                }
                alpha[i] = Math.sqrt(g[i * n + i]) + nm + sqrtD * Math.abs(mi);
            }
            double[] out = new double[n * n];
            IntStream.range(0, n).parallel().forEach(i -> {
                for (int j = i + 1; j < n; j++) {
                    double gp = g[i * n + j] + (b[i] - rowMean[j] * s[i]) + (b[j] - rowMean[i] * s[j]) + mm
                            - (rowMean[i] + rowMean[j]) * sumMu + d * rowMean[i] * rowMean[j];
                    double v = 1.0 - gp / (pn[i] * pn[j]);
                    double err = 3 * gamma * alpha[i] * alpha[j] / (pn[i] * pn[j]);
                    if (err > TOLERANCE * v) {
                        v = directCosineDistance(z, i, j, rowMean[i], rowMean[j], pn[i], pn[j]);
                    }
                    v = Math.min(2.0, Math.max(0.0, v));
                    out[i * n + j] = v;
                    out[j * n + i] = v;
                }
            });
            corr = out;
        }
        return corr;
    }

    /** a[p..p+len) . b[q..q+len) with two interleaved partial sums. */
    static double dot(double[] a, int p, double[] b, int q, int len) {
        double s0 = 0;
        double s1 = 0;
        int k = 0;
        for (; k + 1 < len; k += 2) {
            s0 += a[p + k] * b[q + k];
            s1 += a[p + k + 1] * b[q + k + 1];
        }
        for (; k < len; k++) {
            s0 += a[p + k] * b[q + k];
        }
        return s0 + s1;
    }
}
