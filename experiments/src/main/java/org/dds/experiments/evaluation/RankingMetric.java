package org.dds.experiments.evaluation;

/** The five measures of {@link RankingMetrics}, by the names reports give their columns. */
public enum RankingMetric {
    /** Spearman's rho; the paper's measure, the headline number everywhere. */
    SPEARMAN("spearman", true),
    /** Pearson's r. */
    PEARSON("pearson", true),
    /** Weighted Kendall's tau (Vigna 2015, hyperbolic additive weights). */
    WEIGHTED_TAU("weighted tau", true),
    /** Top-1 hit: the method's first source has the best ground truth (share of a tie for the top). */
    TOP1("top-1 hit", true),
    /** Relative regret of the method's first source, (best - picked) / |best|. */
    REGRET("relative regret", false);

    private final String label;
    private final boolean higherIsBetter;

    RankingMetric(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** @return the column name reports give it, e.g. {@code weighted tau} */
    public String label() {
        return label;
    }

    /** @return true when a larger value is a better ranking (false for the regret) */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return true for the three correlations, whose random-ranking value is 0 and whose tests are two-sided */
    public boolean isCorrelation() {
        return this == SPEARMAN || this == PEARSON || this == WEIGHTED_TAU;
    }
}
