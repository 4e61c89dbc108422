package org.dds.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import org.dds.core.DdsInputException;

/**
 * The NYU Depth v2 labeled set (Silberman et al., ECCV 2012) as distributed: {@value #LABELED}, a MATLAB v7.3 file
 * (HDF5) holding {@code images} (1449 x 3 x 640 x 480 uint8 in HDF5 order, i.e. MATLAB's 480 x 640 x 3 x 1449),
 * {@code depths} (1449 x 640 x 480 float, metres) and {@code labels} (1449 x 640 x 480 uint16, 894 classes, 0 =
 * unlabelled), read with jhdf one image at a time. The official split comes from {@value #SPLITS} ({@code trainNdxs}
 * 795, {@code testNdxs} 654, 1-based) and the 40-class mapping of Gupta et al. (CVPR 2013) from {@value #MAPPING}
 * ({@code mapClass}, 894 values in 1..40), both MATLAB v5 files read with MFL. Semantic labels are 0..39, 255 for
 * unlabelled pixels. NYUv2 has no normals here (Table 5 uses edge, depth and semantic).
 */
public final class NyuV2Dataset implements DenseDataset {
    /** The labeled-set file name. */
    public static final String LABELED = "nyu_depth_v2_labeled.mat";
    /** The split file name. */
    public static final String SPLITS = "splits.mat";
    /** The 40-class mapping file name. */
    public static final String MAPPING = "classMapping40.mat";
    /** Semantic classes after the mapping. */
    public static final int CLASSES = 40;

    private final Path file;
    private final HdfFile hdf;
    private final Dataset images;
    private final Dataset depths;
    private final Dataset labels;
    private final int[] indices;
    private final int[] mapping;
    private final int height;
    private final int width;
    private final Split split;

    private NyuV2Dataset(Path file, HdfFile hdf, int[] indices, int[] mapping, Split split) {
        this.file = file;
        this.hdf = hdf;
        this.images = dataset(hdf, "images", 4);
        this.depths = dataset(hdf, "depths", 3);
        this.labels = dataset(hdf, "labels", 3);
        int[] dims = images.getDimensions();
        if (dims[1] != 3) {
            throw new DdsInputException("'images' in " + file + " has " + dims[1] + " channels, not 3: is it the NYUv2"
                    + " labeled set?");
        }
        this.width = dims[2];
        this.height = dims[3];
        int total = dims[0];
        if (!Arrays.equals(Arrays.copyOfRange(depths.getDimensions(), 1, 3), new int[] {width, height})
                || !Arrays.equals(Arrays.copyOfRange(labels.getDimensions(), 1, 3), new int[] {width, height})
                || depths.getDimensions()[0] != total || labels.getDimensions()[0] != total) {
            throw new DdsInputException("'images', 'depths' and 'labels' in " + file + " have different sizes ("
                    + Arrays.toString(dims) + ", " + Arrays.toString(depths.getDimensions()) + ", "
                    + Arrays.toString(labels.getDimensions()) + "): the file is not the NYUv2 labeled set");
        }
        for (int i : indices) {
            if (i < 0 || i >= total) {
                throw new DdsInputException(SPLITS + " names image " + (i + 1) + " but " + file + " has " + total
                        + " images");
            }
        }
        this.indices = indices;
        this.mapping = mapping;
        this.split = split;
    }

