package org.dds.reports;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file a result was computed from, identified by its SHA-256.
 *
 * @param path   the file, as an absolute path
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 */
public record InputFile(String path, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates the fields. */
    public InputFile {
        Objects.requireNonNull(path, "path");
        if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
            throw new IllegalArgumentException("SHA-256 of " + path + " is not 64 lower-case hex digits: '" + sha256
                    + "'");
        }
    }
}
