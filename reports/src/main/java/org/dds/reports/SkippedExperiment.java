package org.dds.reports;

import java.util.Objects;

/**
 * An experiment that did not run, and why.
 *
 * @param name      the experiment's name
 * @param reference what it would reproduce
 * @param reason    the exact missing (or unusable) input and how to get it
 */
public record SkippedExperiment(String name, String reference, String reason) {

    /** Validates the fields. */
    public SkippedExperiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reason, "reason");
    }
}
