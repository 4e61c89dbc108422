package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.dds.core.kernel.Laplacian;
import org.dds.core.kernel.Rbf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine.TypeConversionException;

/** {@code --f NAME[:P]}: the parameters of f on the command line, parsed at the CLI edge only. */
class FunctionOptionTest {
    private static final String EXPECTED = "expected one of rbf, laplacian, linear, pearson, euclidean, cosine"
            + " (with a parameter: rbf:THRESHOLD or laplacian:GAMMA)";

    @Test
    void namesAndParametersBecomeInstances() {
        Converters.Pairwise c = new Converters.Pairwise();
        assertThat(c.convert("rbf")).isEqualTo(new Rbf());
        assertThat(c.convert("rbf:0.5")).isEqualTo(new Rbf());
        assertThat(c.convert("RBF:1.5")).isEqualTo(new Rbf(1.5)).hasToString("Rbf(threshold=1.5)");
        assertThat(c.convert("lap:0.01")).isEqualTo(new Laplacian(0.01));
        assertThat(c.convert("laplacian")).isEqualTo(new Laplacian());
        assertThat(c.convert("cosine").name()).isEqualTo("cosine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosin", "cosin:1", ":0.5"})
    void unknownNamesListTheValidOnes(String value) {
        assertThatThrownBy(() -> new Converters.Pairwise().convert(value)).isInstanceOf(TypeConversionException.class)
                .hasMessage(EXPECTED);
    }

    @Test
    void badParametersSayWhy() {
        Converters.Pairwise c = new Converters.Pairwise();
        assertThatThrownBy(() -> c.convert("rbf:abc")).isInstanceOf(TypeConversionException.class)
                .hasMessage(EXPECTED + "; the threshold of rbf must be a number, not 'abc'");
        assertThatThrownBy(() -> c.convert("laplacian:NaN")).isInstanceOf(TypeConversionException.class)
                .hasMessage(EXPECTED + "; the gamma of laplacian must be a number, not 'NaN'");
        assertThatThrownBy(() -> c.convert("rbf:-1")).isInstanceOf(TypeConversionException.class)
                .hasMessage(EXPECTED + "; rbf threshold is not a positive number: -1.0");
        assertThatThrownBy(() -> c.convert("cosine:2")).isInstanceOf(TypeConversionException.class)
                .hasMessage(EXPECTED + "; cosine takes no parameter");
    }

    @Test
    void theCommandLineUsesTheParameter(@TempDir Path dir) throws IOException {
        String x = Npy.random(dir.resolve("x.npy"), 8, 5, 1).toString();
        String y = Npy.random(dir.resolve("y.npy"), 8, 5, 2).toString();
        Cli.Run byDefault = Cli.run("similarity", "--x", x, "--y", y, "--f", "rbf");
        Cli.Run explicit = Cli.run("similarity", "--x", x, "--y", y, "--f", "rbf:0.5");
        Cli.Run wider = Cli.run("similarity", "--x", x, "--y", y, "--f", "rbf:2");
        assertThat(byDefault.exit()).as(byDefault.err()).isZero();
        assertThat(explicit.out()).as("the default threshold written out").isEqualTo(byDefault.out());
        assertThat(wider.exit()).as(wider.err()).isZero();
        assertThat(wider.out()).as("another threshold, another kernel").isNotEqualTo(byDefault.out());

        Cli.Run bad = Cli.run("similarity", "--x", x, "--y", y, "--f", "rbf:abc");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Invalid value 'rbf:abc' for option '--f': " + EXPECTED);
    }
}
