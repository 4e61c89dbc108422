package org.dds.core.normalization;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.core.MapShape;

/**
 * The built-in normalisations, in the row order of the paper's Table 2 as the authors' code prints it. A column
 * normalisation's constant wraps its instance (as Tribuo's {@code DistanceType} wraps its distances); a
 * feature-map normalisation needs the map's shape, so its constant wraps the constructor that takes the shape.
 * {@link Normalization} stays open for other normalisations.
 *
 * <p>To add a normalisation: write one class that implements {@link Normalization}, then one line here.
 */
public enum NormalizationType {
    /** No normalisation ("None"). */
    IDENTITY("identity", "None", new Identity()),
    /** Column centring. */
    CENTERING("centering", "centering", new Centering()),
    /** Column z-score ("znorm"). */
    ZSCORE("zscore", "znorm", new ZScore()),
    /** Group normalisation, G = 2. */
    GROUP_NORM("group_norm", "group_norm", shape -> GroupNorm.groups(shape, 2)),
    /** Instance normalisation, G = C. */
    INSTANCE_NORM("instance_norm", "instance_norm", GroupNorm::instance),
    /** Layer normalisation, G = 1. */
    LAYER_NORM("layer_norm", "layer_norm", GroupNorm::layer),
    /** Batch normalisation per channel. */
    BATCH_NORM("batch_norm", "batch_norm", BatchNorm::new);

    private final String cliName;
    private final String authorsName;
    private final Normalization normalization;
    private final Function<MapShape, Normalization> forShape;

    NormalizationType(String cliName, String authorsName, Normalization normalization) {
        this.cliName = cliName;
        this.authorsName = authorsName;
        this.normalization = normalization;
        this.forShape = null;
    }

    NormalizationType(String cliName, String authorsName, Function<MapShape, Normalization> forShape) {
        this.cliName = cliName;
        this.authorsName = authorsName;
        this.normalization = null;
        this.forShape = forShape;
    }

    /** @return the name on the command line and in reports */
    public String cliName() {
        return cliName;
    }

    /** @return the name in the authors' code and notebook output ("None", "znorm", ...) */
    public String authorsName() {
        return authorsName;
    }

    /** @return true for the map normalisations, which treat each row as an H x W x C map of a given shape */
    public boolean usesShape() {
        return forShape != null;
    }

    /**
     * @param shape the feature-map shape (used by the map normalisations only; may be null for the others)
     * @return the normalisation
     * @throws DdsInputException if a map normalisation is given no shape
     */
    public Normalization create(MapShape shape) {
        if (forShape == null) {
            return normalization;
        }
        if (shape == null) {
            throw new DdsInputException(p -> cliName + " treats each row as a feature map and needs its shape:"
                    + " give " + p.apply("shape") + " H,W,C");
        }
        return forShape.apply(shape);
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