    /**
     * @param directory the directory holding {@value #LABELED}, {@value #SPLITS} and {@value #MAPPING}
     * @param split     train (795 images) or val (the 654 test images)
     * @return the dataset; close it when done
     * @throws DdsInputException naming the missing or unusable file and where to get it
     */
    public static NyuV2Dataset open(Path directory, Split split) {
        Path labeled = directory.resolve(LABELED);
        require(labeled, "the NYUv2 labeled set (nyu_depth_v2_labeled.mat, 2.8 GB, from the NYU Depth Dataset V2"
                + " page)");
        require(directory.resolve(SPLITS), "the official 795/654 split (splits.mat, from the NYU Depth Dataset V2"
                + " page)");
        require(directory.resolve(MAPPING), "the 40-class mapping of Gupta et al. (classMapping40.mat, from their"
                + " rgbd-scene toolbox)");
        MatFile splits = mat(directory.resolve(SPLITS));
        int[] indices = oneBased(matrix(splits, split == Split.TRAIN ? "trainNdxs" : "testNdxs",
                directory.resolve(SPLITS)));
        Matrix map = matrix(mat(directory.resolve(MAPPING)), "mapClass", directory.resolve(MAPPING));
        int[] mapping = new int[map.getNumElements()];
        for (int k = 0; k < mapping.length; k++) {
            int c = (int) map.getDouble(k);
            if (c < 0 || c > CLASSES) {
                throw new DdsInputException("mapClass[" + (k + 1) + "] = " + c + " in " + directory.resolve(MAPPING)
                        + " is outside 0.." + CLASSES + ": is it classMapping40.mat?");
            }
            mapping[k] = c;
        }
        try {
            return new NyuV2Dataset(labeled, new HdfFile(labeled), indices, mapping, split);
        } catch (HdfException e) {
            throw new DdsInputException(labeled + " is not a readable MATLAB v7.3 (HDF5) file (" + e.getMessage()
                    + "): download nyu_depth_v2_labeled.mat again", e);
        }
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public synchronized Sample get(int index) {
        int n = indices[index];
        int plane = height * width;
        float[] raw;
        float[] d;
        float[] l;
        try {
            raw = Nested.floats(images.getData(new long[] {n, 0, 0, 0}, new int[] {1, 3, width, height}), 3 * plane);
            d = Nested.floats(depths.getData(new long[] {n, 0, 0}, new int[] {1, width, height}), plane);
            l = Nested.floats(labels.getData(new long[] {n, 0, 0}, new int[] {1, width, height}), plane);
        } catch (HdfException e) {
            throw new DdsInputException("cannot read image " + (n + 1) + " of " + file + " (" + e.getMessage()
                    + "): the file is damaged; download it again", e);
        }
        float[] rgb = new float[3 * plane];
        float[] depth = new float[plane];
        int[] semantic = new int[plane];
        // HDF5 order [c][x][y] (MATLAB is column-major) -> ours [c][y][x].
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                int src = x * height + y;
                int dst = y * width + x;
                for (int c = 0; c < 3; c++) {
                    float v = raw[c * plane + src];
                    rgb[c * plane + dst] = (v < 0 ? v + 256 : v) / 255f;
                }
                depth[dst] = Math.max(0, d[src]);
                int label = (int) l[src];
                if (label < 0) {
                    label += 65536;
                }
                if (label > mapping.length) {
                    throw new DdsInputException("image " + (n + 1) + " of " + file + " has label " + label
                            + " at pixel (" + x + ", " + y + "), but " + MAPPING + " maps only labels 1.."
                            + mapping.length + " (0 = unlabelled): the file is damaged; download it again");
                }
                semantic[dst] = label == 0 || mapping[label - 1] == 0 ? 255 : mapping[label - 1] - 1;
            }
        }
        return new Sample(height, width, rgb, semantic, depth, null);
    }

    @Override
    public int classes() {
        return CLASSES;
    }

    @Override
    public String describe() {
        return "NYUv2 labeled, " + split + " split (" + indices.length + " images) from " + file;
    }

    @Override
    public void close() {
        hdf.close();
    }

    private static Dataset dataset(HdfFile hdf, String name, int rank) {
        try {
            Dataset d = hdf.getDatasetByPath(name);
            if (d.getDimensions().length != rank) {
                throw new DdsInputException("'" + name + "' in " + hdf.getFile() + " has " + d.getDimensions().length
                        + " dimensions, not " + rank + ": is it the NYUv2 labeled set?");
            }
            return d;
        } catch (HdfException e) {
            throw new DdsInputException(hdf.getFile() + " has no dataset '" + name + "': is it the NYUv2 labeled set"
                    + " (nyu_depth_v2_labeled.mat)?", e);
        }
    }

    private static void require(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new DdsInputException(s -> p + " does not exist: " + s.apply("data") + " must name the directory"
                    + " that holds " + what);
        }
    }

    private static MatFile mat(Path p) {
        try {
            return Mat5.readFromFile(p.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DdsInputException(p + " is not a readable MATLAB file (" + e.getMessage() + "): download it"
                    + " again", e);
        }
    }

    private static Matrix matrix(MatFile mat, String name, Path where) {
        try {
            return mat.getMatrix(name);
        } catch (RuntimeException e) {
            throw new DdsInputException(where + " has no variable '" + name + "': is it the right file?", e);
        }
    }

    private static int[] oneBased(Matrix m) {
        int[] out = new int[m.getNumElements()];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) m.getDouble(k) - 1;
        }
        return out;
    }
}
