package org.dds.experiments.evaluation;

import java.util.SplittableRandom;

import org.dds.core.DdsInputException;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.Ranks;

/**
 * Two-sided permutation p-value of the Taskonomy score, the mean over K target columns of
 * Spearman(truth[:, j], scores[:, j]) (Dwivedi et al., ECCV 2020, section 4). Under the null hypothesis that no
 * column of the scores is associated with the same column of the truth, each column of the scores may be shuffled
 * independently; the p-value is the share of such shufflings whose |mean rho| reaches the observed |mean rho|,
 * counted as (hits + 1) / (permutations + 1) so that it is never 0 (Phipson and Smyth 2010). Ties get average ranks.
 * Seeded: the same inputs, count and seed give the same p-value. For one column it is
 * {@link org.dds.core.stats.PermutationTest#spearman}.
 */
public final class MeanSpearmanTest {
    /** Means closer than this count as equal: summation order differs between the observed and a shuffled mean. */
    private static final double TIE = 1e-12;

    private MeanSpearmanTest() {
    }

    /**
     * @param truth        S x K ground truth, {@code truth[i][j]} for source i and target j
     * @param scores       S x K scores (e.g. DDS), same order
     * @param permutations number of random shufflings, at least 1
     * @param seed         seed
     * @return the p-value in (0, 1]
     */
    public static double pValue(double[][] truth, double[][] scores, int permutations, long seed) {
        if (permutations < 1) {
            throw new DdsInputException("a permutation test needs at least 1 permutation, got " + permutations);
        }
        int s = truth.length;
        int k = truth[0].length;
        if (scores.length != s || scores[0].length != k) {
            throw new DdsInputException("ground truth is " + s + " x " + k + " but the scores are " + scores.length
                    + " x " + scores[0].length + ": align the models first");
        }
        double[][] truthColumns = new double[k][];
        double[][] scoreColumns = new double[k][];
        for (int j = 0; j < k; j++) {
            truthColumns[j] = Vectors.column(truth, j);
            scoreColumns[j] = Vectors.column(scores, j);
        }
        return pValueOfColumns(truthColumns, scoreColumns, permutations, seed);
    }

    /**
     * The same test for columns of different lengths, e.g. each target's sources without the target itself.
     *
     * @param truth        per target, the ground truth over its sources
     * @param scores       per target, the scores of the same sources in the same order
     * @param permutations number of random shufflings, at least 1
     * @param seed         seed
     * @return the p-value in (0, 1]
     */
    public static double pValueOfColumns(double[][] truth, double[][] scores, int permutations, long seed) {
        if (permutations < 1) {
            throw new DdsInputException("a permutation test needs at least 1 permutation, got " + permutations);
        }
        int k = truth.length;
        if (scores.length != k) {
            throw new DdsInputException(k + " ground-truth columns but " + scores.length + " score columns");
        }
        double[][] truthRanks = new double[k][];
        double[][] scoreRanks = new double[k][];
        double observed = 0;
        for (int j = 0; j < k; j++) {
            if (truth[j].length != scores[j].length) {
                throw new DdsInputException("column " + j + " has " + truth[j].length + " ground-truth values but "
                        + scores[j].length + " scores");
            }
            truthRanks[j] = Ranks.average(truth[j]);
            scoreRanks[j] = Ranks.average(scores[j]);
            observed += Correlation.pearson(truthRanks[j], scoreRanks[j]);
        }
        observed = Math.abs(observed / k);
        SplittableRandom random = new SplittableRandom(seed);
        int hits = 0;
        for (int p = 0; p < permutations; p++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double[] shuffled = scoreRanks[j];
                Vectors.shuffle(shuffled, random);
                // Ranks move with their values, so rho of shuffled ranks is rho of shuffled values.
                sum += Correlation.pearson(truthRanks[j], shuffled);
            }
            if (Math.abs(sum / k) >= observed - TIE) {
                hits++;
            }
        }
        return (hits + 1.0) / (permutations + 1.0);
    }
}
