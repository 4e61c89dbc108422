package org.dds.core.transfer;

/** What an estimator reads for each source model besides the target labels. */
public enum EstimatorInput {
    /** The source model's features of the target images, n x d. */
    FEATURES("features"),
    /**
     * The source classifier's predicted class probabilities on the target images, n x C_s, rows summing to 1
     * (LEEP and NCE: the source model must be a classifier).
     */
    SOURCE_PROBABILITIES("source probabilities");

    private final String word;

    EstimatorInput(String word) {
        this.word = word;
    }

    /** @return what the input is, in words, as messages print it */
    public String word() {
        return word;
    }
}
