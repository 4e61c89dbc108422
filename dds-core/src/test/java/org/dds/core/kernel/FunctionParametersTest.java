package org.dds.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.affinity.Dds;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.comparison.Cka;
import org.dds.core.normalization.ZScore;
import org.junit.jupiter.api.Test;

/**
 * The parameters of f: the RBF threshold t and the Laplacian gamma. The defaults are the paper's (t = 0.5,
 * gamma = 1/d) and give exactly the matrices of the parameterless instances; other values change the matrix as
 * the formula in each class's Javadoc says, checked on three points whose distances are small integers.
 */
class FunctionParametersTest {

    /** The matrices come from a Gram-matrix shortcut with a rounding bound of 1e-11 relative; 1e-12 absolute here. */
    private static final double ROUNDING = 1e-12;

    /** The two kernel paths (SIMD or scalar) differ by a few ulps in the last digit of DDS. */
    private static final double KERNEL_PATHS = 1e-15;

    /**
     * Three points in the plane, (0, 0), (1, 0) and (1, 2). Squared Euclidean distances: d2(0,1) = 1,
     * d2(0,2) = 1 + 4 = 5, d2(1,2) = 4; their nine entries sorted are 0,0,0,1,1,4,4,5,5, median m = 1. Manhattan
     * distances: 1, 3, 2. d = 2.
     */
    private static final FeatureMatrix POINTS = FeatureMatrix.of("points", 3, 2, new double[] {0, 0, 1, 0, 1, 2});

    @Test
    void defaultsAreThePapers() {
        assertThat(FunctionType.RBF.create()).isEqualTo(new Rbf()).isEqualTo(new Rbf(0.5))
                .isEqualTo(FunctionType.RBF.create(0.5));
        assertThat(FunctionType.RBF.create()).hasToString("Rbf(threshold=0.5)");
        assertThat(FunctionType.LAPLACIAN.create()).isEqualTo(new Laplacian()).hasToString("Laplacian(gamma=1/d)");
        assertThat(FunctionType.LAPLACIAN.create(0.01)).hasToString("Laplacian(gamma=0.01)");
        assertThat(FunctionType.RBF.parameter()).contains("threshold");
        assertThat(FunctionType.LAPLACIAN.parameter()).contains("gamma");
        for (FunctionType t : new FunctionType[] {FunctionType.LINEAR, FunctionType.PEARSON, FunctionType.EUCLIDEAN,
                FunctionType.COSINE}) {
            assertThat(t.parameter()).as(t.cliName()).isEmpty();
            assertThatThrownBy(() -> t.create(1.0)).as(t.cliName()).isInstanceOf(DdsInputException.class)
                    .hasMessage("f = " + t.cliName() + " takes no parameter, but was given 1.0");
        }
    }

    @Test
    void explicitDefaultsGiveTheSameBits() {
        // gamma = 1/d written out is the same double the default computes (1.0 / 2), so the matrices are equal.
        assertThat(new Laplacian(1.0 / 2).matrix(POINTS)).containsExactly(new Laplacian().matrix(POINTS));
        assertThat(new Rbf(0.5).matrix(POINTS)).containsExactly(new Rbf().matrix(POINTS));
    }

    /**
     * Regression: the default instances give the DDS values of before f took parameters. The literals were
     * printed by {@code Dds.similarity} at commit d00496a (FunctionType.RBF/LAPLACIAN.create(), z-score, unbiased
     * CKA) on these seeded features, and the whole 7 x 6 x 5 grid was checked bit for bit against that commit.
     * The SIMD and the scalar Manhattan loops (with and without jdk.incubator.vector) sum in different orders and
     * give 0.8302848238801657 and 0.8302848238801654, hence {@link #KERNEL_PATHS}.
     */
    @Test
    void defaultsGiveTheNumbersOfBefore() {
        FeatureMatrix x = random("a", 12, 64, 1);
        FeatureMatrix y = random("b", 12, 64, 2);
        assertThat(Dds.similarity(x, y, new DdsConfig(new ZScore(), FunctionType.RBF.create(), new Cka())))
                .isCloseTo(0.875893994244429, within(KERNEL_PATHS));
        assertThat(Dds.similarity(x, y, new DdsConfig(new ZScore(), FunctionType.LAPLACIAN.create(), new Cka())))
                .isCloseTo(0.8302848238801657, within(KERNEL_PATHS));
    }

    @Test
    void rbfThresholdScalesTheBandwidth() {
        // k = exp(-d2 / (2 t^2 m)) with m = 1: t = 0.5 gives exp(-2 d2); t = 2 gives exp(-d2 / 8).
        assertMatrix(new Rbf().matrix(POINTS), Math.exp(-2), Math.exp(-10), Math.exp(-8));
        assertMatrix(new Rbf(2).matrix(POINTS), Math.exp(-1.0 / 8), Math.exp(-5.0 / 8), Math.exp(-4.0 / 8));
    }

    @Test
    void laplacianGammaScalesTheManhattanDistance() {
        // k = exp(-gamma l1): the default gamma = 1/d = 1/2 gives exp(-l1 / 2); gamma = 0.01 gives exp(-0.01 l1).
        assertMatrix(new Laplacian().matrix(POINTS), Math.exp(-0.5), Math.exp(-1.5), Math.exp(-1.0));
        assertMatrix(FunctionType.LAPLACIAN.create(0.01).matrix(POINTS), Math.exp(-0.01), Math.exp(-0.03),
                Math.exp(-0.02));
    }

    @Test
    void invalidParametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new Rbf(0)).isInstanceOf(DdsInputException.class)
                .hasMessage("rbf threshold is not a positive number: 0.0");
        assertThatThrownBy(() -> FunctionType.RBF.create(Double.POSITIVE_INFINITY))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("rbf threshold");
        assertThatThrownBy(() -> FunctionType.LAPLACIAN.create(-0.5)).isInstanceOf(DdsInputException.class)
                .hasMessage("laplacian gamma is not a positive number: -0.5");
    }

    /** The seeded features of {@code DdsPropertiesTest.random}. */
    private static FeatureMatrix random(String name, int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextDouble() * 2 - 1 + (k % 3) * 0.5;
        }
        return FeatureMatrix.of(name, n, d, v);
    }

    /** Asserts a symmetric 3 x 3 kernel matrix with unit diagonal and the given k(0,1), k(0,2), k(1,2). */
    private static void assertMatrix(double[] k, double k01, double k02, double k12) {
        double[] expected = {1, k01, k02, k01, 1, k12, k02, k12, 1};
        for (int p = 0; p < 9; p++) {
            assertThat(k[p]).as("entry (%d, %d)", p / 3, p % 3).isCloseTo(expected[p], within(ROUNDING));
        }
    }
}
