package org.dds.core.comparison;

import java.util.Locale;

import org.dds.core.DdsInputException;

/** The built-in comparisons g. */
public enum ComparisonType {
    /** Centred kernel alignment (centring chosen separately). */
    CKA("cka"),
    /** Spearman correlation of upper triangles. */
    SPEARMAN("spearman"),
    /** Pearson correlation of upper triangles. */
    PEARSON("pearson");

    private final String cliName;

    ComparisonType(String cliName) {
        this.cliName = cliName;
    }

    /** @return the CLI name */
    public String cliName() {
        return cliName;
    }

    /**
     * @param centering the centring, used by CKA only
     * @return the comparison
     */
    public MatrixComparison create(Centering centering) {
        return switch (this) {
            case CKA -> new Cka(centering);
            case SPEARMAN -> new UpperTriangleSpearman();
            case PEARSON -> new UpperTrianglePearson();
        };
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
        throw new DdsInputException("unknown g '" + name + "': expected one of cka, spearman, pearson");
    }
}
