package org.dds.core.transfer;

import java.util.Set;

/**
 * A transferability estimator: one number per source model saying how well it would transfer to a labelled
 * target task, higher meaning better, computed from the source's {@link #input()} on the target images and the
 * target labels, without training. Candidate sources are ranked by it.
 *
 * <p>Every implementation checks its inputs first and refuses an unusable combination in one sentence
 * ({@link org.dds.core.DdsInputException}): a target kind it does not support, a label count that differs from
 * the image count, non-finite values, features constant over all images, a class with one image, fewer than 2
 * classes, probabilities that are not probabilities. It never returns NaN.
 */
public interface TransferabilityEstimator {
    /** @return the method's name as {@link TransferabilityMethods#byName} takes it, e.g. {@code logme} */
    String name();

    /** @return what the method reads for each source: its features, or its classifier's probabilities */
    EstimatorInput input();

    /** @return the target kinds the method is defined for */
    Set<TargetKind> targetKinds();

    /**
     * @param kind a target kind
     * @return whether the method is defined for it
     */
    default boolean supports(TargetKind kind) {
        return targetKinds().contains(kind);
    }

    /**
     * @param input  n x d: the source's features of the n target images, or, when {@link #input()} is
     *               {@link EstimatorInput#SOURCE_PROBABILITIES}, its n x C_s class probabilities; row i is image i
     * @param labels the n target labels, in the same image order
     * @return the score, finite; higher means the source should transfer better
     * @throws org.dds.core.DdsInputException if the inputs are unusable for this method (one sentence saying why)
     */
    double score(double[][] input, TargetLabels labels);
}
