package org.dds.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Weighted Kendall's tau, Spearman and Pearson against scipy 1.17: {@code reference/ranking_reference.py} wrote
 * {@code reference/ranking_expected.csv} (scipy.stats.weightedtau with its defaults, spearmanr, pearsonr).
 */
class RankingReferenceTest {
    /** The reference is float64 and the sums are short: only the summation order differs. */
    private static final double TOLERANCE = 1e-12;

    static Stream<Arguments> cases() {
        try (InputStream in = RankingReferenceTest.class.getResourceAsStream("/reference/ranking_expected.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().skip(1).map(line -> line.split(",")).map(f -> Arguments.of(f[0], vector(f[1]),
                    vector(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] vector(String s) {
        return Arrays.stream(s.split("\\|")).mapToDouble(Double::parseDouble).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipy(String name, double[] x, double[] y, double tau, double spearman, double pearson) {
        assertThat(WeightedTau.of(x, y)).as("weightedtau, %s", name).isCloseTo(tau, within(TOLERANCE));
        assertThat(WeightedTau.of(y, x)).as("symmetric, %s", name).isCloseTo(tau, within(TOLERANCE));
        assertThat(Correlation.spearman(x, y)).as("spearman, %s", name).isCloseTo(spearman, within(TOLERANCE));
        assertThat(Correlation.pearson(x, y)).as("pearson, %s", name).isCloseTo(pearson, within(TOLERANCE));
    }

    /**
     * By hand: x = (3, 2, 1), y = (3, 1, 2). Ranking by x (and by y) puts element 0 at rank 0; the pair weights are
     * w01 = 1 + 1/2 (or 1 + 1/3), w02 = 1 + 1/3 (or 1 + 1/2), w12 = 1/2 + 1/3. Ranking by (x, y): ranks (0, 1, 2),
     * pairs (0,1) and (0,2) concordant, (1,2) discordant: (3/2 + 4/3 - 5/6) / (3/2 + 4/3 + 5/6) = 2 / (11/3) = 6/11.
     * Ranking by (y, x): ranks (0, 2, 1), w01 = 4/3, w02 = 3/2, w12 = 5/6: the same sums, 6/11.
     */
    @Test
    void smallCaseByHand() {
        assertThat(WeightedTau.of(new double[] {3, 2, 1}, new double[] {3, 1, 2})).isCloseTo(6.0 / 11,
                within(TOLERANCE));
    }

    @Test
    void refusesConstantAndMismatchedVectors() {
        assertThatThrownBy(() -> WeightedTau.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("constant");
        assertThatThrownBy(() -> WeightedTau.of(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("got 2 and 3");
    }
}
