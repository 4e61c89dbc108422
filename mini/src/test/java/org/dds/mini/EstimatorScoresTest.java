package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.dds.core.transfer.PrincipalComponents;
import org.dds.core.transfer.TargetLabels;
import org.dds.core.transfer.TransferabilityEstimator;
import org.dds.core.transfer.TransferabilityMethods;
import org.junit.jupiter.api.Test;

class EstimatorScoresTest {
    private static final ImageSize SIZE = ImageSize.FASHION_MNIST;

    /**
     * The cells hold exactly what dds-core's estimators (checked there against the project's numpy reference) give
     * for the same inputs: LogME on the features, GBC on their principal components; LEEP says it needs a classifier
     * where there are no probabilities, H-score that it takes classes only.
     */
    @Test
    void cellsAreTheEstimatorsValuesOrTheirReasons() {
        List<TransferabilityEstimator> methods = List.of(TransferabilityMethods.byName("logme"),
                TransferabilityMethods.byName("gbc"), TransferabilityMethods.byName("leep"),
                TransferabilityMethods.byName("hscore"));
        double[][] features = {{1, 0, 2}, {2, 0, 1}, {1.5, 0, 1.7}, {0, 3, 0.5}, {0.2, 2, 0.1}, {0.1, 2.5, 0.3}};
        int[] classes = {0, 0, 0, 1, 1, 1};
        TaskSamples truth = new TaskSamples(MiniTask.COARSE4, SIZE, 6, new float[6 * SIZE.pixels()], new float[24],
                classes);
        EstimatorScores scores = EstimatorScores.empty(6, methods, 2, 9);
        double[][] components = EstimatorScores.components(features);
        scores.score(methods, 1, 3, features, components, null, truth);

        TargetLabels labels = TargetLabels.classes(classes);
        assertThat(scores.values()[0][1][3]).isEqualTo(methods.get(0).score(features, labels));
        assertThat(scores.values()[1][1][3]).isEqualTo(methods.get(1).score(PrincipalComponents.scores(features, 64),
                labels));
        assertThat(scores.reasons()[2][1][3]).isEqualTo(EstimatorScores.NOT_A_CLASSIFIER);
        assertThat(scores.values()[2][1][3]).isNaN();
        assertThat(scores.reasons()[0][0][0]).isNull();
        assertThat(scores.values()[0][0][0]).isNaN();

        // A regression target: its first value is 0 in every image and is dropped; H-score does not apply.
        float[] targets = new float[6 * 2];
        for (int i = 0; i < 6; i++) {
            targets[i * 2 + 1] = (float) features[i][0];
        }
        TaskSamples shift = new TaskSamples(MiniTask.SHIFT, SIZE, 6, new float[6 * SIZE.pixels()], targets, null);
        scores.score(methods, 0, 8, features, components, null, shift);
        double[][] kept = new double[6][1];
        for (int i = 0; i < 6; i++) {
            kept[i][0] = targets[i * 2 + 1];
        }
        assertThat(scores.values()[0][0][8]).isEqualTo(methods.get(0).score(features,
                TargetLabels.regression(kept)));
        assertThat(scores.reasons()[3][0][8]).isEqualTo("is defined for classification targets only");
    }
}
