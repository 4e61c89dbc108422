package org.dds.training.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.dds.core.DdsInputException;

/**
 * Pascal VOC 2012 (Everingham et al.) in its distributed layout, with the PASCAL-Context normals of Maninis et al.
 * (CVPR 2019) where present: {@code JPEGImages/<id>.jpg}, {@code SegmentationClass/<id>.png} (palette PNG whose
 * indices are the 21 classes, 255 on borders and difficult pixels), {@code normals_distill/<id>.png} (RGB, each
 * channel {@code (n + 1) / 2 * 255}) and the lists {@code ImageSets/Segmentation/train.txt} and {@code val.txt}.
 * The root is the {@code VOC2012} folder; the data directory may also be the folder that holds {@code VOCdevkit} or
 * {@code VOC2012}. Images are decoded one at a time.
 */
public final class PascalDataset implements DenseDataset {
    /** Pascal VOC classes: background and 20 object classes. */
    public static final int CLASSES = 21;
    /** Folder of the normals PNGs (Maninis et al.'s PASCAL-Context release). */
    public static final String NORMALS = "normals_distill";

    private final Path root;
    private final List<String> ids;
    private final Split split;
    private final boolean normals;

    private PascalDataset(Path root, List<String> ids, Split split, boolean normals) {
        this.root = root;
        this.ids = ids;
        this.split = split;
        this.normals = normals;
    }

    /**
     * @param data         the VOC2012 folder, or a folder holding {@code VOCdevkit/VOC2012} or {@code VOC2012}
     * @param split        train or val
     * @param needsNormals whether every image must have a normals PNG
     * @return the dataset
     * @throws DdsInputException naming what is missing
     */
    public static PascalDataset open(Path data, Split split, boolean needsNormals) {
        Path root = root(data);
        Path list = root.resolve("ImageSets").resolve("Segmentation").resolve(split + ".txt");
        List<String> ids;
        try {
            ids = Files.readAllLines(list, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new DdsInputException(list + " does not exist: the Pascal VOC 2012 folder needs"
                    + " ImageSets/Segmentation/" + split + ".txt", e);
        } catch (IOException e) {
            throw new DdsInputException("cannot read " + list + ": " + e.getMessage(), e);
        }
        if (ids.isEmpty()) {
            throw new DdsInputException(list + " lists no image: it must hold one image id per line");
        }
        if (needsNormals) {
            for (String id : ids) {
                Path n = root.resolve(NORMALS).resolve(id + ".png");
                if (!Files.isRegularFile(n)) {
                    throw new DdsInputException(n + " does not exist: the normals task needs the PASCAL-Context"
                            + " normals of Maninis et al. (folder " + NORMALS + ") for every image of " + list);
                }
            }
        }
        return new PascalDataset(root, ids, split, needsNormals);
    }

    private static Path root(Path data) {
        for (Path candidate : List.of(data.resolve("VOCdevkit").resolve("VOC2012"), data.resolve("VOC2012"), data)) {
            if (Files.isDirectory(candidate.resolve("JPEGImages"))) {
                return candidate;
            }
        }
        throw new DdsInputException(p -> data + " holds no JPEGImages folder: " + p.apply("data") + " must name the"
                + " Pascal VOC 2012 folder (VOC2012) or the folder that holds VOCdevkit or VOC2012");
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public Sample get(int index) {
        String id = ids.get(index);
        BufferedImage image = read(root.resolve("JPEGImages").resolve(id + ".jpg"));
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        float[] rgb = new float[3 * plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                int o = y * w + x;
                rgb[o] = ((p >> 16) & 0xFF) / 255f;
                rgb[plane + o] = ((p >> 8) & 0xFF) / 255f;
                rgb[2 * plane + o] = (p & 0xFF) / 255f;
            }
        }
        Path semPath = root.resolve("SegmentationClass").resolve(id + ".png");
        BufferedImage sem = read(semPath);
        same(sem, h, w, semPath);
        if (!(sem.getColorModel() instanceof IndexColorModel)) {
            throw new DdsInputException(semPath + " is not a palette PNG: Pascal VOC's SegmentationClass PNGs store"
                    + " the class index in a palette image");
        }
        Raster raster = sem.getRaster();
        int[] semantic = new int[plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = raster.getSample(x, y, 0);
                if (c >= CLASSES && c != 255) {
                    throw new DdsInputException(semPath + " has class " + c + " at pixel (" + x + ", " + y
                            + "), but Pascal VOC's classes are 0.." + (CLASSES - 1) + " (255 = ignore): the label"
                            + " image is corrupt or from another dataset; replace it with the VOC2012 original");
                }
                semantic[y * w + x] = c;
            }
        }
        float[] n = null;
        if (normals) {
            Path normPath = root.resolve(NORMALS).resolve(id + ".png");
            BufferedImage img = read(normPath);
            same(img, h, w, normPath);
            n = new float[3 * plane];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = img.getRGB(x, y) & 0xFFFFFF;
                    int o = y * w + x;
                    if (p == 0) {
                        continue;
                    }
                    float nx = ((p >> 16) & 0xFF) / 255f * 2 - 1;
                    float ny = ((p >> 8) & 0xFF) / 255f * 2 - 1;
                    float nz = (p & 0xFF) / 255f * 2 - 1;
                    double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
                    // Unlabelled pixels are black (skipped above) or mid-grey (a vector of length ~0).
                    if (norm > 0.5) {
                        n[o] = (float) (nx / norm);
                        n[plane + o] = (float) (ny / norm);
                        n[2 * plane + o] = (float) (nz / norm);
                    }
                }
            }
        }
        return new Sample(h, w, rgb, semantic, null, n);
    }

    @Override
    public int classes() {
        return CLASSES;
    }

    @Override
    public String describe() {
        return "Pascal VOC 2012, " + split + " split (" + ids.size() + " images) from " + root;
    }

    private static BufferedImage read(Path p) {
        try {
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) {
                throw new DdsInputException(p + " is not an image ImageIO can decode: replace the file");
            }
            return img;
        } catch (IOException e) {
            throw new DdsInputException("cannot read " + p + " (" + e.getMessage() + "): check that it exists and is"
                    + " a valid image", e);
        }
    }

    private static void same(BufferedImage img, int h, int w, Path p) {
        if (img.getHeight() != h || img.getWidth() != w) {
            throw new DdsInputException(p + " is " + img.getWidth() + " x " + img.getHeight() + " but its image is "
                    + w + " x " + h + ": annotations must have the image's size");
        }
    }
}
