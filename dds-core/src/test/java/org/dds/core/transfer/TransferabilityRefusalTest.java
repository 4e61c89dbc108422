package org.dds.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Degenerate and unsupported inputs are refused in one sentence that names the parameter (spelled by the
 * reader: the command line spells {@code labels} as {@code --labels}), never answered with NaN.
 */
class TransferabilityRefusalTest {
    /** A front end that spells a parameter p as --p. */
    private static final UnaryOperator<String> FLAGS = p -> "--" + p;

    private static final double[][] FEATURES = {{0, 1}, {1, 0}, {2, 2}, {3, 1}, {4, 5}, {5, 3}};
    private static final double[][] PROBABILITIES = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}, {0.5, 0.5}, {0.2, 0.8},
        {0.1, 0.9}};
    private static final TargetLabels CLASSES = TargetLabels.classes(new int[] {0, 0, 0, 1, 1, 1});

    static Stream<TransferabilityEstimator> estimators() {
        return TransferabilityMethods.all().stream();
    }

    private static double[][] input(TransferabilityEstimator e) {
        return e.input() == EstimatorInput.FEATURES ? FEATURES : PROBABILITIES;
    }

    private static void refused(Runnable r, String... words) {
        assertThatThrownBy(r::run).isInstanceOf(DdsInputException.class)
                .satisfies(t -> {
                    String m = ((DdsInputException) t).messageFor(FLAGS);
                    assertThat(m).as("one line").doesNotContain("\n");
                    assertThat(m).contains(words);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void aLabelCountThatIsNotTheImageCount(TransferabilityEstimator e) {
        TargetLabels five = TargetLabels.classes(new int[] {0, 0, 1, 1, 1});
        refused(() -> e.score(input(e), five), "have 6 images", "--labels have 5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void nonFiniteInput(TransferabilityEstimator e) {
        double[][] x = {{0, 1}, {1, 0}, {2, Double.NaN}, {3, 1}, {4, 5}, {5, 3}};
        refused(() -> e.score(x, CLASSES), "NaN", "image 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void unsupportedRegression(TransferabilityEstimator e) {
        TargetLabels y = TargetLabels.regression(new double[][] {{0, 1}, {1, 3}, {2, 3}, {3, 5}, {4, 1}, {5, 0}});
        if (e.supports(TargetKind.REGRESSION)) {
            assertThat(e.score(input(e), y)).isFinite();
        } else {
            refused(() -> e.score(input(e), y), e.name() + " is defined for classification", "logme");
        }
    }

    @Test
    void constantFeatures() {
        double[][] x = {{1, 2}, {1, 2}, {1, 2}, {1, 2}, {1, 2}, {1, 2}};
        for (TransferabilityEstimator e : TransferabilityMethods.all()) {
            if (e.input() == EstimatorInput.FEATURES) {
                refused(() -> e.score(x, CLASSES), "--features", "same for all 6 images");
            }
        }
    }

    @Test
    void aClassWithOneImageAndASingleClass() {
        refused(() -> TargetLabels.classes(new int[] {3, 3, 3, 8}), "class 8", "single image (image 3)", "--labels");
        refused(() -> TargetLabels.classes(new int[] {4, 4, 4}), "single class (4)", "at least 2 classes");
        refused(() -> TargetLabels.regression(new double[] {1, 1, 1}), "target 0", "same for every image");
    }

    @Test
    void probabilitiesThatAreNotProbabilities() {
        double[][] sums = {{0.9, 0.2}, {0.8, 0.2}, {0.3, 0.7}, {0.5, 0.5}, {0.2, 0.8}, {0.1, 0.9}};
        double[][] negative = {{1.1, -0.1}, {0.8, 0.2}, {0.3, 0.7}, {0.5, 0.5}, {0.2, 0.8}, {0.1, 0.9}};
        for (TransferabilityEstimator e : List.of(new Leep(), new Nce())) {
            refused(() -> e.score(sums, CLASSES), "image 0 sum to 1.1", "--sourceProbabilities");
            refused(() -> e.score(negative, CLASSES), "1.1 at image 0, class 0", "[0, 1]");
        }
    }

    @Test
    void parameters() {
        refused(() -> new Knn(0), "--k is 0");
        refused(() -> new Knn(6).score(FEATURES, CLASSES), "--k is 6", "at most 5");
        refused(() -> new TransRate(0), "--eps is 0.0");
        refused(() -> new Parc().score(FEATURES, TargetLabels.regression(new double[] {0, 1, 2, 3, 4, 6})),
                "at least 2 targets per image");
        refused(() -> TransferabilityMethods.byName("logmee"), "unknown --method 'logmee'", "logme, hscore");
    }
}
