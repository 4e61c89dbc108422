package org.dds.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Quickselect agrees with sorting, ties and repeated values included; the symmetric median with numpy's rule. */
class SelectionTest {

    @Test
    void kthEqualsSortedPosition() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int len = 1 + r.nextInt(60);
            double[] a = new double[len];
            for (int i = 0; i < len; i++) {
                a[i] = r.nextInt(8);   // many ties
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(len);
            assertThat(Selection.kth(a.clone(), k)).as("trial %d k %d", trial, k).isEqualTo(sorted[k]);
        }
    }

    @Test
    void medianOfSymmetricCountsTheDiagonalZerosAndBothTriangles() {
        // 3 x 3 with off-diagonal 1, 2, 3: the 9 entries are 0 0 0 1 1 2 2 3 3, median 1 (numpy.median).
        double[] m = {0, 1, 2, 1, 0, 3, 2, 3, 0};
        assertThat(Rbf.medianOfSymmetric(m, 3)).isEqualTo(1.0);
        // 2 x 2 with off-diagonal 5: entries 0 0 5 5, median (0 + 5) / 2.
        assertThat(Rbf.medianOfSymmetric(new double[] {0, 5, 5, 0}, 2)).isEqualTo(2.5);
    }
}
