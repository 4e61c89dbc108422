package org.dds.groundtruth.files;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

import org.dds.core.DdsInputException;

/**
 * A public ground-truth file: where it is relative to a base URL, where it goes relative to the ground-truth
 * directory, and the SHA-256 its bytes must have.
 *
 * @param remotePath relative URL path under the base URL, e.g. "results/affinities/all_affinities.pkl"
 * @param localPath  relative path under the ground-truth directory, e.g. "taskonomy/all_affinities.pkl"
 * @param sha256     the expected SHA-256, 64 lower-case hex digits
 */
public record RemoteFile(String remotePath, String localPath, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates the fields: both paths relative and without "..", the hash well-formed. */
    public RemoteFile {
        Objects.requireNonNull(remotePath, "remotePath");
        Objects.requireNonNull(localPath, "localPath");
        Objects.requireNonNull(sha256, "sha256");
        for (String p : new String[] {remotePath, localPath}) {
            if (p.isEmpty() || p.startsWith("/") || p.contains("\\") || p.contains("..") || p.contains(":")) {
                throw new DdsInputException("ground-truth file path '" + p
                        + "' must be relative, with '/' separators and no '..' or ':'");
            }
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new DdsInputException("expected SHA-256 of " + remotePath + " is not 64 lower-case hex digits: '"
                    + sha256 + "'");
        }
    }

    /**
     * @param baseUrl a base URL ending in '/'
     * @return the URL of this file under it
     */
    public URI url(URI baseUrl) {
        return baseUrl.resolve(remotePath);
    }

    /**
     * @param directory a ground-truth directory
     * @return where this file lives under it
     */
    public Path in(Path directory) {
        return directory.resolve(localPath);
    }
}
