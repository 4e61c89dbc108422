package org.dds.core.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.ComparisonType;
import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.NormalizationType;
import org.junit.jupiter.api.Test;

/** Every unusable input is refused with one sentence that names the model or position and the fix. */
class BadInputTest {

    @Test
    void differentNumbersOfImages() {
        assertThatThrownBy(() -> new FeatureSet(List.of(DdsPropertiesTest.random("autoencoder", 200, 8, 1),
                DdsPropertiesTest.random("edge3d", 199, 8, 2))))
                .isInstanceOf(DdsInputException.class)
                .hasMessage("features of model 'edge3d' have 199 rows but 'autoencoder' has 200: all models must "
                        + "describe the same images");
        assertThatThrownBy(() -> Dds.similarity(DdsPropertiesTest.random("a", 5, 8, 1),
                DdsPropertiesTest.random("b", 6, 8, 2), DdsConfig.defaults()))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("'b' have 6 rows but 'a' has 5");
    }

    @Test
    void tooFewImagesForUnbiasedCentring() {
        FeatureSet set = new FeatureSet(List.of(DdsPropertiesTest.random("a", 3, 8, 1),
                DdsPropertiesTest.random("b", 3, 8, 2)));
        // The library names the parameter; the command line spells it as its flag.
        assertThatThrownBy(() -> AffinityMatrix.compute(set, DdsConfig.defaults()))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("model 'a' has 3 images").hasMessageContaining("at least 4")
                .hasMessageContaining("use centering biased")
                .satisfies(e -> assertThat(((DdsInputException) e).messageFor(p -> "--" + p))
                        .as("the CLI's spelling").contains("use --centering biased"));
    }

    @Test
    void nanAndInfinity() {
        double[] v = new double[12];
        v[7] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> FeatureMatrix.of("m", 3, 4, v))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("'m'").hasMessageContaining("Infinity at image 1, feature 3");
    }

    @Test
    void constantImageUnderPearson() {
        double[] v = DdsPropertiesTest.random("m", 6, 8, 3).toArray();
        for (int k = 0; k < 8; k++) {
            v[2 * 8 + k] = 0.25;
        }
        FeatureMatrix m = FeatureMatrix.of("rgb2depth", 6, 8, v);
        DdsConfig config = new DdsConfig(NormalizationType.IDENTITY.create(null), FunctionType.PEARSON.create(),
                ComparisonType.CKA.create(Centering.UNBIASED));
        assertThatThrownBy(() -> Dds.prepare(m, config))
                .isInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("image 2 of model 'rgb2depth' has the same value in all 8 features");
    }

    @Test
    void mapNormalisationWithWrongFeatureCount() {
        FeatureMatrix m = DdsPropertiesTest.random("class_1000", 6, 100, 3);
        assertThatThrownBy(() -> NormalizationType.BATCH_NORM.create(MapShape.TASKONOMY).apply(m))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("'class_1000' have d = 100 columns but batch_norm treats each row as a 16 x 16"
                        + " x 8 map (2048 values)");
    }

    @Test
    void unknownNames() {
        assertThatThrownBy(() -> FunctionType.parse("cosin")).isInstanceOf(DdsInputException.class)
                .hasMessage("unknown f 'cosin': expected one of rbf, laplacian, linear, pearson, euclidean, cosine");
        assertThatThrownBy(() -> NormalizationType.parse("znorn")).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("expected one of identity, centering, zscore");
        assertThatThrownBy(() -> ComparisonType.parse("cca")).isInstanceOf(DdsInputException.class);
        assertThatThrownBy(() -> Centering.parse("half")).isInstanceOf(DdsInputException.class);
        FeatureSet set = new FeatureSet(List.of(DdsPropertiesTest.random("a", 5, 8, 1)));
        assertThatThrownBy(() -> set.get("b")).isInstanceOf(DdsInputException.class)
                .hasMessage("unknown model 'b': the features hold a");
        assertThatThrownBy(() -> MapShape.parse("16,16")).isInstanceOf(DdsInputException.class);
    }

    @Test
    void identicalImagesMakeRbfUndefined() {
        FeatureMatrix row = DdsPropertiesTest.random("r", 1, 8, 3);
        double[] v = new double[6 * 8];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(row.toArray(), 0, v, i * 8, 8);
        }
        v[0] += 1;
        FeatureMatrix m = FeatureMatrix.of("dup", 6, 8, v);
        DdsConfig config = new DdsConfig(NormalizationType.IDENTITY.create(null), FunctionType.RBF.create(),
                ComparisonType.CKA.create(Centering.UNBIASED));
        assertThatThrownBy(() -> Dds.prepare(m, config)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("rbf kernel of model 'dup' is undefined");
    }
}
