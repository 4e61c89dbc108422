package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.experiments.evaluation.TaskonomyBenchmark;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.evaluation.TaskonomyMatrix;
import org.dds.experiments.features.AuthorsFeatures;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Option;

/**
 * The inputs of {@code dds table2} and {@code dds table3}: the Taskonomy features ({@code --features}, else
 * {@code DDS_FEATURES}), the ground truth ({@code --groundtruth}) and how many images ({@code --images}).
 */
final class TaskonomyOptions {
    private static final Logger LOG = LoggerFactory.getLogger(TaskonomyOptions.class);

    /** The smallest number of images unbiased CKA is defined for. */
    private static final int MIN_IMAGES = 4;

    @Option(names = "--features", paramLabel = "PATH",
            description = "the Taskonomy models' features: the authors' taskonomy_pascal_feats_taskonomy_5000.npy,"
                    + " a directory holding it, or any feature file or directory of <model>.npy named like the"
                    + " Taskonomy models (default: the environment variable " + AuthorsFeatures.ENV_VAR + ")")
    Path features;

    @Option(names = "--groundtruth", paramLabel = "DIR", description = "the ground-truth directory (see below)")
    Path groundTruth;

    @Option(names = "--images", converter = Converters.Positive.class, paramLabel = "N",
            description = "use the first N images of every model (default: " + DdsOptions.DEFAULT_IMAGES
                    + ", or all of them when there are fewer)")
    Integer images;

    /** {@code --against}: a {@link TaskonomyMatrix}. */
    static final class Against extends Converters.Named<TaskonomyMatrix> {
        Against() {
            super(TaskonomyMatrix::parse, TaskonomyMatrix.values(), TaskonomyMatrix::cliName);
        }
    }

    /** @return the ground-truth directory these options choose */
    GroundTruthLocation groundTruth() {
        return GroundTruthLocator.system().locate(groundTruth);
    }

    /**
     * @param env environment lookup
     * @return the features path: {@code --features}, else {@code DDS_FEATURES}, resolved to the Taskonomy images
     */
    Path featuresPath(Function<String, String> env) {
        Path given = AuthorsFeatures.directory(features, env).orElseThrow(() -> new DdsInputException(
                "no features given: pass --features PATH (the authors' " + AuthorsFeatures.fileName(
                        AuthorsFeatures.TASKONOMY_IMAGES) + ", from " + AuthorsFeatures.REPOSITORY
                        + ", or a directory of <model>.npy) or set " + AuthorsFeatures.ENV_VAR));
        if (!Files.exists(given)) {
            throw new DdsInputException((features != null ? "--features " : AuthorsFeatures.ENV_VAR + "=") + given
                    + " does not exist: give the authors' " + AuthorsFeatures.fileName(
                            AuthorsFeatures.TASKONOMY_IMAGES) + " (or the directory that holds it) or a directory"
                    + " of <model>.npy files named like the Taskonomy models");
        }
        return AuthorsFeatures.resolve(given, AuthorsFeatures.TASKONOMY_IMAGES);
    }

    /**
     * @param path the features (read as they are)
     * @param all  the models read from it
     * @return the inputs, on the number of images asked for
     */
    TaskonomyInputs inputs(Path path, FeatureSet all) {
        GroundTruthLocation gt = groundTruth();
        LOG.info("ground truth from {}", gt);
        TaskonomyBenchmark benchmark = TaskonomyBenchmark.load(gt.directory(), all.names(), path.toString());
        int n = imageCount(benchmark.models(all).images());
        LOG.info("using the first {} of {} images", n, all.images());
        return TaskonomyInputs.of(path, all, benchmark, n);
    }

    /**
     * @param available the number of images the features hold
     * @return how many to use
     */
    int imageCount(int available) {
        if (images == null) {
            if (available < MIN_IMAGES) {
                throw new DdsInputException("the features describe only " + available + " images but the Taskonomy"
                        + " evaluation (unbiased CKA) needs at least " + MIN_IMAGES + ": give features of more images");
            }
            return Math.min(DdsOptions.DEFAULT_IMAGES, available);
        }
        if (images < MIN_IMAGES || images > available) {
            throw new DdsInputException("--images " + images + " is not possible: the features describe " + available
                    + " images and unbiased CKA needs at least " + MIN_IMAGES + ", so choose --images between "
                    + MIN_IMAGES + " and " + available);
        }
        return images;
    }
}
