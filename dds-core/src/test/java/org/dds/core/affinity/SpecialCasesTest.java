package org.dds.core.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dds.core.FeatureMatrix;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.Identity;
import org.dds.core.normalization.NormalizationType;
import org.dds.core.stats.Correlation;
import org.junit.jupiter.api.Test;

/**
 * RSA and CKA as special cases of DDS, each checked against its own textbook formula written out here
 * independently of the library's code path; and the invariances they are known for.
 */
class SpecialCasesTest {

    private static final double IDENTITY = 1e-12;

    private final FeatureMatrix x = DdsPropertiesTest.random("x", 15, 40, 11);
    private final FeatureMatrix y = DdsPropertiesTest.random("y", 15, 40, 12);

    @Test
    void rsaIsSpearmanOfCorrelationDistanceUpperTriangles() {
        // Dwivedi and Roig 2019: RDM = 1 - corrcoef(rows); RSA = Spearman of the upper triangles.
        double[] a = upperRdm(x);
        double[] b = upperRdm(y);
        assertThat(Dds.similarity(x, y, DdsConfig.rsa())).isCloseTo(Correlation.spearman(a, b), within(IDENTITY));
    }

    private static double[] upperRdm(FeatureMatrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] out = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] u = new double[d];
                double[] v = new double[d];
                for (int k = 0; k < d; k++) {
                    u[k] = m.get(i, k);
                    v[k] = m.get(j, k);
                }
                out[p++] = 1 - Correlation.pearson(u, v);
            }
        }
        return out;
    }

    @Test
    void biasedLinearCkaIsKornblithsFeatureSpaceFormula() {
        // Kornblith et al. 2019, eq. for linear CKA: ||Y^T X||_F^2 / (||X^T X||_F ||Y^T Y||_F), X, Y column-centred.
        double[][] xc = centred(x);
        double[][] yc = centred(y);
        double num = frob2(crossProduct(yc, xc));
        double den = Math.sqrt(frob2(crossProduct(xc, xc))) * Math.sqrt(frob2(crossProduct(yc, yc)));
        assertThat(Dds.similarity(x, y, DdsConfig.linearCka(Centering.BIASED))).isCloseTo(num / den,
                within(IDENTITY));
    }

    @Test
    void ckaIsInvariantToOrthogonalTransformsAndIsotropicScaling() {
        // A rotation in the plane of features 0 and 1, and a scale of 3: linear and RBF CKA do not change
        // (Kornblith et al. 2019, section 3).
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[] v = x.toArray();
        for (int i = 0; i < x.rows(); i++) {
            double a = v[i * 40];
            double b = v[i * 40 + 1];
            v[i * 40] = 3 * (c * a - s * b);
            v[i * 40 + 1] = 3 * (s * a + c * b);
            for (int k = 2; k < 40; k++) {
                v[i * 40 + k] *= 3;
            }
        }
        FeatureMatrix rotated = FeatureMatrix.of("r", x.rows(), 40, v);
        for (DdsConfig config : new DdsConfig[] {DdsConfig.linearCka(Centering.UNBIASED),
            DdsConfig.rbfCka(0.5, Centering.UNBIASED),
            new DdsConfig(new Identity(), FunctionType.EUCLIDEAN.create(), new Cka()),
            new DdsConfig(NormalizationType.IDENTITY.create(null), FunctionType.COSINE.create(), new Cka())}) {
            assertThat(Dds.similarity(x, rotated, config)).as(config.label()).isCloseTo(1.0, within(IDENTITY));
        }
    }

    private static double[][] centred(FeatureMatrix m) {
        double[][] out = new double[m.rows()][m.cols()];
        for (int k = 0; k < m.cols(); k++) {
            double mean = 0;
            for (int i = 0; i < m.rows(); i++) {
                mean += m.get(i, k);
            }
            mean /= m.rows();
            for (int i = 0; i < m.rows(); i++) {
                out[i][k] = m.get(i, k) - mean;
            }
        }
        return out;
    }

    /** a^T b for row-major n x p and n x q. */
    private static double[][] crossProduct(double[][] a, double[][] b) {
        double[][] out = new double[a[0].length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int p = 0; p < a[0].length; p++) {
                for (int q = 0; q < b[0].length; q++) {
                    out[p][q] += a[i][p] * b[i][q];
                }
            }
        }
        return out;
    }

    private static double frob2(double[][] m) {
        double s = 0;
        for (double[] r : m) {
            for (double v : r) {
                s += v * v;
            }
        }
        return s;
    }
}
