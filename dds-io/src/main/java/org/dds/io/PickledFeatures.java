package org.dds.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;
import org.dds.io.pickle.NdArray;
import org.dds.io.pickle.RestrictedUnpickler;

/**
 * The authors' features file, {@code taskonomy_pascal_feats_<dataset>.npy}: what {@code numpy.save} writes for a
 * dict {model name: n x d array}, a {@code .npy} of dtype object and shape () whose data is a pickle. The pickle is
 * read with the {@link RestrictedUnpickler}. Models come in the Taskonomy order of SPEC section 4 when all 20 are
 * present (then any others, such as pascal_voc_segmentation, in dict order), else in dict order.
 */
final class PickledFeatures {

    private PickledFeatures() {
    }

    /**
     * @param file   the file
     * @param header its header, of dtype object
     * @return the models
     */
    static LoadedFeatures read(Path file, NpyHeader header) {
        String where = header.where();
        if (header.rank() != 0) {
            throw new DdsInputException(where + " holds an object array of shape " + Shapes.text(header.shape())
                    + ", not the pickled dict of models numpy.save writes for the authors' format: save a dict "
                    + "{model: n x d array} or one float array per model");
        }
        Object value;
        long length = NpyReader.length(file, where);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            NpyHeader.read(in, length, where);
            value = RestrictedUnpickler.load(in, file.toString(), header.dataOffset());
        } catch (IOException e) {
            throw NpyReader.unreadable(where, e);
        }
        if (!(value instanceof Map<?, ?> dict)) {
            throw new DdsInputException(where + " holds a pickled " + RestrictedUnpickler.typeName(value)
                    + " instead of a dict {model "
                    + "name: n x d array}: save the features as numpy.save(path, {name: array, ...})");
        }
        if (dict.isEmpty()) {
            throw new DdsInputException(where + " holds an empty dict: save at least one model's features");
        }
        List<String> order = new ArrayList<>();
        for (Object key : dict.keySet()) {
            if (!(key instanceof String name)) {
                throw new DdsInputException(where + " has a model key " + kind(key) + " that is not a string: "
                        + "name each model with a str");
            }
            order.add(name);
        }
        List<ModelFeatures> models = new ArrayList<>();
        for (String name : ModelOrder.taskonomyFirst(order)) {
            // Drop each array once converted so that a large file is not held twice.
            models.add(model(where, name, dict.remove(name)));
        }
        return LoadedFeatures.of(models, FeatureFormat.PICKLED_DICT_NPY, file, where);
    }

    private static ModelFeatures model(String where, String name, Object value) {
        if (!(value instanceof NdArray a)) {
            throw new DdsInputException(where + " maps model '" + name + "' to " + kind(value)
                    + " instead of an n x d numeric array: store each model's features as a numpy array");
        }
        int[] s = a.shape();
        try {
            if (s.length == 2) {
                return new ModelFeatures(FeatureMatrix.wrap(name, s[0], s[1], a.data()), Optional.empty());
            }
            if (s.length == 4) {
                MapShape map = new MapShape(s[1], s[2], s[3]);
                return new ModelFeatures(FeatureMatrix.wrap(name, s[0], map.size(), a.data()), Optional.of(map));
            }
        } catch (DdsInputException e) {
            throw NpyReader.inFile(where, e);
        }
        throw new DdsInputException(where + " holds a " + s.length + "-D array (" + Shapes.text(s) + ") for model '"
                + name + "': DDS needs n x d (or n x H x W x C) with one row per image; reshape to n x d");
    }

    private static String kind(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof String s) {
            return "str '" + (s.length() <= 40 ? s : s.substring(0, 37) + "...") + "'";
        }
        if (o instanceof NdArray a) {
            return a.toString();
        }
        boolean number = o instanceof Long || o instanceof Double || o instanceof Boolean;
        return number ? o + " (" + RestrictedUnpickler.describe(o) + ")" : RestrictedUnpickler.describe(o);
    }
}
