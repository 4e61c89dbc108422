package org.dds.core.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dds.core.testing.PairwiseOnly;
import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.ComparisonType;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.comparison.UnitVectorComparison;
import org.dds.core.kernel.FunctionType;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.NormalizationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A g without a unit-vector embedding: affinity matrices and the ablation fall back to comparing the models'
 * matrices pair by pair with {@link MatrixComparison#compare}, and give what the embedding path (one product
 * V V^T) gives, to 1e-12 (an algebraic identity: the two only round differently).
 */
class PairwiseFallbackTest {

    /** Algebraic identities hold to rounding; 1e-12 per STYLE.md. */
    private static final double IDENTITY = 1e-12;

    /**
     * A g written from its formula alone, as a newcomer would: the Frobenius cosine
     * &lt;Mx, My&gt;_F / (||Mx||_F ||My||_F) over all n^2 entries, which is CKA without centring.
     */
    private record FrobeniusCosine() implements MatrixComparison {
        @Override
        public double compare(double[] mx, double[] my, int n) {
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int k = 0; k < n * n; k++) {
                xy += mx[k] * my[k];
                xx += mx[k] * mx[k];
                yy += my[k] * my[k];
            }
            return xy / Math.sqrt(xx * yy);
        }

        @Override
        public String name() {
            return "frobenius";
        }
    }

    static Stream<MatrixComparison> builtIns() {
        List<MatrixComparison> out = new ArrayList<>();
        for (ComparisonType g : ComparisonType.values()) {
            for (Centering c : g == ComparisonType.CKA ? Centering.values() : new Centering[] {Centering.UNBIASED}) {
                out.add(g.create(c));
            }
        }
        return out.stream();
    }

    private static FeatureSet set() {
        return new FeatureSet(List.of(DdsPropertiesTest.random("a", 10, 64, 1),
                DdsPropertiesTest.random("b", 10, 64, 2), DdsPropertiesTest.random("c", 10, 64, 3),
                DdsPropertiesTest.random("d", 10, 64, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void everyBuiltInGivesTheSameMatrixPairByPair(MatrixComparison g) {
        assertThat(g).isInstanceOf(UnitVectorComparison.class);
        FeatureSet set = set();
        List<Normalization> norms = Arrays.stream(NormalizationType.values())
                .map(t -> t.create(DdsPropertiesTest.SHAPE)).toList();
        List<PairwiseFunction> fs = Arrays.stream(FunctionType.values()).map(FunctionType::create).toList();
        Map<String, Map<String, AffinityMatrix>> fast = Ablation.compute(set, norms, fs, g);
        Map<String, Map<String, AffinityMatrix>> slow = Ablation.compute(set, norms, fs, new PairwiseOnly(g));
        for (Normalization n : norms) {
            for (PairwiseFunction f : fs) {
                DdsConfig config = new DdsConfig(n, f, new PairwiseOnly(g));
                assertThat(Dds.prepare(set.models().get(0), config).embedded()).isFalse();
                assertEqual(AffinityMatrix.compute(set, config), AffinityMatrix.compute(set,
                        new DdsConfig(n, f, g)), config.label());
                assertEqual(slow.get(n.name()).get(f.name()), fast.get(n.name()).get(f.name()),
                        "ablation " + config.label());
            }
        }
    }

    @Test
    void aComparisonWithoutEmbeddingMatchesItsEmbeddedTwin() {
        // The Frobenius cosine is CKA with centring none, whose embedding path is the packed upper triangle.
        FeatureSet set = set();
        for (FunctionType f : FunctionType.values()) {
            for (NormalizationType n : List.of(NormalizationType.IDENTITY, NormalizationType.ZSCORE)) {
                DdsConfig mine = new DdsConfig(n.create(null), f.create(), new FrobeniusCosine());
                DdsConfig cka = new DdsConfig(n.create(null), f.create(), new Cka(Centering.NONE));
                AffinityMatrix a = AffinityMatrix.compute(set, mine);
                assertEqual(a, AffinityMatrix.compute(set, cka), mine.label());
                assertThat(a.get(1, 3)).as("similarity = affinity entry")
                        .isEqualTo(Dds.similarity(set.models().get(1), set.models().get(3), mine));
                for (int i = 0; i < set.size(); i++) {
                    assertThat(a.get(i, i)).as("DDS(X, X)").isCloseTo(1.0, within(IDENTITY));
                }
            }
        }
    }

    @Test
    void preparedModelsOfDifferentComparisonsAreNotCompared() {
        FeatureSet set = set();
        PreparedModel a = Dds.prepare(set.models().get(0), DdsConfig.defaults());
        PreparedModel b = Dds.prepare(set.models().get(1), new DdsConfig(DdsConfig.defaults().normalization(),
                DdsConfig.defaults().function(), new FrobeniusCosine()));
        assertThatThrownBy(() -> a.similarity(b)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("prepare both with the same comparison");
    }

    private static void assertEqual(AffinityMatrix actual, AffinityMatrix expected, String what) {
        assertThat(actual.names()).isEqualTo(expected.names());
        for (int i = 0; i < actual.size(); i++) {
            for (int j = 0; j < actual.size(); j++) {
                assertThat(actual.get(i, j)).as("%s (%d, %d): pair by pair = embedding path", what, i, j)
                        .isCloseTo(expected.get(i, j), within(IDENTITY));
                assertThat(actual.get(i, j)).as("symmetry").isEqualTo(actual.get(j, i));
            }
        }
    }
}
