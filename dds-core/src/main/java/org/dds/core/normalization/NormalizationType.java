package org.dds.core.normalization;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.core.MapShape;

/**
 * The built-in normalisations, in the row order of the paper's Table 2 as the authors' code prints it. The
 * map normalisations need the feature-map shape, so each constant makes its instance for a given shape.
 */
public enum NormalizationType {
    /** No normalisation ("None"). */
    IDENTITY("identity", "None"),
    /** Column centring. */
    CENTERING("centering", "centering"),
    /** Column z-score ("znorm"). */
    ZSCORE("zscore", "znorm"),
    /** Group normalisation, G = 2. */
    GROUP_NORM("group_norm", "group_norm"),
    /** Instance normalisation, G = C. */
    INSTANCE_NORM("instance_norm", "instance_norm"),
    /** Layer normalisation, G = 1. */
    LAYER_NORM("layer_norm", "layer_norm"),
    /** Batch normalisation per channel. */
    BATCH_NORM("batch_norm", "batch_norm");

    private final String cliName;
    private final String authorsName;

    NormalizationType(String cliName, String authorsName) {
        this.cliName = cliName;
        this.authorsName = authorsName;
    }

    /** @return the name on the command line and in reports */
    public String cliName() {
        return cliName;
    }

    /** @return the name in the authors' code and notebook output ("None", "znorm", ...) */
    public String authorsName() {
        return authorsName;
    }

    /**
     * @param shape the feature-map shape (used by the map normalisations only)
     * @return the normalisation
     */
    public Normalization create(MapShape shape) {
        return switch (this) {
            case IDENTITY -> new Identity();
            case CENTERING -> new Centering();
            case ZSCORE -> new ZScore();
            case GROUP_NORM -> GroupNorm.groups(shape, 2);
            case INSTANCE_NORM -> GroupNorm.instance(shape);
            case LAYER_NORM -> GroupNorm.layer(shape);
            case BATCH_NORM -> new BatchNorm(shape);
        };
    }

    /**
     * @param name a CLI name or an authors' name, any case ("zscore", "znorm", "None", "identity", ...)
     * @return the constant
     * @throws DdsInputException listing the valid names
     */
    public static NormalizationType parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (NormalizationType t : values()) {
            if (t.cliName.equals(s) || t.authorsName.toLowerCase(Locale.ROOT).equals(s)) {
                return t;
            }
        }
        throw new DdsInputException("unknown normalisation '" + name + "': expected one of " + names());
    }

    /** @return the CLI names, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(NormalizationType::cliName).collect(Collectors.joining(", "));
    }
}
