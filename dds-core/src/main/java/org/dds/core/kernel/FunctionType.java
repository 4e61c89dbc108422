package org.dds.core.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;

/**
 * The built-in functions f, in the column order of the paper's Table 2 code. Each constant wraps its instance
 * with the paper's default parameters (as Tribuo's {@code DistanceType} wraps its distances) and, for an f that
 * has a parameter, the constructor that takes it; {@link PairwiseFunction} stays open for other functions.
 *
 * <p>To add an f: write one class that implements {@link PairwiseFunction}, then one line here.
 */
public enum FunctionType {
    /** Gaussian kernel, median bandwidth; parameter threshold t = 0.5. */
    RBF("rbf", "rbf", new Rbf(), "threshold", Rbf::new),
    /** Laplacian kernel; parameter gamma = 1/d. */
    LAPLACIAN("laplacian", "lap", new Laplacian(), "gamma", Laplacian::new),
    /** Linear kernel. */
    LINEAR("linear", "linear", new Linear()),
    /** 1 - Pearson correlation. */
    PEARSON("pearson", "pearson", new PearsonDistance()),
    /** Euclidean distance. */
    EUCLIDEAN("euclidean", "euclidean", new EuclideanDistance()),
    /** 1 - cosine similarity. */
    COSINE("cosine", "cosine", new CosineDistance());

    private final String cliName;
    private final String authorsName;
    private final PairwiseFunction function;
    private final String parameter;
    private final DoubleFunction<PairwiseFunction> withParameter;

    FunctionType(String cliName, String authorsName, PairwiseFunction function) {
        this(cliName, authorsName, function, null, null);
    }

    FunctionType(String cliName, String authorsName, PairwiseFunction function, String parameter,
            DoubleFunction<PairwiseFunction> withParameter) {
        this.cliName = cliName;
        this.authorsName = authorsName;
        this.function = function;
        this.parameter = parameter;
        this.withParameter = withParameter;
    }

    /** @return the name on the command line and in reports */
    public String cliName() {
        return cliName;
    }

    /** @return the name in the authors' code ("lap" for the Laplacian) */
    public String authorsName() {
        return authorsName;
    }

    /** @return the function with its default parameters (immutable, shared) */
    public PairwiseFunction create() {
        return function;
    }

    /** @return the name of the function's one parameter (e.g. {@code threshold}), empty when it has none */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    /**
     * @param value the value of the function's {@link #parameter() parameter}
     * @return the function with that parameter
     * @throws DdsInputException if the function has no parameter or the value is not valid for it
     */
    public PairwiseFunction create(double value) {
        if (withParameter == null) {
            throw new DdsInputException("f = " + cliName + " takes no parameter, but was given " + value);
        }
        return withParameter.apply(value);
    }

    /**
     * @param name a CLI or authors' name, any case
     * @return the constant
     * @throws DdsInputException listing the valid names
     */
    public static FunctionType parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (FunctionType t : values()) {
            if (t.cliName.equals(s) || t.authorsName.equals(s)) {
                return t;
            }
        }
        throw new DdsInputException("unknown f '" + name + "': expected one of " + names());
    }

    /** @return the CLI names, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(FunctionType::cliName).collect(Collectors.joining(", "));
    }
}
