package org.dds.core.transfer;

import org.dds.core.DdsInputException;

/** The checks every estimator makes before it computes: one place, one wording. */
final class Inputs {
    /** How far a row of probabilities may sum from 1 (float32 softmax outputs sum to 1 within about 1e-7). */
    static final double PROBABILITY_SUM_TOLERANCE = 1e-5;

    private Inputs() {
    }

    /**
     * @param method the estimator
     * @param x      its input, n x d
     * @param labels the target labels
     * @throws DdsInputException if the method does not support the labels' kind, the sizes disagree, a value is
     *                           not finite, the features are all constant, or probabilities are not probabilities
     */
    static void check(TransferabilityEstimator method, double[][] x, TargetLabels labels) {
        TransferabilityMethods.requireSupport(method, labels.kind());
        String what = method.input() == EstimatorInput.FEATURES ? "features" : "sourceProbabilities";
        String word = method.input().word();
        int n = x == null ? 0 : x.length;
        if (n != labels.size()) {
            throw new DdsInputException(p -> "the " + word + " (" + p.apply(what) + ") have " + n
                    + " images but the " + p.apply("labels") + " have " + labels.size()
                    + ": give one label per image, in the same order");
        }
        int d = x[0].length;
        if (d == 0) {
            throw new DdsInputException(p -> "the " + word + " (" + p.apply(what) + ") have no columns: give at"
                    + " least one value per image");
        }
        for (int i = 0; i < n; i++) {
            int row = i;
            if (x[i].length != d) {
                throw new DdsInputException(p -> "image " + row + " of the " + word + " (" + p.apply(what)
                        + ") has " + x[row].length + " values but image 0 has " + d + ": every image needs the same"
                        + " number");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    int col = j;
                    throw new DdsInputException(p -> "the " + word + " (" + p.apply(what) + ") hold "
                            + x[row][col] + " at image " + row + ", column " + col + ": every value must be finite");
                }
            }
        }
        if (method.input() == EstimatorInput.FEATURES) {
            requireSomeVariation(x);
        } else {
            requireProbabilities(x, what);
        }
    }

    private static void requireSomeVariation(double[][] x) {
        for (int j = 0; j < x[0].length; j++) {
            for (int i = 1; i < x.length; i++) {
                if (x[i][j] != x[0][j]) {
                    return;
                }
            }
        }
        throw new DdsInputException(p -> "every one of the " + x[0].length + " " + p.apply("features")
                + " is the same for all " + x.length + " images: they cannot tell the images apart; check that"
                + " they were extracted from the images");
    }

    private static void requireProbabilities(double[][] x, String what) {
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int j = 0; j < x[i].length; j++) {
                if (x[i][j] < 0 || x[i][j] > 1) {
                    int row = i;
                    int col = j;
                    throw new DdsInputException(p -> "the source probabilities (" + p.apply(what) + ") hold "
                            + x[row][col] + " at image " + row + ", class " + col + ": give the source classifier's"
                            + " softmax outputs, each in [0, 1]");
                }
                sum += x[i][j];
            }
            if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
                int row = i;
                double total = sum;
                throw new DdsInputException(p -> "the source probabilities (" + p.apply(what) + ") of image "
                        + row + " sum to " + total + ": give the source classifier's softmax outputs, each row"
                        + " summing to 1");
            }
        }
    }

    /**
     * @param x n x d
     * @return x minus its column means, a new array
     */
    static double[][] centred(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = x[i][j] - mean[j];
            }
        }
        return out;
    }
}
