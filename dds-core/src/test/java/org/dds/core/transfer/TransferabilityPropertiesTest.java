package org.dds.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties on the reference cases: no estimator depends on what the classes are called, on the order of the
 * images, or (for the source-probability methods) on the order of the source classes; those whose formula uses
 * only Euclidean geometry or second moments (LogME, both H-scores, TransRate, kNN) do not depend on an orthogonal
 * rotation of the features. PARC (z-score per feature) and GBC (diagonal covariances) are not rotation-invariant
 * and are not tested for it.
 */
class TransferabilityPropertiesTest {
    /** Equal in exact arithmetic; float64 rounding through an SVD of a rotated matrix, relative to the value. */
    private static final double IDENTITY = 1e-10;

    private static final List<String> ROTATION_INVARIANT = List.of("logme", "hscore", "hscore-reg", "transrate",
            "knn", "knn:3");

    static Stream<Arguments> applicable() {
        List<Arguments> out = new ArrayList<>();
        for (ReferenceCases.Case c : ReferenceCases.all()) {
            for (ReferenceCases.Expected e : c.expected()) {
                if (e.value() != null) {
                    out.add(Arguments.of(c, e.method(), e.value()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("applicable")
    void renamingTheClassesChangesNothing(ReferenceCases.Case c, String method, double value) {
        assumeTrue(c.kind() == TargetKind.CLASSIFICATION, "classes only");
        int[] names = c.labels().classNames();
        int[] y = c.labels().classIndices();
        int[] renamed = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            // Reverses the order of the classes and moves them far away: class k becomes 1000 - 37 names[k].
            renamed[i] = 1000 - 37 * names[y[i]];
        }
        TransferabilityEstimator e = ReferenceCases.estimator(method);
        assertThat(e.score(input(e, c), TargetLabels.classes(renamed))).as("%s on %s, classes renamed", method, c)
                .isCloseTo(value, within(IDENTITY * Math.max(1, Math.abs(value))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("applicable")
    void reorderingTheImagesChangesNothing(ReferenceCases.Case c, String method, double value) {
        int n = c.features().length;
        int[] perm = permutation(n, new SplittableRandom(7));
        TransferabilityEstimator e = ReferenceCases.estimator(method);
        double[][] x = input(e, c);
        double[][] px = new double[n][];
        for (int i = 0; i < n; i++) {
            px[i] = x[perm[i]];
        }
        TargetLabels labels;
        if (c.kind() == TargetKind.CLASSIFICATION) {
            int[] y = c.labels().classIndices();
            int[] py = new int[n];
            for (int i = 0; i < n; i++) {
                py[i] = y[perm[i]];
            }
            labels = TargetLabels.classes(py);
        } else {
            double[][] y = c.labels().values();
            double[][] py = new double[n][];
            for (int i = 0; i < n; i++) {
                py[i] = y[perm[i]];
            }
            labels = TargetLabels.regression(py);
        }
        assertThat(e.score(px, labels)).as("%s on %s, images shuffled", method, c)
                .isCloseTo(value, within(IDENTITY * Math.max(1, Math.abs(value))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("applicable")
    void rotatingTheFeaturesChangesNothingWhereTheMethodSaysSo(ReferenceCases.Case c, String method, double value) {
        assumeTrue(ROTATION_INVARIANT.contains(method), "not claimed rotation-invariant");
        double[][] x = c.features();
        double[][] q = orthogonal(x[0].length, new SplittableRandom(11));
        double[][] rotated = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < q.length; j++) {
                double s = 0;
                for (int k = 0; k < q.length; k++) {
                    s += x[i][k] * q[k][j];
                }
                rotated[i][j] = s;
            }
        }
        TransferabilityEstimator e = ReferenceCases.estimator(method);
        assertThat(e.score(rotated, c.labels())).as("%s on %s, features rotated", method, c)
                .isCloseTo(value, within(IDENTITY * Math.max(1, Math.abs(value))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("applicable")
    void reorderingTheSourceClassesChangesNothing(ReferenceCases.Case c, String method, double value) {
        TransferabilityEstimator e = ReferenceCases.estimator(method);
        assumeTrue(e.input() == EstimatorInput.SOURCE_PROBABILITIES, "reads features");
        double[][] p = c.probabilities();
        double[][] reversed = new double[p.length][p[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int z = 0; z < p[i].length; z++) {
                reversed[i][p[i].length - 1 - z] = p[i][z];
            }
        }
        assertThat(e.score(reversed, c.labels())).as("%s on %s, source classes reversed", method, c)
                .isCloseTo(value, within(IDENTITY * Math.max(1, Math.abs(value))));
    }

    private static double[][] input(TransferabilityEstimator e, ReferenceCases.Case c) {
        return e.input() == EstimatorInput.FEATURES ? c.features() : c.probabilities();
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A random orthogonal d x d matrix: Gram-Schmidt (twice, for float64 orthogonality) of Gaussian columns. */
    private static double[][] orthogonal(int d, SplittableRandom random) {
        double[][] cols = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                cols[j][i] = gaussian(random);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += cols[j][i] * cols[k][i];
                    }
                    for (int i = 0; i < d; i++) {
                        cols[j][i] -= dot * cols[k][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += cols[j][i] * cols[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                cols[j][i] /= norm;
            }
        }
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                q[i][j] = cols[j][i];
            }
        }
        return q;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
