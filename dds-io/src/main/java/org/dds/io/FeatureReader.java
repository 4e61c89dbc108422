package org.dds.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.FeatureSource;
import org.dds.core.MapShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the features of several models from any layout of SPEC section 5, detecting which:
 * <ul>
 *   <li>a directory of {@code <model>.npy} (ordered by {@code models.txt} when present, else by file name);</li>
 *   <li>a directory (tree) in the authors' per-image layout, {@code <...><task>_encoder_output.npy};</li>
 *   <li>an {@code .npz} (archive order);</li>
 *   <li>a {@code .npy}: a numeric array is one model named after the file, an object array is the authors'
 *       pickled dict {@code taskonomy_pascal_feats_<dataset>.npy};</li>
 *   <li>a {@code .csv} (one model named after the file) or a directory of {@code .csv} files.</li>
 * </ul>
 * Every problem is a {@link DdsInputException} whose message is one sentence naming the file (and model or position
 * where relevant) and the fix.
 */
public final class FeatureReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureReader.class);
    private static final String FORMATS = "a directory of <model>.npy files (with an optional models.txt), an .npz, "
            + "a .npy, the authors' taskonomy_pascal_feats_<dataset>.npy or per-image <image>_<task>"
            + PerImageLayout.SUFFIX + " files, a .csv or a directory of .csv files";

    private FeatureReader() {
    }

    /**
     * @param path a file or directory in one of the supported layouts
     * @return the models, in order
     */
    public static FeatureSet read(Path path) {
        return load(path).features();
    }

    /**
     * Reads the features and checks that every model's features are maps of the expected shape: a model read from
     * an n x H x W x C array must have exactly that (H, W, C); any other must have H*W*C features.
     *
     * @param path          a file or directory in one of the supported layouts
     * @param expectedShape the feature-map shape the caller will use (e.g. for the map normalisations)
     * @return the models, in order
     */
    public static FeatureSet read(Path path, MapShape expectedShape) {
        Objects.requireNonNull(expectedShape, "expectedShape");
        LoadedFeatures loaded = load(path);
        for (FeatureMatrix m : loaded.features().models()) {
            Optional<MapShape> found = loaded.mapShape(m.name());
            if (found.isPresent() && !found.get().equals(expectedShape)) {
                throw new DdsInputException(p -> "model '" + m.name() + "' in '" + path + "' has feature maps of shape "
                        + found.get() + " but " + expectedShape + " was asked for: pass " + p.apply("shape") + " "
                        + found.get());
            }
            if (m.cols() != expectedShape.size()) {
                throw new DdsInputException("model '" + m.name() + "' in '" + path + "' has " + m.cols()
                        + " features per image but the shape " + expectedShape + " needs " + expectedShape.size()
                        + ": pass the feature-map shape H,W,C of this model");
            }
        }
        return loaded.features();
    }

    /**
     * The models as row sources for computations that stream them (tiled affinity): a directory of
     * {@code <model>.npy} files or one numeric {@code .npy} is memory-mapped ({@link NpyRows}), so it need not fit
     * in the heap; every other layout is read into memory as {@link #read} reads it.
     *
     * @param path a file or directory in one of the supported layouts
     * @return the models, in the order {@link #read} gives them
     */
    public static List<FeatureSource> sources(Path path) {
        Objects.requireNonNull(path, "path");
        Map<String, Path> npy = mappable(path);
        if (npy.isEmpty()) {
            return read(path).models().stream().map(FeatureSource::of).toList();
        }
        List<FeatureSource> out = new ArrayList<>();
        List<String> order = Files.isDirectory(path) ? ModelOrder.forDirectory(path, npy, "%s.npy")
                : List.copyOf(npy.keySet());
        for (String name : order) {
            out.add(NpyRows.open(npy.get(name), name));
        }
        LOG.info("mapped {} models from {}", out.size(), path);
        return out;
    }

    /** The numeric .npy files of a plain npy directory or a single numeric .npy, by model; empty otherwise. */
    private static Map<String, Path> mappable(Path path) {
        Map<String, Path> npy = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            return npy;
        }
        if (!Files.isDirectory(path)) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".npy") && !NpzReader.looksLikeZip(path)) {
                NpyHeader h = NpyReader.readHeader(path);
                if (h.dtype().isPresent() && !h.dtype().get().isObject()) {
                    npy.put(NpyReader.stem(path), path);
                }
            }
            return npy;
        }
        String where = "directory '" + path + "'";
        for (Path f : list(path, where)) {
            String name = f.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith(".") || !Files.isRegularFile(f)) {
                continue;
            }
            if (lower.endsWith(".csv") || name.endsWith(PerImageLayout.SUFFIX)) {
                return new LinkedHashMap<>();
            }
            if (lower.endsWith(".npy")) {
                npy.put(NpyReader.stem(f), f);
            }
        }
        if (!perImageFiles(path, where).isEmpty()) {
            return new LinkedHashMap<>();
        }
        return npy;
    }

    /**
     * Reads the features with the layout detected and the feature-map shapes found in 4-D arrays.
     *
     * @param path a file or directory in one of the supported layouts
     * @return the models and where they came from
     */
    public static LoadedFeatures load(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path)) {
            throw new DdsInputException(p -> "features path '" + path + "' does not exist: pass " + p.apply("features")
                    + " " + FORMATS);
        }
        if (!Files.isDirectory(path)) {
            InputFiles.requireRegular(path, NpyReader.where(path));
        }
        LoadedFeatures loaded = Files.isDirectory(path) ? directory(path) : file(path);
        LOG.info("read {} models x {} images from {} ({})", loaded.features().size(), loaded.features().images(),
                path, loaded.format());
        return loaded;
    }

    private static LoadedFeatures file(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String where = NpyReader.where(file);
        if (name.endsWith(".npz")) {
            return NpzReader.load(file);
        }
        if (name.endsWith(".csv")) {
            return single(file, new ModelFeatures(CsvFeatureReader.read(file), Optional.empty()), FeatureFormat.CSV);
        }
        if (name.endsWith(".npy")) {
            if (NpzReader.looksLikeZip(file)) {
                throw new DdsInputException(where + " is a zip archive, not a .npy: rename it to .npz");
            }
            NpyHeader header = NpyReader.readHeader(file);
            if (header.dtype().isPresent() && header.dtype().get().isObject()) {
                return PickledFeatures.read(file, header);
            }
            return single(file, NpyReader.readModel(file, NpyReader.stem(file)), FeatureFormat.NPY);
        }
        throw new DdsInputException(p -> where + " has an extension DDS does not read: pass " + p.apply("features")
                + " " + FORMATS);
    }

    private static LoadedFeatures single(Path file, ModelFeatures model, FeatureFormat format) {
        return LoadedFeatures.of(List.of(model), format, file, NpyReader.where(file));
    }

    private static LoadedFeatures directory(Path dir) {
        String where = "directory '" + dir + "'";
        Map<String, Path> npy = new LinkedHashMap<>();
        Map<String, Path> csv = new LinkedHashMap<>();
        boolean hasNpz = false;
        List<Path> entries = list(dir, where);
        if (entries.isEmpty()) {
            throw new DdsInputException(p -> where + " is empty: put one <model>.npy per model in it (and optionally "
                    + "models.txt), or pass " + p.apply("features") + " " + FORMATS);
        }
        for (Path f : entries) {
            String name = f.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean features = lower.endsWith(".npy") || lower.endsWith(".csv") || lower.endsWith(".npz");
            if (name.startsWith(".") || !features || Files.isDirectory(f)) {
                continue;
            }
            // A model file that cannot be read must not make the model silently go missing.
            InputFiles.requireRegular(f, "file '" + name + "' in " + where);
            if (lower.endsWith(".npy") && !name.endsWith(PerImageLayout.SUFFIX)) {
                put(npy, f, where);
            } else if (lower.endsWith(".csv")) {
                put(csv, f, where);
            } else if (lower.endsWith(".npz")) {
                hasNpz = true;
            }
        }
        List<Path> perImage = perImageFiles(dir, where);
        if (!perImage.isEmpty()) {
            if (!npy.isEmpty()) {
                throw new DdsInputException(where + " holds both per-image *" + PerImageLayout.SUFFIX
                        + " files and <model>.npy files such as '" + npy.values().iterator().next().getFileName()
                        + "': keep one layout per directory");
            }
            return PerImageLayout.read(dir, perImage);
        }
        if (!npy.isEmpty()) {
            if (!csv.isEmpty()) {
                throw new DdsInputException(where + " holds both .npy and .csv files: keep one format per directory");
            }
            return models(dir, where, npy, ".npy", FeatureFormat.NPY_DIRECTORY);
        }
        if (!csv.isEmpty()) {
            return models(dir, where, csv, ".csv", FeatureFormat.CSV_DIRECTORY);
        }
        boolean npzFound = hasNpz;
        throw new DdsInputException(p -> where + " holds no .npy or .csv features"
                + (npzFound ? " (but an .npz: pass that file itself)" : "") + ": pass " + p.apply("features") + " "
                + FORMATS);
    }

    private static void put(Map<String, Path> files, Path f, String where) {
        Path before = files.put(NpyReader.stem(f), f);
        if (before != null) {
            throw new DdsInputException(where + " holds both '" + before.getFileName() + "' and '" + f.getFileName()
                    + "' for model '" + NpyReader.stem(f) + "': keep one file per model");
        }
    }

    private static LoadedFeatures models(Path dir, String where, Map<String, Path> files, String extension,
                                         FeatureFormat format) {
        List<ModelFeatures> models = new ArrayList<>();
        for (String name : ModelOrder.forDirectory(dir, files, "%s" + extension)) {
            Path f = files.get(name);
            models.add(extension.equals(".csv") ? new ModelFeatures(CsvFeatureReader.read(f, name), Optional.empty())
                    : NpyReader.readModel(f, name));
        }
        return LoadedFeatures.of(models, format, dir, where);
    }

    /** @return the directory's entries sorted by file name */
    private static List<Path> list(Path dir, String where) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DdsInputException("cannot list " + where + " (" + e.getMessage()
                    + "): check that it is a readable directory", e);
        }
    }

    private static List<Path> perImageFiles(Path dir, String where) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(PerImageLayout.SUFFIX)
                    && !Files.isDirectory(p)).toList();
            for (Path f : files) {
                InputFiles.requireRegular(f, NpyReader.where(f));
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            throw new DdsInputException("cannot list " + where + " (" + e.getMessage()
                    + "): check that it is a readable directory", e);
        }
    }
}
