package org.dds.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tiny cases whose values are worked out by hand in the comments, from each paper's formula. */
class HandComputedTransferabilityTest {
    /** Hand arithmetic to 9 digits; the code computes in float64. */
    private static final double HAND = 1e-9;

    private static final TargetLabels TWO_BY_TWO = TargetLabels.classes(new int[] {0, 0, 1, 1});

    @Test
    void nceAndLeepOfHardPredictions() {
        // Source predictions z = 0, 0, 1, 0 (one-hot probabilities) for target classes y = 0, 0, 1, 1.
        // Joint P(y, z): P(0,0) = 2/4, P(1,1) = 1/4, P(1,0) = 1/4; P(z=0) = 3/4, P(z=1) = 1/4.
        // NCE = 1/2 log(2/3) + 1/4 log(1) + 1/4 log(1/3) = -0.202732554 - 0.274653072 = -0.477385626.
        // LEEP: P(y|z=0) = (2/3, 1/3), P(y|z=1) = (0, 1); images score log(2/3), log(2/3), log(1), log(1/3):
        // (1/4)(-0.405465108 - 0.405465108 + 0 - 1.098612289) = -0.477385626 (LEEP = NCE for hard predictions).
        double[][] theta = {{1, 0}, {1, 0}, {0, 1}, {1, 0}};
        assertThat(new Nce().score(theta, TWO_BY_TWO)).isCloseTo(-0.477385626, within(HAND));
        assertThat(new Leep().score(theta, TWO_BY_TWO)).isCloseTo(-0.477385626, within(HAND));
    }

    @Test
    void leepOfAnUninformativeSource() {
        // theta = (1/2, 1/2) for every image: P(y, z) = P(y) / 2, so P(y | z) = P(y) = 1/2 and every image scores
        // log(1/2 * 1/2 + 1/2 * 1/2) = log(1/2) = -0.693147181. NCE: every z is 0 (first on ties), H(Y|Z) = log 2.
        double[][] theta = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        assertThat(new Leep().score(theta, TWO_BY_TWO)).isCloseTo(-0.693147181, within(HAND));
        assertThat(new Nce().score(theta, TWO_BY_TWO)).isCloseTo(-0.693147181, within(HAND));
    }

    @Test
    void knnLeaveOneOut() {
        // Features 0, 1, 3, 10, 11 (one column). Leave-one-out nearest neighbours: 0->1, 1->0, 3->1 (distance 2
        // against 3 to image 0), 10->11, 11->10.
        // Classes a, a, b, b, b: predictions a, a, a, b, b: 4 of 5 right, accuracy 0.8.
        // Targets 0, 2, 4, 6, 8: predictions 2, 0, 2, 8, 6; residuals 4 x 5 = 20; mean 4, total 16+4+0+4+16 = 40;
        // R^2 = 1 - 20/40 = 0.5.
        double[][] x = {{0}, {1}, {3}, {10}, {11}};
        assertThat(new Knn().score(x, TargetLabels.classes(new int[] {7, 7, 9, 9, 9}))).isCloseTo(0.8, within(HAND));
        assertThat(new Knn().score(x, TargetLabels.regression(new double[] {0, 2, 4, 6, 8})))
                .isCloseTo(0.5, within(HAND));
        // k = 3: image 3's neighbours 1 (a), 0 (a), 10 (b) vote a; image 0's 1, 3, 10 vote b (wrong), image 1's
        // 0, 3, 10 vote b (wrong); 10 -> 11, 3, 1: b; 11 -> 10, 3, 1: b. Right: 10, 11 -> 2 of 5 = 0.4.
        assertThat(new Knn(3).score(x, TargetLabels.classes(new int[] {7, 7, 9, 9, 9})))
                .isCloseTo(0.4, within(HAND));
    }

    @Test
    void gbcOfTwoUnitGaussians() {
        // Class 0: -1, 1 (mean 0, population variance 1); class 1: 1, 3 (mean 2, variance 1).
        // D_B = 1/8 * 2^2 / 1 + 1/2 log(1 / sqrt(1 * 1)) = 0.5; BC = exp(-0.5) = 0.606530660;
        // GBC = -(BC(0,1) + BC(1,0)) = -1.213061319.
        double[][] x = {{-1}, {1}, {1}, {3}};
        assertThat(new Gbc().score(x, TWO_BY_TWO)).isCloseTo(-1.213061319, within(HAND));
    }

    @Test
    void hScoreOfOneFeature() {
        // Features -1, 1, 1, 3: mean 1, centred -2, 0, 0, 2, covariance (4 + 0 + 0 + 4) / 4 = 2.
        // Class means (centred) -1 and 1; their covariance over the images (1 + 1 + 1 + 1) / 4 = 1. H = 1 / 2.
        double[][] x = {{-1}, {1}, {1}, {3}};
        assertThat(new HScore().score(x, TWO_BY_TWO)).isCloseTo(0.5, within(HAND));
    }

    @Test
    void transRateOfOneFeature() {
        // Features 0, 0, 1, 2, classes 0, 0, 1, 1, eps = 1: centred -0.75, -0.75, 0.25, 1.25, Z^T Z = 2.75.
        // R(Z) = 1/2 log(1 + 2.75 / 4) = 1/2 log 1.6875; class 0: Z^T Z = 1.125, R = 1/2 log(1 + 1.125 / 2) =
        // 1/2 log 1.5625; class 1: 0.0625 + 1.5625 = 1.625, R = 1/2 log(1 + 1.625 / 2) = 1/2 log 1.8125.
        // TrR = 1/2 (0.5232481438 - 1/2 0.4462871026 - 1/2 0.5947071077) = 1/2 * 0.0027510386 = 0.0013755193.
        double[][] x = {{0}, {0}, {1}, {2}};
        assertThat(new TransRate(1).score(x, TWO_BY_TWO)).isCloseTo(0.0013755193, within(HAND));
    }

    @Test
    void logMeOfFeaturesThatExplainNothing() {
        // The only feature is image 0's indicator and the target 0, 1, -1, 2 is zero there: U^T y = 0, so
        // m = 0 and alpha = gamma / m^T m is infinite at once. The supremum is the noise-only limit, beta = n /
        // ||y||^2 = 4 / 6: L / n = -1/2 (log(2 pi * 6 / 4) + 1) = -1/2 (1.837877066 + 0.405465108 + 1)
        // = -1.621671087.
        double[][] x = {{1}, {0}, {0}, {0}};
        assertThat(new LogMe().score(x, TargetLabels.regression(new double[] {0, 1, -1, 2})))
                .isCloseTo(-1.621671087, within(HAND));
    }
}
