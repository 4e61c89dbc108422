package org.dds.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.dds.core.DdsInputException;
import org.dds.core.Wording;
import org.dds.groundtruth.files.RemoteFile;

/**
 * An input an experiment needs, where it is looked for, and how to get it when it is missing.
 *
 * @param description what it is, e.g. "Taskonomy affinity matrix"
 * @param locator     where it must be under a context; empty when nothing says where (e.g. no {@code --features})
 * @param howToGet    what to do when it is missing, e.g. "run ./dds fetch-groundtruth", naming parameters through
 *                    the spelling it is given (the command line spells {@code groundtruth} as {@code --groundtruth})
 */
public record RequiredInput(String description, Function<ExperimentContext, Optional<Path>> locator,
        Wording howToGet) {

    /** Validates the fields. */
    public RequiredInput {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(howToGet, "howToGet");
    }

    /**
     * @param description what it is
     * @param locator     where it must be under a context
     * @param howToGet    what to do when it is missing, naming no parameter
     */
    public RequiredInput(String description, Function<ExperimentContext, Optional<Path>> locator, String howToGet) {
        this(description, locator, Wording.of(howToGet));
    }

    /**
     * A public ground-truth file under the ground-truth directory, fetched by {@code dds fetch-groundtruth}.
     *
     * @param description what it is
     * @param file        the file
     * @return the requirement
     */
    public static RequiredInput groundTruth(String description, RemoteFile file) {
        return new RequiredInput(description, c -> Optional.of(file.in(c.groundTruthDirectory())),
                p -> "run ./dds fetch-groundtruth to download it, or pass " + p.apply("groundtruth")
                        + " DIR (or set DDS_GROUNDTRUTH) naming a directory that holds " + file.localPath());
    }

    /**
     * @param context where to look
     * @return where the input is, if it is there
     */
    public Optional<Path> locate(ExperimentContext context) {
        return locator.apply(context).filter(Files::exists);
    }

    /**
     * @param context where to look
     * @return empty if the input is there, else one sentence: what is missing, where it was looked for, how to
     *         get it
     */
    public Optional<Wording> missing(ExperimentContext context) {
        Optional<Path> where = locator.apply(context);
        if (where.isEmpty()) {
            return Optional.of(p -> description + ": not given; " + howToGet.apply(p));
        }
        if (Files.exists(where.get())) {
            return Optional.empty();
        }
        return Optional.of(p -> description + ": " + where.get() + " does not exist; " + howToGet.apply(p));
    }

    /**
     * @param context where to look
     * @return where the input is
     * @throws DdsInputException saying what is missing, where it was looked for and how to get it
     */
    public Path require(ExperimentContext context) {
        return locate(context).orElseThrow(() -> new DdsInputException(missing(context)
                .orElse(Wording.of(description + " is missing"))));
    }

    @Override
    public String toString() {
        return "RequiredInput(" + description + ")";
    }
}
