package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

/**
 * LEEP, the log expected empirical prediction (Nguyen, Hassner, Seeger, Archambeau, "LEEP: A New Measure to
 * Evaluate Transferability of Learned Representations", ICML 2020): the mean log-likelihood of the target labels
 * under the classifier that follows the source classifier's probabilities theta(x) with the empirical conditional
 * distribution of target given source classes,
 *
 * <pre>
 *   P(y, z) = (1/n) sum_{i : y_i = y} theta_z(x_i),   P(y | z) = P(y, z) / sum_y' P(y', z),
 *   LEEP = (1/n) sum_i log( sum_z P(y_i | z) theta_z(x_i) ),
 * </pre>
 *
 * at most 0. A source class with no probability mass on any target image has no P(y | z) and is left out (it
 * would add 0 times an undefined value). Needs the source classifier's class probabilities on the target images
 * (n x C_s, rows summing to 1), not features.
 */
public record Leep() implements TransferabilityEstimator {
    @Override
    public String name() {
        return "leep";
    }

    @Override
    public EstimatorInput input() {
        return EstimatorInput.SOURCE_PROBABILITIES;
    }

    @Override
    public Set<TargetKind> targetKinds() {
        return EnumSet.of(TargetKind.CLASSIFICATION);
    }

    @Override
    public double score(double[][] theta, TargetLabels labels) {
        Inputs.check(this, theta, labels);
        int n = theta.length;
        int sourceClasses = theta[0].length;
        int[] y = labels.classIndices();
        double[][] joint = new double[labels.classCount()][sourceClasses];
        double[] marginal = new double[sourceClasses];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < sourceClasses; z++) {
                joint[y[i]][z] += theta[i][z] / n;
            }
        }
        for (double[] row : joint) {
            for (int z = 0; z < sourceClasses; z++) {
                marginal[z] += row[z];
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int z = 0; z < sourceClasses; z++) {
                if (marginal[z] > 0) {
                    expected += joint[y[i]][z] / marginal[z] * theta[i][z];
                }
            }
            sum += Math.log(expected);
        }
        return sum / n;
    }
}
