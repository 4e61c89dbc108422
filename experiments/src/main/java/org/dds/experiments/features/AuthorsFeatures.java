package org.dds.experiments.features;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.dds.core.FeatureSet;
import org.dds.io.FeatureReader;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authors' released features (Dwivedi et al., ECCV 2020, github.com/cvai-roig-lab/duality-diagram-similarity):
 * one file {@code taskonomy_pascal_feats_<dataset>.npy} per image set, a pickled dict {model name: n x 2048 array}
 * of the 20 Taskonomy encoders (and the Pascal VOC model) on the images of {@code taskonomy_5000},
 * {@code pascal_5000} or {@code nyuv2}. They are read through {@link FeatureReader} (restricted unpickler).
 *
 * <p>Where a dataset's features are, given a features directory (from {@code --features DIR}, else the environment
 * variable {@code DDS_FEATURES}):
 * <ol>
 *   <li>{@code DIR/taskonomy_pascal_feats_<dataset>.npy}, the authors' file;</li>
 *   <li>{@code DIR/<dataset>/}, a directory in any layout the project reads (e.g. one {@code <model>.npy} each);</li>
 *   <li>for {@code taskonomy_5000} only: {@code DIR} itself when it holds per-model features rather than the
 *       authors' files, so that any features named like the Taskonomy models stand for the Taskonomy images.</li>
 * </ol>
 * When {@code --features} names a file, that file is the features of the dataset its name says (or of
 * {@code taskonomy_5000} when the name says none).
 */
