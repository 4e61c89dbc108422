package org.dds.experiments.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.features.AuthorsFeatures;

/**
 * What a Taskonomy experiment works on: the features read from a path, the benchmark aligned with their model
 * names, and the evaluated models (the 17 with ground truth) on all images and on the first N.
 *
 * @param path      where the features were read from
 * @param evaluated the 17 evaluated models on all the images the features hold
 * @param benchmark the ground truth, aligned with the models by name
 * @param models    the evaluated models on the first {@code images} images
 * @param ignored   the models read but not evaluated (no ground truth, or not a Taskonomy model)
 */
public record TaskonomyInputs(Path path, FeatureSet evaluated, TaskonomyBenchmark benchmark, FeatureSet models,
        List<String> ignored) {

    /** Validates the fields. */
    public TaskonomyInputs {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(evaluated, "evaluated");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(models, "models");
        ignored = List.copyOf(ignored);
    }

    /**
     * Reads the Taskonomy-image features of a run (reusing them when an earlier experiment of the run read them)
     * and the ground truth.
     *
     * @param context the run
     * @param images  how many images to use: the first N, or all when the features hold fewer
     * @return the inputs
     */
    public static TaskonomyInputs load(ExperimentContext context, int images) {
        Path path = locate(context);
        FeatureSet all = AuthorsFeatures.read(path);
        return of(path, all, TaskonomyBenchmark.load(context.groundTruthDirectory(), all.names(), path.toString()),
                images);
    }

    /**
     * @param context the run
     * @return where the features of the Taskonomy images are
     * @throws DdsInputException saying what is missing and how to get it, if they are not there
     */
    public static Path locate(ExperimentContext context) {
        return AuthorsFeatures.locate(context, AuthorsFeatures.TASKONOMY_IMAGES)
                .orElseGet(() -> AuthorsFeatures.input(AuthorsFeatures.TASKONOMY_IMAGES).require(context));
    }

    /**
     * @param path      where the features came from
     * @param all       every model read
     * @param benchmark the ground truth aligned with {@code all}'s names
     * @param images    how many images to use: the first N, or all when there are fewer
     * @return the inputs
     */
    public static TaskonomyInputs of(Path path, FeatureSet all, TaskonomyBenchmark benchmark, int images) {
        FeatureSet evaluated = benchmark.models(all);
        FeatureSet models = evaluated.firstImages(Math.min(images, evaluated.images()));
        List<String> ignored = new ArrayList<>(all.names());
        ignored.removeAll(benchmark.featureModels());
        return new TaskonomyInputs(path, evaluated, benchmark, models, ignored);
    }

    /** @return the number of images used */
    public int images() {
        return models.images();
    }

    /** @return one sentence on which models and images were used, for result summaries */
    public String describe() {
        int all = evaluated.images();
        String images = images() == all ? "all " + all + " images" : "the first " + images() + " of " + all
                + " images";
        return "Features: " + images + " of " + path + "; " + benchmark.featureModels().size()
                + " models evaluated against the 17 x 17 Taskonomy matrices (aligned by name)"
                + (ignored.isEmpty() ? "" : "; not evaluated: " + String.join(", ", ignored)
                        + " (no ground truth, dropped by name)")
                + ".";
    }
}
