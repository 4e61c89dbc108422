package org.dds.core.comparison;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;

/**
 * The built-in comparisons g. Each constant wraps its instance (as Tribuo's {@code DistanceType} wraps its
 * distances) and, for a g that centres, the constructor that takes the {@link Centering};
 * {@link MatrixComparison} stays open for other comparisons.
 *
 * <p>To add a g: write one class that implements {@link MatrixComparison} (or {@link UnitVectorComparison} when
 * g is the dot product of unit-vector embeddings, for the fast affinity path), then one line here.
 */
public enum ComparisonType {
    /** Centred kernel alignment (centring chosen separately). */
    CKA("cka", new Cka(), Cka::new),
    /** Spearman correlation of upper triangles. */
    SPEARMAN("spearman", new UpperTriangleSpearman()),
    /** Pearson correlation of upper triangles. */
    PEARSON("pearson", new UpperTrianglePearson());

    private final String cliName;
    private final MatrixComparison comparison;
    private final Function<Centering, MatrixComparison> centred;

    ComparisonType(String cliName, MatrixComparison comparison) {
        this(cliName, comparison, null);
    }

    ComparisonType(String cliName, MatrixComparison comparison, Function<Centering, MatrixComparison> centred) {
        this.cliName = cliName;
        this.comparison = comparison;
        this.centred = centred;
    }

    /** @return the CLI name */
    public String cliName() {
        return cliName;
    }

    /**
     * @param centering the centring, used by the comparisons that centre (CKA) and ignored by the others
     * @return the comparison
     */
    public MatrixComparison create(Centering centering) {
        return centred == null ? comparison : centred.apply(centering);
    }

    /**
     * @param name cka, spearman or pearson (any case)
     * @return the constant
     */
    public static ComparisonType parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (ComparisonType t : values()) {
            if (t.cliName.equals(s)) {
                return t;
            }
        }
        throw new DdsInputException("unknown g '" + name + "': expected one of " + names());
    }

    /** @return the CLI names, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(ComparisonType::cliName).collect(Collectors.joining(", "));
    }
}
