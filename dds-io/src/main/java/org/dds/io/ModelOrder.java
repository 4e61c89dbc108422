package org.dds.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dds.core.DdsInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The order of models: {@code models.txt}, the Taskonomy order of SPEC section 4, or file and dict order. */
final class ModelOrder {
    private static final Logger LOG = LoggerFactory.getLogger(ModelOrder.class);

    /** The name of the optional file listing a directory's models, one per line. */
    static final String MODELS_TXT = "models.txt";

    /** The 20 Taskonomy feature models in the order of SPEC section 4. */
    static final List<String> TASKONOMY = List.of("autoencoder", "curvature", "denoise", "edge2d", "edge3d",
            "keypoint2d", "keypoint3d", "colorization", "reshade", "rgb2depth", "rgb2mist", "rgb2sfnorm",
            "room_layout", "segment25d", "segment2d", "vanishing_point", "segmentsemantic", "class_1000",
            "class_places", "inpainting_whole");

    private ModelOrder() {
    }

    /**
     * Orders the models of a directory: as listed in its {@code models.txt} if there is one (models not listed are
     * left out, with a warning), else by the given default order.
     *
     * @param dir      the directory
     * @param files    model name -> its file(s), in the default order
     * @param fileName the file a model needs, for messages, with %s for the model (e.g. {@code %s.npy})
     * @return the model names in order
     */
    static List<String> forDirectory(Path dir, Map<String, ?> files, String fileName) {
        Path list = dir.resolve(MODELS_TXT);
        if (!Files.isRegularFile(list)) {
            return new ArrayList<>(files.keySet());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DdsInputException("cannot read '" + list + "' (" + e.getMessage()
                    + "): make it a readable text file with one model name per line, or delete it", e);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!files.containsKey(name)) {
                throw new DdsInputException("'" + list + "' lists model '" + name + "' but there is no "
                        + String.format(fileName, name) + " beside it: add the file or remove the name");
            }
            if (!names.add(name)) {
                throw new DdsInputException("'" + list + "' lists model '" + name + "' twice: list each model once");
            }
        }
        if (names.isEmpty()) {
            throw new DdsInputException("'" + list + "' lists no models: write one model name per line, or delete "
                    + "it to use every model found");
        }
        Set<String> unlisted = new HashSet<>(files.keySet());
        unlisted.removeAll(names);
        if (!unlisted.isEmpty()) {
            LOG.warn("{} does not list {}: leaving {} out", list, unlisted, unlisted.size() == 1 ? "it" : "them");
        }
        return new ArrayList<>(names);
    }

    /**
     * @param order model names in some order (dict or file order)
     * @return the 20 Taskonomy models in SPEC order followed by the rest in the given order, if all 20 are
     *         present; otherwise the given order
     */
    static List<String> taskonomyFirst(List<String> order) {
        if (!order.containsAll(TASKONOMY)) {
            return order;
        }
        List<String> out = new ArrayList<>(TASKONOMY);
        for (String name : order) {
            if (!TASKONOMY.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
