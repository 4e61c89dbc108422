package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RidgeReadoutTest {

    /**
     * The dual solution must equal the primal ridge solution W = (Xc^T Xc + lambda I)^-1 Xc^T Yc (the push-through
     * identity), which this test computes independently with Gaussian elimination in d x d, for the lambda the
     * readout reports having chosen (lambda = scale * trace(Xc Xc^T) / n).
     */
    @Test
    void dualSolutionEqualsThePrimalOne() {
        int n = 40;
        int m = 7;
        int d = 6;
        int k = 2;
        SplittableRandom r = new SplittableRandom(3);
        float[] x = randoms(r, n * d);
        float[] e = randoms(r, m * d);
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) {
            // A noisy linear target, so that the validation error does not simply prefer the smallest lambda.
            y[i * k] = (float) (x[i * d] - 2 * x[i * d + 3] + 0.8 * r.nextGaussian());
            y[i * k + 1] = (float) (0.5 * x[i * d + 1] + 1.0 + 0.8 * r.nextGaussian());
        }
        RidgeReadout.Prediction p = RidgeReadout.prepare(x, n, e, m, d, 11).fit(y, k);

        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j] / (double) n;
            }
        }
        double[] yMean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                yMean[c] += y[i * k + c] / (double) n;
            }
        }
        double trace = 0;
        double[][] a = new double[d][d + k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double xj = x[i * d + j] - mean[j];
                trace += xj * xj;
                for (int l = 0; l < d; l++) {
                    a[j][l] += xj * (x[i * d + l] - mean[l]);
                }
                for (int c = 0; c < k; c++) {
                    a[j][d + c] += xj * (y[i * k + c] - yMean[c]);
                }
            }
        }
        double lambda = p.lambdaScale() * trace / n;
        for (int j = 0; j < d; j++) {
            a[j][j] += lambda;
        }
        double[][] w = solve(a, d, k);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < k; c++) {
                double expected = yMean[c];
                for (int j = 0; j < d; j++) {
                    expected += (e[i * d + j] - mean[j]) * w[j][c];
                }
                assertThat(p.predictions()[i * k + c]).isCloseTo(expected, within(1e-9));
            }
        }
        assertThat(RidgeReadout.GRID).contains(p.lambdaScale());
    }

    /** An exact linear target with more images than features is recovered almost exactly (smallest lambda). */
    @Test
    void recoversAnExactLinearMap() {
        int n = 200;
        int m = 20;
        int d = 5;
        SplittableRandom r = new SplittableRandom(5);
        float[] x = randoms(r, n * d);
        float[] e = randoms(r, m * d);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = 3 * x[i * d] - x[i * d + 4] + 2;
        }
        RidgeReadout.Prediction p = RidgeReadout.prepare(x, n, e, m, d, 1).fit(y, 1);
        assertThat(p.lambdaScale()).isEqualTo(RidgeReadout.GRID[0]);
        for (int i = 0; i < m; i++) {
            // 3 x0 - x4 + 2 by construction; lambda = 1e-4 * mean eigenvalue shrinks the fit by well under 1e-2.
            assertThat(p.predictions()[i]).isCloseTo(3 * e[i * d] - e[i * d + 4] + 2, within(1e-2));
        }
    }

    @Test
    void refusesMismatchedSizes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RidgeReadout.prepare(new float[10], 5,
                new float[3], 1, 3, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n x d");
    }

    private static float[] randoms(SplittableRandom r, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** Gauss-Jordan elimination with partial pivoting on [A | B]; returns X with A X = B. */
    private static double[][] solve(double[][] a, int d, int k) {
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int row = col + 1; row < d; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int row = 0; row < d; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int c = col; c < d + k; c++) {
                        a[row][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[][] x = new double[d][k];
        for (int j = 0; j < d; j++) {
            for (int c = 0; c < k; c++) {
                x[j][c] = a[j][d + c] / a[j][j];
            }
        }
        return x;
    }
}
