package org.dds.groundtruth.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A ground-truth directory and which step of the lookup order chose it, so that messages can say why that
 * directory was used.
 *
 * @param directory the absolute, normalised directory (it need not exist yet)
 * @param origin    which lookup step gave it
 */
public record GroundTruthLocation(Path directory, Origin origin) {

    /** The lookup steps, in order. */
    public enum Origin {
        /** The {@code --groundtruth DIR} argument. */
        ARGUMENT("--groundtruth"),
        /** The environment variable {@code DDS_GROUNDTRUTH}. */
        ENVIRONMENT("environment variable " + GroundTruthLocator.ENV_VAR),
        /** {@code <repo root>/../shared/groundtruth}. */
        REPOSITORY_DEFAULT("default <repo root>/../shared/groundtruth");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        /** @return how the step is named in messages */
        public String label() {
            return label;
        }
    }

    /** Validates the fields. */
    public GroundTruthLocation {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return directory + " (from " + origin.label() + ")";
    }
}
