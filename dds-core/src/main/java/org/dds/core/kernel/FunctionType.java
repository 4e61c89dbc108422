package org.dds.core.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;

/** The built-in functions f with their default parameters, in the column order of the paper's Table 2 code. */
public enum FunctionType {
    /** Gaussian kernel, median bandwidth, t = 0.5. */
    RBF("rbf", "rbf", Rbf::new),
    /** Laplacian kernel, gamma = 1/d. */
    LAPLACIAN("laplacian", "lap", Laplacian::new),
    /** Linear kernel. */
    LINEAR("linear", "linear", Linear::new),
    /** 1 - Pearson correlation. */
    PEARSON("pearson", "pearson", PearsonDistance::new),
    /** Euclidean distance. */
    EUCLIDEAN("euclidean", "euclidean", EuclideanDistance::new),
    /** 1 - cosine similarity. */
    COSINE("cosine", "cosine", CosineDistance::new);

    private final String cliName;
    private final String authorsName;
    private final Supplier<PairwiseFunction> factory;

    FunctionType(String cliName, String authorsName, Supplier<PairwiseFunction> factory) {
        this.cliName = cliName;
        this.authorsName = authorsName;
        this.factory = factory;
    }

    /** @return the name on the command line and in reports */
    public String cliName() {
        return cliName;
    }

    /** @return the name in the authors' code ("lap" for the Laplacian) */
    public String authorsName() {
        return authorsName;
    }

    /** @return the function with its default parameters */
    public PairwiseFunction create() {
        return factory.get();
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
