package org.dds.experiments;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.dds.groundtruth.files.GroundTruthLocation;

/**
 * Everything an {@link Experiment} may read: where the inputs are, how thoroughly to run, the seed, and where to
 * say how far it has got.
 *
 * @param groundTruth the ground-truth directory and which lookup step chose it
 * @param features    the features directory ({@code --features}), if one was given
 * @param quick       true for the quick mode: fewer repeats and smaller sizes where an experiment has them
 * @param seed        the seed every stochastic step derives its own from
 * @param progress    takes one line of progress at a time (shown on stderr by the CLI)
 */
public record ExperimentContext(GroundTruthLocation groundTruth, Optional<Path> features, boolean quick, long seed,
        Consumer<String> progress) {

    /** Validates the fields. */
    public ExperimentContext {
        Objects.requireNonNull(groundTruth, "groundTruth");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(progress, "progress");
    }

    /** @return the ground-truth directory */
    public Path groundTruthDirectory() {
        return groundTruth.directory();
    }
}
