package org.dds.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {
    /**
     * Hand-computed: points (t, 2t, 2t) for t = 0, 1, 2, 5 lie on a line of direction (1, 2, 2) / 3; the centred t are
     * -2, -1, 0, 3, so the one component's scores are 3 x (-2, -1, 0, 3) = (-6, -3, 0, 9) (the largest-magnitude
     * score positive), and there is no second component.
     */
    @Test
    void pointsOnALineHaveOneComponent() {
        double[][] x = {{0, 0, 0}, {1, 2, 2}, {2, 4, 4}, {5, 10, 10}};
        double[][] scores = PrincipalComponents.scores(x, 2);
        assertThat(scores[0]).hasSize(1);
        double[] expected = {-6, -3, 0, 9};
        for (int i = 0; i < 4; i++) {
            assertThat(scores[i][0]).isCloseTo(expected[i], within(1e-12));
        }
    }

    /**
     * With as many components as the rank, the scores are the centred points in another orthonormal basis: every
     * distance between two images is kept (5 images in 8 dimensions: rank 4). With fewer, the first component carries
     * the largest variance: its variance is at least that of any other.
     */
    @Test
    void allComponentsKeepDistancesAndTheFirstHasTheMostVariance() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[5][8];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian() * (j + 1);
            }
        }
        double[][] s = PrincipalComponents.scores(x, 64);
        assertThat(s[0]).hasSize(4);
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                assertThat(distance(s[a], s[b])).isCloseTo(distance(x[a], x[b]), within(1e-10));
            }
        }
        double[] variance = new double[4];
        for (double[] row : s) {
            for (int c = 0; c < 4; c++) {
                variance[c] += row[c] * row[c];
            }
        }
        for (int c = 1; c < 4; c++) {
            assertThat(variance[c - 1]).isGreaterThanOrEqualTo(variance[c]);
        }
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
