package org.dds.core.transfer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.kernel.RowGeometry;

/**
 * The k-nearest-neighbour readout, leave-one-out: each image is predicted from the k other images nearest to it
 * in Euclidean distance (ties in distance go to the lower image index),
 *
 * <pre>
 *   classification:  accuracy = (1/n) #{i : majority class of N_k(i) = y_i}
 *   regression:      R^2 = mean over target columns j of 1 - sum_i (y_ij - mean_{l in N_k(i)} y_lj)^2
 *                                                          / sum_i (y_ij - mean_i y_ij)^2,
 * </pre>
 *
 * a tied vote going to the tied class with the nearest neighbour. The plain readout that the transferability
 * literature compares against (e.g. You et al. 2021, Pandy et al. 2022 use it as a baseline). Invariant to
 * rotations and translations of the features (Euclidean distances are).
 *
 * @param k the number of neighbours, at least 1 (and at most n - 1 for n images)
 */
public record Knn(int k) implements TransferabilityEstimator {
    /** Validates k. */
    public Knn {
        if (k < 1) {
            int bad = k;
            throw new DdsInputException(p -> "the number of neighbours " + p.apply("k") + " is " + bad
                    + ": give at least 1");
        }
    }

    /** The 1-nearest-neighbour readout. */
    public Knn() {
        this(1);
    }

    @Override
    public String name() {
        return "knn";
    }

    @Override
    public EstimatorInput input() {
        return EstimatorInput.FEATURES;
    }

    @Override
    public Set<TargetKind> targetKinds() {
        return EnumSet.allOf(TargetKind.class);
    }

    @Override
    public double score(double[][] features, TargetLabels labels) {
        Inputs.check(this, features, labels);
        int n = features.length;
        if (k > n - 1) {
            throw new DdsInputException(p -> "the number of neighbours " + p.apply("k") + " is " + k + " but"
                    + " leaving one of the " + n + " images out leaves " + (n - 1) + ": give k of at most " + (n - 1));
        }
        double[] d2 = new RowGeometry(FeatureMatrix.of("features", features)).squaredDistances();
        int[][] neighbours = new int[n][];
        Integer[] order = new Integer[n - 1];
        for (int i = 0; i < n; i++) {
            int row = i;
            for (int j = 0, p = 0; j < n; j++) {
                if (j != i) {
                    order[p++] = j;
                }
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(d2[row * n + a], d2[row * n + b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            neighbours[i] = new int[k];
            for (int m = 0; m < k; m++) {
                neighbours[i][m] = order[m];
            }
        }
        return labels.kind() == TargetKind.CLASSIFICATION ? accuracy(neighbours, labels) : r2(neighbours, labels);
    }

    private static double accuracy(int[][] neighbours, TargetLabels labels) {
        int[] y = labels.classIndices();
        int hits = 0;
        int[] votes = new int[labels.classCount()];
        for (int i = 0; i < y.length; i++) {
            Arrays.fill(votes, 0);
            int best = 0;
            for (int j : neighbours[i]) {
                best = Math.max(best, ++votes[y[j]]);
            }
            // Nearest first: the first neighbour whose class has the most votes breaks a tie.
            int guess = -1;
            for (int j : neighbours[i]) {
                if (votes[y[j]] == best) {
                    guess = y[j];
                    break;
                }
            }
            if (guess == y[i]) {
                hits++;
            }
        }
        return (double) hits / y.length;
    }

    private static double r2(int[][] neighbours, TargetLabels labels) {
        double[][] columns = labels.targetColumns();
        int n = labels.size();
        double sum = 0;
        for (double[] y : columns) {
            double mean = 0;
            for (double v : y) {
                mean += v;
            }
            mean /= n;
            double residual = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double prediction = 0;
                for (int j : neighbours[i]) {
                    prediction += y[j];
                }
                prediction /= neighbours[i].length;
                residual += (y[i] - prediction) * (y[i] - prediction);
                total += (y[i] - mean) * (y[i] - mean);
            }
            sum += 1 - residual / total;
        }
        return sum / columns.length;
    }
}
