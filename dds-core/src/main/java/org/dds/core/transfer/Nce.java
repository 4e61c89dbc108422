package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Negative conditional entropy (Tran, Nguyen, Hassner, "Transferability and Hardness of Supervised
 * Classification Tasks", ICCV 2019): how much the source classifier's hard predictions z_i (its most probable
 * class; the first on ties) say about the target classes y_i,
 *
 * <pre>
 *   NCE = -H(Y | Z) = sum_{y, z} P(y, z) log( P(y, z) / P(z) ),   P(y, z) = #{i : y_i = y, z_i = z} / n,
 * </pre>
 *
 * in nats, at most 0. Needs the source classifier's class probabilities on the target images (n x C_s), not
 * features.
 */
public record Nce() implements TransferabilityEstimator {
    @Override
    public String name() {
        return "nce";
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
    public double score(double[][] probabilities, TargetLabels labels) {
        Inputs.check(this, probabilities, labels);
        int n = probabilities.length;
        int sourceClasses = probabilities[0].length;
        int[] y = labels.classIndices();
        double[][] joint = new double[labels.classCount()][sourceClasses];
        double[] marginal = new double[sourceClasses];
        for (int i = 0; i < n; i++) {
            int z = 0;
            for (int c = 1; c < sourceClasses; c++) {
                if (probabilities[i][c] > probabilities[i][z]) {
                    z = c;
                }
            }
            joint[y[i]][z]++;
            marginal[z]++;
        }
        double sum = 0;
        for (double[] row : joint) {
            for (int z = 0; z < sourceClasses; z++) {
                if (row[z] > 0) {
                    sum += row[z] / n * Math.log(row[z] / marginal[z]);
                }
            }
        }
        return sum;
    }
}
