package org.dds.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;

/**
 * The authors' per-image layout: a directory (tree) with one {@code <...><task>_encoder_output.npy} per image and
 * task, e.g. {@code img0001_autoencoder_encoder_output.npy}. Each file holds one image's features as d, 1 x d,
 * H x W x C or 1 x H x W x C values. The image is the file name before {@code <task>_encoder_output.npy}
 * ({@code img0001_} above), wherever the file lies in the tree: images are sorted by that name (the authors sort
 * the names the glob {@code *<task>_encoder_output.npy} finds) and paired across tasks by it, so every task needs
 * exactly one file per image.
 *
 * <p>The task is the longest known model name (the 20 Taskonomy models and pascal_voc_segmentation) that ends the
 * file name before {@code _encoder_output.npy}; for other names, the text after the last underscore. Tasks are
 * ordered by {@code models.txt} if present, else in the Taskonomy order when all 20 are present (others after, by
 * name), else by name.
 */
final class PerImageLayout {
    /** The suffix every per-image file has. */
    static final String SUFFIX = "_encoder_output.npy";

    private static final List<String> KNOWN = known();

    private PerImageLayout() {
    }

    /**
     * @param dir   the directory
     * @param files every {@code *_encoder_output.npy} below it
     * @return one model per task
     */
    static LoadedFeatures read(Path dir, List<Path> files) {
        String where = "directory '" + dir + "'";
        Map<String, TreeMap<String, Path>> byTask = new TreeMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String t = task(name);
            if (t.isEmpty()) {
                throw new DdsInputException(NpyReader.where(f) + " names no task before '" + SUFFIX + "': name "
                        + "per-image files <image>_<task>" + SUFFIX);
            }
            String image = name.substring(0, name.length() - t.length() - SUFFIX.length());
            Path before = byTask.computeIfAbsent(t, k -> new TreeMap<>()).put(image, f);
            if (before != null) {
                throw new DdsInputException("per-image features in " + where + ": task '" + t + "' has two files "
                        + "for image '" + image + "', '" + dir.relativize(before) + "' and '" + dir.relativize(f)
                        + "': keep one file per image and task");
            }
        }
        Map<String, TreeMap<String, Path>> ordered = new LinkedHashMap<>();
        for (String t : ModelOrder.taskonomyFirst(new ArrayList<>(byTask.keySet()))) {
            ordered.put(t, byTask.get(t));
        }
        List<String> tasks = ModelOrder.forDirectory(dir, ordered, "*%s" + SUFFIX + " file");
        requireSameImages(where, tasks, ordered);
        List<ModelFeatures> models = new ArrayList<>();
        for (String t : tasks) {
            models.add(task(t, new ArrayList<>(ordered.get(t).values())));
        }
        return LoadedFeatures.of(models, FeatureFormat.PER_IMAGE_DIRECTORY, dir, where);
    }

    /**
     * Images are paired across tasks by name (the file name before {@code <task>_encoder_output.npy}), never by
     * position: every task must have a file for every image; the first image (by name) that a task lacks is named.
     */
    private static void requireSameImages(String where, List<String> tasks,
                                          Map<String, TreeMap<String, Path>> byTask) {
        TreeMap<String, String> owner = new TreeMap<>();
        for (String t : tasks) {
            for (String image : byTask.get(t).keySet()) {
                owner.putIfAbsent(image, t);
            }
        }
        for (Map.Entry<String, String> e : owner.entrySet()) {
            for (String t : tasks) {
                if (!byTask.get(t).containsKey(e.getKey())) {
                    throw new DdsInputException("per-image features in " + where + ": task '" + t + "' has no file "
                            + "for image '" + e.getKey() + "', which task '" + e.getValue() + "' has ('"
                            + byTask.get(e.getValue()).get(e.getKey()).getFileName() + "'): every task needs one <image>"
                            + t + SUFFIX + " per image");
                }
            }
        }
    }

    private static ModelFeatures task(String task, List<Path> images) {
        double[] data = null;
        int d = -1;
        Optional<MapShape> map = Optional.empty();
        Path firstFile = images.get(0);
        for (int i = 0; i < images.size(); i++) {
            Path f = images.get(i);
            NpyArray a = NpyReader.readArray(f);
            Optional<MapShape> m = imageMap(a);
            if (data == null) {
                d = a.size();
                map = m;
                data = (double[]) Shapes.allocate((long) images.size() * d, 8, a.where());
            } else if (a.size() != d || !m.equals(map)) {
                throw new DdsInputException(a.where() + " holds " + Shapes.text(a.shape()) + " values but '"
                        + firstFile + "' holds " + d + (map.map(s -> " (" + s + ")").orElse(""))
                        + ": every image of task '" + task + "' needs the same features");
            }
            a.copyTo(data, i * d);
            for (int j = 0; j < d; j++) {
                double v = data[i * d + j];
                if (!Double.isFinite(v)) {
                    throw new DdsInputException(a.where() + " (image " + i + " of task '" + task + "') contains "
                            + v + " at feature " + j + ": DDS needs finite values; fix or drop that image in every "
                            + "task");
                }
            }
        }
        try {
            return new ModelFeatures(FeatureMatrix.wrap(task, images.size(), d, data), map);
        } catch (DdsInputException e) {
            throw NpyReader.inFile("the per-image files of task '" + task + "'", e);
        }
    }

    private static Optional<MapShape> imageMap(NpyArray a) {
        int[] s = a.shape();
        boolean ok = switch (s.length) {
            case 1 -> s[0] > 0;
            case 2 -> s[0] == 1 && s[1] > 0;
            case 3 -> true;
            case 4 -> s[0] == 1;
            default -> false;
        };
        if (!ok) {
            throw new DdsInputException(a.where() + " holds a " + Shapes.text(s) + " array: a per-image file needs "
                    + "one image's features as d, 1 x d, H x W x C or 1 x H x W x C values");
        }
        if (s.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MapShape(s[s.length - 3], s[s.length - 2], s[s.length - 1]));
        } catch (DdsInputException e) {
            throw NpyReader.inFile(a.where(), e);
        }
    }

    /**
     * @param fileName a name ending in {@code _encoder_output.npy}
     * @return the task it belongs to
     */
    static String task(String fileName) {
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        for (String t : KNOWN) {
            if (stem.endsWith(t)) {
                return t;
            }
        }
        int us = stem.lastIndexOf('_');
        return us >= 0 && us < stem.length() - 1 ? stem.substring(us + 1) : stem;
    }

    private static List<String> known() {
        List<String> k = new ArrayList<>(ModelOrder.TASKONOMY);
        k.add("pascal_voc_segmentation");
        // Longest first, so that a name is never cut to a shorter known name it ends with.
        k.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(k);
    }
}
