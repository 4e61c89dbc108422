package org.dds.core.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.ComparisonType;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.kernel.FunctionType;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.NormalizationType;
import org.dds.core.testing.Oracle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (normalisation, f) affinity matrix under every g, on the oracle's 20 synthetic models (48 images x 2048
 * features, float64 and float32), against ../shared/oracle/expected written by dds_ref.py.
 */
class OracleAffinityTest {

    /** The oracle is good to ~1e-14; 1e-9 leaves room for another summation order (oracle README). */
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        // The oracle ships every g for float64 and the default g (unbiased CKA) for float32.
        for (String g : Oracle.GS) {
            out.add(Arguments.of("synth20_f64", g));
        }
        out.add(Arguments.of("synth20_f32", "cka_unbiased"));
        return out.stream();
    }

    static MatrixComparison comparison(String oracleG) {
        return switch (oracleG) {
            case "cka_unbiased" -> ComparisonType.CKA.create(Centering.UNBIASED);
            case "cka_biased" -> ComparisonType.CKA.create(Centering.BIASED);
            case "cka_none" -> ComparisonType.CKA.create(Centering.NONE);
            default -> ComparisonType.parse(oracleG).create(Centering.UNBIASED);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void ablationMatchesOracle(String set, String g) throws IOException {
        FeatureSet features = Oracle.features(set);
        List<Normalization> norms = new ArrayList<>();
        for (String n : Oracle.NORMS) {
            norms.add(NormalizationType.parse(n).create(MapShape.TASKONOMY));
        }
        List<PairwiseFunction> fs = new ArrayList<>();
        for (String f : Oracle.FUNCS) {
            fs.add(FunctionType.parse(f).create());
        }
        Map<String, Map<String, AffinityMatrix>> all = Ablation.compute(features, norms, fs, comparison(g));
        for (int a = 0; a < norms.size(); a++) {
            for (int b = 0; b < fs.size(); b++) {
                double[][] want = Oracle.expectedMatrix(set + "/" + g + "/" + Oracle.FUNCS.get(b) + "__"
                        + Oracle.NORMS.get(a) + ".csv");
                AffinityMatrix got = all.get(norms.get(a).name()).get(fs.get(b).name());
                for (int i = 0; i < want.length; i++) {
                    for (int j = 0; j < want.length; j++) {
                        assertThat(got.get(i, j))
                                .as("%s %s %s__%s [%d][%d]", set, g, Oracle.FUNCS.get(b), Oracle.NORMS.get(a), i, j)
                                .isCloseTo(want[i][j], within(TOLERANCE));
                    }
                }
            }
        }
    }
}
