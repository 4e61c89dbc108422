package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.core.FeatureSource;
import org.dds.core.MapShape;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.ComparisonType;
import org.dds.io.FeatureReader;
import org.dds.io.LoadedFeatures;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.NormalizationType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Option;

/**
 * The options that choose a DDS and the images it uses, shared by {@code affinity}, {@code similarity} and
 * {@code rank}: {@code --norm --f --g --centering --images --shape}.
 */
final class DdsOptions {
    private static final Logger LOG = LoggerFactory.getLogger(DdsOptions.class);

    /** Images used when {@code --images} is not given (the paper's protocol), or all when there are fewer. */
    static final int DEFAULT_IMAGES = 200;

    @Option(names = "--norm", paramLabel = "NAME", defaultValue = "zscore", converter = Converters.Norm.class,
            completionCandidates = Converters.Norm.class,
            description = "(Q,D) normalisation of each model's features: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}). The map normalisations (group/instance/layer/batch_norm) need"
                    + " --shape.")
    NormalizationType norm;

    @Option(names = "--f", paramLabel = "NAME[:P]", defaultValue = "cosine", converter = Converters.Pairwise.class,
            completionCandidates = Converters.Pairwise.class,
            description = "f, the kernel or distance between images: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}). rbf and laplacian take a parameter after a colon:"
                    + " rbf:T, the bandwidth threshold (default 0.5), laplacian:GAMMA (default 1/d).")
    PairwiseFunction function;

    @Option(names = "--g", paramLabel = "NAME", defaultValue = "cka",
            converter = Converters.Comparison.class,
            completionCandidates = Converters.Comparison.class,
            description = "g, how two models' n x n matrices are compared: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE})")
    ComparisonType comparison;

    @Option(names = "--centering", paramLabel = "NAME", defaultValue = "unbiased",
            converter = Converters.Centring.class,
            completionCandidates = Converters.Centring.class,
            description = "centring inside g = cka: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                    + " unbiased needs at least 4 images)")
    Centering centering;

    @Option(names = "--images", converter = Converters.Positive.class, paramLabel = "N",
            description = "use the first N images of every model (default: " + DEFAULT_IMAGES
                    + ", or all of them when there are fewer)")
    Integer images;

    @Option(names = "--shape", paramLabel = "H,W,C",
            converter = Converters.Shape.class,
            description = "feature-map shape, channels last, for the map normalisations (default: the shape of"
                    + " n x H x W x C feature files, which a different --shape contradicts; else 16,16,8, the"
                    + " Taskonomy encoders)")
    MapShape shape;

    /** The features read through {@link #read(Path, String)}, whose own map shapes decide the shape. */
    private final List<LoadedFeatures> loaded = new ArrayList<>();

    /** @return the DDS these options choose, for the features read so far */
    DdsConfig config() {
        MapShape s = LoadedFeatures.mapShape(loaded, Optional.ofNullable(shape), MapShape.TASKONOMY,
                norm.usesShape());
        return new DdsConfig(norm.create(s), function, comparison.create(centering));
    }

    /**
     * @param available how many images the features describe
     * @return how many to use
     * @throws DdsInputException if {@code --images} is not between 1 and {@code available}
     */
    int imageCount(int available) {
        if (images == null) {
            return Math.min(DEFAULT_IMAGES, available);
        }
        if (images < 1 || images > available) {
            throw new DdsInputException("--images " + images + " is not possible: the features describe " + available
                    + " images, so choose --images between 1 and " + available);
        }
        return images;
    }

    /**
     * @param set features
     * @return the first {@link #imageCount} images of every model
     */
    FeatureSet firstImages(FeatureSet set) {
        int n = imageCount(set.images());
        LOG.info("using the first {} of {} images", n, set.images());
        return set.firstImages(n);
    }

    /**
     * The models as row sources (memory-mapped when they are {@code .npy} files), after checking that the path
     * exists, so the message names the option.
     *
     * @param path   a feature file or directory
     * @param option the option that gave it, e.g. {@code --features}
     * @return the models
     */
    static List<FeatureSource> sources(Path path, String option) {
        exists(path, option);
        List<FeatureSource> sources = FeatureReader.sources(path);
        for (FeatureSource x : sources) {
            if (x.rows() != sources.get(0).rows()) {
                throw new DdsInputException("features of model '" + x.name() + "' have " + x.rows() + " rows but '"
                        + sources.get(0).name() + "' has " + sources.get(0).rows()
                        + ": all models must describe the same images");
            }
        }
        return sources;
    }

    private static void exists(Path path, String option) {
        if (!Files.exists(path)) {
            throw new DdsInputException(option + " " + path + " does not exist: give a directory of <model>.npy"
                    + " files (or another feature file; see --help)");
        }
    }

    /**
     * Reads features after checking that the path exists, so the message names the option.
     *
     * @param path   a feature file or directory
     * @param option the option that gave it, e.g. {@code --features}
     * @return the features
     */
    static FeatureSet read(Path path, String option) {
        return load(path, option).features();
    }

    /**
     * Reads features as {@link #read(Path, String)} does and remembers their map shapes for {@link #config()}.
     *
     * @param path   a feature file or directory
     * @param option the option that gave it
     * @return the features
     */
    FeatureSet features(Path path, String option) {
        LoadedFeatures l = load(path, option);
        loaded.add(l);
        return l.features();
    }

    private static LoadedFeatures load(Path path, String option) {
        if (!Files.exists(path)) {
            throw new DdsInputException(option + " " + path + " does not exist: give a directory of <model>.npy"
                    + " files (or another feature file; see --help)");
        }
        LoadedFeatures l = FeatureReader.load(path);
        LOG.info("read {} from {}", l.features(), path);
        return l;
    }
}
