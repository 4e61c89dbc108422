package org.dds.reports;

import java.util.Objects;

/**
 * A published number beside the value this project computed for it.
 *
 * @param quantity   what the number is, e.g. "mean Spearman(Taskonomy affinity, winrate)"
 * @param reproduced the value computed here
 * @param published  the value in the paper (or the authors' notebook)
 * @param tolerance  how far apart the two may be and still count as a match, e.g. 0.0005 for a number printed
 *                   with three decimals; not negative
 * @param reference  where the published value is printed, e.g. "paper Table 3"
 */
public record PublishedValue(String quantity, double reproduced, double published, double tolerance,
        String reference) {

    /** Validates the fields: every number finite, the tolerance not negative. */
    public PublishedValue {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(reference, "reference");
        if (!Double.isFinite(reproduced) || !Double.isFinite(published)) {
            throw new IllegalArgumentException("'" + quantity + "': reproduced " + reproduced + " and published "
                    + published + " must both be finite");
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("'" + quantity + "': tolerance " + tolerance
                    + " must be a finite number >= 0");
        }
    }

    /** @return reproduced - published */
    public double difference() {
        return reproduced - published;
    }

    /** @return whether |reproduced - published| is within the tolerance */
    public boolean matches() {
        return Math.abs(difference()) <= tolerance;
    }
}
