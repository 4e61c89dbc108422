package org.dds.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every estimator against the project's own reference values: {@code
 * src/test/resources/reference/transferability_reference.py}, a numpy implementation written from the papers'
 * formulas in their most direct form (d x d solves and log-determinants where the Java code takes an SVD route),
 * run by hand, whose text outputs are committed under {@code reference/transfer/}. Five cases: classification
 * with n > d, n < d (24 images, 50 features) and classes named -3, 5, 11 of sizes 2, 10, 18; regression with
 * n > d and n < d. A regression case for a classification-only method must be refused.
 */
class ReferenceTransferabilityTest {
    /** The bar; the reference and the Java code are both float64, with different summation orders. */
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> lines() {
        List<Arguments> out = new ArrayList<>();
        for (ReferenceCases.Case c : ReferenceCases.all()) {
            for (ReferenceCases.Expected e : c.expected()) {
                out.add(Arguments.of(c, e.method(), e));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lines")
    void matchesTheReference(ReferenceCases.Case c, String method, ReferenceCases.Expected expected) {
        TransferabilityEstimator estimator = ReferenceCases.estimator(method);
        double[][] input = estimator.input() == EstimatorInput.FEATURES ? c.features() : c.probabilities();
        if (expected.refused() != null) {
            assertThatThrownBy(() -> estimator.score(input, c.labels()))
                    .as("%s on %s must be refused (%s)", method, c.name(), expected.refused())
                    .isInstanceOf(DdsInputException.class)
                    .hasMessageContaining(c.kind().word());
            return;
        }
        assertThat(estimator.score(input, c.labels())).as("%s on %s", method, c.name())
                .isCloseTo(expected.value(), within(TOLERANCE));
    }
}
