package org.dds.groundtruth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a piece of ground truth came from: what it is, the file (or classpath resource) it was read from, and the
 * SHA-256 of that file's bytes. Result files embed it as provenance.
 *
 * @param description what the data is, e.g. "Taskonomy affinity (all_affinities.pkl)"
 * @param location    the absolute file path or the classpath resource it was read from
 * @param sha256      the SHA-256 of the bytes read, 64 lower-case hex digits
 */
public record GroundTruthSource(String description, String location, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates the fields. */
    public GroundTruthSource {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("SHA-256 of " + location + " is not 64 lower-case hex digits: '"
                    + sha256 + "'");
        }
    }

    @Override
    public String toString() {
        return description + " from " + location + " (sha256 " + sha256 + ")";
    }
}
