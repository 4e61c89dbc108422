package org.dds.core.kernel;

import java.util.stream.IntStream;

/**
 * Pairwise Manhattan (L1) distances, summed directly over the coordinates. The loop compares one row with four
 * others at a time so that each coordinate of the first row is loaded once for four differences, and keeps
 * independent partial sums so that the additions pipeline; rows are spread over all cores.
 */
final class Manhattan {
    private Manhattan() {
    }

    static double[] distances(double[] z, int n, int d) {
        double[] out = new double[n * n];
        IntStream.range(0, n).parallel().forEach(i -> row(z, n, d, i, out));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[j * n + i] = out[i * n + j];
            }
        }
        return out;
    }

    private static void row(double[] z, int n, int d, int i, double[] out) {
        int a = i * d;
        int j = i + 1;
        for (; j + 3 < n; j += 4) {
            int b0 = j * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < d; k++) {
                double v = z[a + k];
                s0 += Math.abs(v - z[b0 + k]);
                s1 += Math.abs(v - z[b1 + k]);
                s2 += Math.abs(v - z[b2 + k]);
                s3 += Math.abs(v - z[b3 + k]);
            }
            out[i * n + j] = s0;
            out[i * n + j + 1] = s1;
            out[i * n + j + 2] = s2;
            out[i * n + j + 3] = s3;
        }
        for (; j < n; j++) {
            int b = j * d;
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += Math.abs(z[a + k] - z[b + k]);
            }
            out[i * n + j] = s;
        }
    }
}
