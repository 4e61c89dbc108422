package org.dds.mini;

import java.util.Arrays;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.transfer.EstimatorInput;
import org.dds.core.transfer.PrincipalComponents;
import org.dds.core.transfer.TargetKind;
import org.dds.core.transfer.TargetLabels;
import org.dds.core.transfer.TransferabilityEstimator;

/**
 * What the transferability estimators of dds-core ({@link org.dds.core.transfer}) say about every (source, target)
 * pair of a Mini-Taskonomy run: each estimator scores a source's frozen features (or, for LEEP and NCE, its
 * classifier's probabilities) on the first {@code images} images of a target's label budget, with that target's
 * labels, as a user with a few labelled images and the candidate models would. The same features the transfer
 * readouts are fitted on (the last block, every position and channel), so an estimator and the ground truth see the
 * same representation; GBC sees their {@value #GBC_COMPONENTS} leading principal components, as its authors' code.
 *
 * @param images  labelled images each estimator sees (0 when the run computed none)
 * @param methods the estimators' names, in {@code values}' order
 * @param values  method x source x target: the score, NaN where the estimator does not apply
 * @param reasons method x source x target: why the estimator does not apply, null where it does
 */
public record EstimatorScores(int images, List<String> methods, double[][][] values, String[][][] reasons) {
    /** Says why a source network cannot feed an estimator that reads class probabilities. */
    static final String NOT_A_CLASSIFIER = "needs a classifier source, and these are regression networks";
    /**
     * GBC's pre-reduction, as its authors' code does: the features' 64 leading principal components. On the 2,048
     * raw features it is useless here: measured on the full mode's run, every source scored exactly 0 on every
     * classification target (a feature that is 0 for all images of a class makes the class Gaussians mutually
     * singular), so no ranking was defined.
     */
    static final int GBC_COMPONENTS = 64;

    /** Copies the method names. */
    public EstimatorScores {
        methods = List.copyOf(methods);
    }

    /** @return the scores of a run that computed no estimator */
    public static EstimatorScores none() {
        return new EstimatorScores(0, List.of(), new double[0][][], new String[0][][]);
    }

    /**
     * @param images  labelled images per estimator
     * @param methods the estimators
     * @param sources the number of sources
     * @param targets the number of targets
     * @return scores to be filled in, every cell NaN with no reason yet
     */
    static EstimatorScores empty(int images, List<TransferabilityEstimator> methods, int sources, int targets) {
        double[][][] values = new double[methods.size()][sources][targets];
        for (double[][] m : values) {
            for (double[] row : m) {
                Arrays.fill(row, Double.NaN);
            }
        }
        return new EstimatorScores(images, methods.stream().map(TransferabilityEstimator::name).toList(), values,
                new String[methods.size()][sources][targets]);
    }

    /** @return whether the run computed estimators */
    public boolean present() {
        return !methods.isEmpty();
    }

    /**
     * Scores one source on one target with every estimator; each job writes only its own (source, target) cells.
     *
     * @param methods       the estimators, in this record's order
     * @param source        the source's row
     * @param target        the target's column
     * @param features      images x d features of the source on the target's first images
     * @param components    their principal-component scores ({@link #components}), which GBC reads
     * @param probabilities images x classes: the source classifier's probabilities on them, or null when the
     *                      source is a regression network
     * @param truth         the target's samples of the label budget (its first {@code images} are scored)
     */
    void score(List<TransferabilityEstimator> methods, int source, int target, double[][] features,
            double[][] components, double[][] probabilities, TaskSamples truth) {
        TargetLabels labels;
        try {
            labels = labels(truth, features.length);
        } catch (DdsInputException unusable) {
            for (String[][] method : reasons) {
                method[source][target] = unusable.getMessage();
            }
            return;
        }
        TargetKind kind = labels.kind();
        for (int k = 0; k < methods.size(); k++) {
            TransferabilityEstimator e = methods.get(k);
            if (!e.supports(kind)) {
                reasons[k][source][target] = "is defined for " + String.join(" and ", e.targetKinds().stream()
                        .map(TargetKind::word).toList()) + " targets only";
                continue;
            }
            double[][] input = e.input() == EstimatorInput.SOURCE_PROBABILITIES ? probabilities
                    : e.name().equals("gbc") ? components : features;
            if (input == null) {
                reasons[k][source][target] = NOT_A_CLASSIFIER;
                continue;
            }
            try {
                values[k][source][target] = e.score(input, labels);
            } catch (DdsInputException refused) {
                reasons[k][source][target] = refused.getMessage();
            }
        }
    }

    /**
     * @return the labels of the first {@code count} samples: classes, or the regression targets without the columns
     *         that are the same for every one of those images (a pixel that is 0 in all of them, say, cannot tell
     *         sources apart, and the estimators refuse it)
     */
    static TargetLabels labels(TaskSamples truth, int count) {
        if (truth.task().kind() == MiniTask.Kind.CLASSIFICATION) {
            return TargetLabels.classes(Arrays.copyOf(truth.classes(), count));
        }
        int k = truth.outputs();
        float[] t = truth.targets();
        int[] varying = java.util.stream.IntStream.range(0, k).filter(c -> {
            for (int i = 1; i < count; i++) {
                if (t[i * k + c] != t[c]) {
                    return true;
                }
            }
            return false;
        }).toArray();
        double[][] y = new double[count][varying.length];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < varying.length; c++) {
                y[i][c] = t[i * k + varying[c]];
            }
        }
        return TargetLabels.regression(y);
    }

    /**
     * @param features images x d
     * @return their {@value #GBC_COMPONENTS} leading principal-component scores
     */
    static double[][] components(double[][] features) {
        return PrincipalComponents.scores(features, GBC_COMPONENTS);
    }

    /**
     * @param values row-major rows x cols floats (at least {@code rows} rows)
     * @param rows   the rows to take
     * @param cols   values per row
     * @return the first rows as float64
     */
    static double[][] rows(float[] values, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = values[i * cols + j];
            }
        }
        return out;
    }
}