public final class AuthorsFeatures {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorsFeatures.class);

    /** The environment variable naming the features directory when {@code --features} is not given. */
    public static final String ENV_VAR = "DDS_FEATURES";

    /** The image set of the Taskonomy experiments (Tables 2 and 3). */
    public static final String TASKONOMY_IMAGES = "taskonomy_5000";

    /** The image sets the authors released features for. */
    public static final List<String> DATASETS = List.of(TASKONOMY_IMAGES, "pascal_5000", "nyuv2");

    /** The authors' repository, where the download link of the features is. */
    public static final String REPOSITORY = "https://github.com/cvai-roig-lab/duality-diagram-similarity";

    private static final String PREFIX = "taskonomy_pascal_feats_";
    private static final String SUFFIX = ".npy";

    /** The last features read, kept while memory allows: several experiments of one run read the same file. */
    private static Cached cache;

    /** A file (or a directory's files) as last read: the cache entry is valid while these stay the same. */
    private record Stamp(Path path, long bytes, long modified) {
    }

    private record Cached(Stamp stamp, SoftReference<FeatureSet> features) {
    }

    private AuthorsFeatures() {
    }

    /**
     * @param dataset one of {@link #DATASETS}
     * @return the authors' file name, {@code taskonomy_pascal_feats_<dataset>.npy}
     */
    public static String fileName(String dataset) {
        return PREFIX + requireDataset(dataset) + SUFFIX;
    }

    /**
     * Where a dataset's features are under the context's features directory.
     *
     * @param context the run, whose {@link ExperimentContext#features()} is the features directory (or file)
     * @param dataset one of {@link #DATASETS}
     * @return the feature file or directory, if there is one
     */
    public static Optional<Path> locate(ExperimentContext context, String dataset) {
        requireDataset(dataset);
        return context.features().flatMap(base -> locate(base, dataset));
    }

    /**
     * The features a dataset needs, for {@link org.dds.experiments.Experiment#requiredInputs()}: when missing, its
     * message names the authors' file, where it was looked for and how to get it.
     *
     * @param dataset one of {@link #DATASETS}
     * @return the requirement
     */
    public static RequiredInput input(String dataset) {
        String file = fileName(dataset);
        return new RequiredInput("features of the 20 Taskonomy models on the " + dataset + " images (" + file + ")",
                c -> locate(c, dataset).or(() -> c.features().map(base -> expected(base, dataset))),
                p -> "download " + file + " from the link in " + REPOSITORY + " (features/README.md) and pass "
                        + p.apply("features") + " DIR (or set " + ENV_VAR + ") naming the directory that holds it");
    }

    /**
     * The features directory of a run: the {@code --features} argument if given, else {@code DDS_FEATURES}.
     *
     * @param explicit the {@code --features} argument, or null
     * @param env      environment lookup, e.g. {@code System::getenv} (null when unset)
     * @return the directory (or file), absolute, if either names one
     */
    public static Optional<Path> directory(Path explicit, Function<String, String> env) {
        if (explicit != null) {
            return Optional.of(explicit.toAbsolutePath().normalize());
        }
        String fromEnv = env.apply(ENV_VAR);
        if (fromEnv == null || fromEnv.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(fromEnv.strip()).toAbsolutePath().normalize());
    }

    /**
     * What a command's {@code --features PATH} means for one dataset: a file is read as it is; a directory that
     * holds the authors' file (or a {@code <dataset>/} sub-directory) gives that; any other directory is read as
     * it is.
     *
     * @param given   the path given
     * @param dataset one of {@link #DATASETS}
     * @return the file or directory to read
     */
    public static Path resolve(Path given, String dataset) {
        requireDataset(dataset);
        if (Files.isDirectory(given)) {
            Path authors = given.resolve(fileName(dataset));
            if (Files.isRegularFile(authors)) {
                return authors;
            }
            Path sub = given.resolve(dataset);
            if (Files.isDirectory(sub)) {
                return sub;
            }
        }
        return given;
    }

    /**
     * Reads features, reusing the last ones read when the file is unchanged and still in memory.
     *
     * @param path a feature file or directory
     * @return the models
     */
    public static FeatureSet read(Path path) {
        Path key = path.toAbsolutePath().normalize();
        Optional<Stamp> stamp = stamp(key);
        synchronized (AuthorsFeatures.class) {
            Cached c = cache;
            if (c != null && stamp.isPresent() && c.stamp.equals(stamp.get())) {
                FeatureSet kept = c.features.get();
                if (kept != null) {
                    LOG.info("reusing the features read from {}", key);
                    return kept;
                }
            }
        }
        return readFromDisk(key);
    }

    /**
     * Reads features from disk, never from memory (so that the reading can be timed), and keeps them for
     * {@link #read}.
     *
     * @param path a feature file or directory
     * @return the models
     */
    public static FeatureSet readFromDisk(Path path) {
        Path key = path.toAbsolutePath().normalize();
        Optional<Stamp> stamp = stamp(key);
        FeatureSet set = FeatureReader.read(key);
        synchronized (AuthorsFeatures.class) {
            cache = stamp.map(s -> new Cached(s, new SoftReference<>(set))).orElse(null);
        }
        return set;
    }

    private static Optional<Path> locate(Path base, String dataset) {
        if (Files.isRegularFile(base)) {
            String name = base.getFileName().toString();
            boolean namesThisSet = name.equals(fileName(dataset));
            boolean namesNoSet = DATASETS.stream().noneMatch(d -> name.equals(fileName(d)));
            return namesThisSet || (namesNoSet && dataset.equals(TASKONOMY_IMAGES)) ? Optional.of(base)
                    : Optional.empty();
        }
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        Path authors = base.resolve(fileName(dataset));
        if (Files.isRegularFile(authors)) {
            return Optional.of(authors);
        }
        Path sub = base.resolve(dataset);
        if (Files.isDirectory(sub)) {
            return Optional.of(sub);
        }
        if (dataset.equals(TASKONOMY_IMAGES) && holdsOwnFeatures(base)) {
            return Optional.of(base);
        }
        return Optional.empty();
    }

    /** Whether a directory holds features itself (not the authors' files nor per-dataset sub-directories). */
    private static boolean holdsOwnFeatures(Path dir) {
        for (String d : DATASETS) {
            if (Files.exists(dir.resolve(fileName(d))) || Files.isDirectory(dir.resolve(d))) {
                return false;
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                    .anyMatch(n -> !n.startsWith(".") && (n.endsWith(".npy") || n.endsWith(".npz")
                            || n.endsWith(".csv")));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path expected(Path base, String dataset) {
        Path dir = Files.isRegularFile(base) ? base.toAbsolutePath().getParent() : base;
        return dir.resolve(fileName(dataset));
    }

    private static String requireDataset(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        if (!DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("unknown image set '" + dataset + "': the authors released features"
                    + " for " + String.join(", ", DATASETS));
        }
        return dataset;
    }

    /** Sizes and modification times of the file, or of the regular files directly in the directory. */
    private static Optional<Stamp> stamp(Path p) {
        try (Stream<Path> files = Files.isDirectory(p) ? Files.list(p) : Stream.of(p)) {
            long bytes = 0;
            long modified = Long.MIN_VALUE;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(f);
                modified = Math.max(modified, Files.getLastModifiedTime(f).toMillis());
            }
            return Optional.of(new Stamp(p, bytes, modified));
        } catch (IOException e) {
            // Not cached; the read that follows reports the problem with the file.
            return Optional.empty();
        }
    }
}
