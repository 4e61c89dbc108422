package org.dds.groundtruth.files;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.dds.core.Wording;

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
        /** The parameter {@code groundtruth} (the command line's {@code --groundtruth DIR}). */
        ARGUMENT(p -> p.apply("groundtruth")),
        /** The environment variable {@code DDS_GROUNDTRUTH}. */
        ENVIRONMENT(Wording.of("environment variable " + GroundTruthLocator.ENV_VAR)),
        /** {@code <repo root>/../shared/groundtruth}. */
        REPOSITORY_DEFAULT(Wording.of("default <repo root>/../shared/groundtruth"));

        private final Wording label;

        Origin(Wording label) {
            this.label = label;
        }

        /** @return how the step is named in messages, parameters by name */
        public String label() {
            return label(Wording.BY_NAME);
        }

        /**
         * @param spelling how the reader spells parameters (the command line: as flags)
         * @return how the step is named in messages
         */
        public String label(UnaryOperator<String> spelling) {
            return label.apply(spelling);
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
