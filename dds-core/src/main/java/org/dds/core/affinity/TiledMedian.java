package org.dds.core.affinity;

import java.util.Arrays;

import org.dds.core.FeatureSource;
import org.dds.core.kernel.BlockGeometry;

/**
 * The exact median of all n^2 squared distances of one model (the RBF bandwidth), found in passes over tiles
 * without holding the distances: squared distances are non-negative doubles, whose bit patterns sort as the
 * values do. Each pass counts the values of the current range of bit patterns in 65,536 equal sub-ranges and keeps
 * the sub-ranges that hold the wanted ranks; once the range holds few values, one more pass collects and sorts
 * them. The median of the n^2 entries is taken as numpy does (the n diagonal zeros included, every off-diagonal
 * value twice; the mean of the two middle values when n^2 is even), from ranks of the strict upper triangle.
 */
final class TiledMedian {
    private static final int BUCKETS = 1 << 16;
    private static final int COLLECT = 1 << 21;

    private TiledMedian() {
    }

    static double of(TilePlan plan, int m, FeatureSource x) {
        int n = plan.images();
        long total = (long) n * n;
        long k1 = total % 2 == 1 ? total / 2 : total / 2 - 1;
        long k2 = total / 2;
        double v1 = k1 < n ? 0.0 : Double.NaN;
        double v2 = k2 < n ? 0.0 : Double.NaN;
        if (Double.isNaN(v1) || Double.isNaN(v2)) {
            // In the sorted n^2 entries rank k >= n is the ((k - n) / 2)-th of the upper triangle.
            long r1 = Double.isNaN(v1) ? (k1 - n) / 2 : (k2 - n) / 2;
            long r2 = (k2 - n) / 2;
            double[] v = select(plan, m, x, r1, r2);
            if (Double.isNaN(v1)) {
                v1 = v[0];
            }
            v2 = v[1];
        }
        return (v1 + v2) / 2.0;
    }

    /** The r1-th and r2-th (0-based, r1 <= r2 <= r1 + 1) smallest values of the strict upper triangle. */
    private static double[] select(TilePlan plan, int m, FeatureSource x, long r1, long r2) {
        long lo = 0;
        long hi = Long.MAX_VALUE;
        long below = 0;
        while (true) {
            long width = (hi - lo) / BUCKETS + 1;
            long[] counts = new long[BUCKETS];
            long low = lo;
            long high = hi;
            forEach(plan, m, x, bits -> {
                if (bits >= low && bits <= high) {
                    counts[(int) ((bits - low) / width)]++;
                }
            });
            long seen = below;
            int b1 = -1;
            int b2 = -1;
            long below1 = 0;
            for (int b = 0; b < BUCKETS && b2 < 0; b++) {
                if (b1 < 0 && seen + counts[b] > r1) {
                    b1 = b;
                    below1 = seen;
                }
                if (seen + counts[b] > r2) {
                    b2 = b;
                }
                seen += counts[b];
            }
            if (width == 1) {
                // Every sub-range is one value.
                return new double[] {Double.longBitsToDouble(lo + b1), Double.longBitsToDouble(lo + b2)};
            }
            long newLo = lo + b1 * width;
            long newHi = Math.min(hi, lo + (b2 + 1) * width - 1);
            below = below1;
            lo = newLo;
            hi = newHi;
            long count = 0;
            for (int b = b1; b <= b2; b++) {
                count += counts[b];
            }
            if (count <= COLLECT) {
                return collect(plan, m, x, lo, hi, (int) count, r1 - below, r2 - below);
            }
        }
    }

    private static double[] collect(TilePlan plan, int m, FeatureSource x, long lo, long hi, int count, long i1,
            long i2) {
        if (lo == hi) {
            double v = Double.longBitsToDouble(lo);
            return new double[] {v, v};
        }
        double[] values = new double[count];
        int[] size = new int[1];
        forEach(plan, m, x, bits -> {
            if (bits >= lo && bits <= hi) {
                values[size[0]++] = Double.longBitsToDouble(bits);
            }
        });
        Arrays.sort(values);
        return new double[] {values[(int) i1], values[(int) i2]};
    }

    private interface BitsConsumer {
        void accept(long bits);
    }

    /** Visits the bit pattern of every strict-upper squared distance. */
    private static void forEach(TilePlan plan, int m, FeatureSource x, BitsConsumer visit) {
        for (int t = 0; t < plan.tiles(); t++) {
            int[] ij = plan.blocksOf(t);
            BlockGeometry g = plan.geometry(m, x, ij[0], ij[1]);
            double[] d2 = g.squaredDistances();
            int p = g.rows();
            int q = g.columns();
            for (int i = 0; i < p; i++) {
                for (int j = g.diagonal() ? i + 1 : 0; j < q; j++) {
                    visit.accept(Double.doubleToLongBits(d2[i * q + j] + 0.0));
                }
            }
        }
    }
}
