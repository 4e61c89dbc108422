package org.dds.training.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Tiny datasets in the real formats, written by the tests: an NYUv2-layout HDF5 file with its two MATLAB v5 side
 * files, and a Pascal VOC 2012 folder with JPEGs, palette PNGs and normals PNGs. Pixel values are simple functions
 * of (image, x, y) so that tests can predict what the readers return.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** Red of pixel (x, y) of image n in the NYU fixture, 0..255. */
    public static int nyuRed(int n, int x, int y) {
        return (10 * n + 7 * x + 3 * y) % 128;
    }

    /** Depth of pixel (x, y) of image n in the NYU fixture (0 = unknown at x = 0). */
    public static float nyuDepth(int n, int x, int y) {
        return x == 0 ? 0f : 1f + 0.5f * n + 0.1f * y;
    }

    /** Raw 894-class label of pixel (x, y) of image n (0 = unlabelled at y = 0). */
    public static int nyuLabel(int n, int x, int y) {
        return y == 0 ? 0 : 1 + (n + x + y) % 5;
    }

    /**
     * Writes {@code nyu_depth_v2_labeled.mat} (HDF5, as MATLAB v7.3 lays it out, without MATLAB's 512-byte header,
     * which jhdf's writer cannot produce), {@code splits.mat} and {@code classMapping40.mat}. The mapping sends raw
     * class k to 40-class k + 2 for k <= 5 (so 1..5 become 3..7, i.e. indices 2..6) and every other class to 0.
     *
     * @param dir    where
     * @param images number of images
     * @param width  W (640 in the real file)
     * @param height H (480 in the real file)
     * @param train  1-based indices of the training images
     * @param test   1-based indices of the test images
     */
    public static void nyu(Path dir, int images, int width, int height, int[] train, int[] test) {
        nyu(dir, images, width, height, train, test, Fixtures::nyuLabel);
    }

    /** The raw label of pixel (x, y) of image n. */
    @FunctionalInterface
    public interface Labels {
        /**
         * @param n image
         * @param x column
         * @param y row
         * @return the raw label
         */
        int at(int n, int x, int y);
    }

    /**
     * {@link #nyu(Path, int, int, int, int[], int[])} with other raw labels.
     *
     * @param dir    where
     * @param images number of images
     * @param width  W
     * @param height H
     * @param train  1-based indices of the training images
     * @param test   1-based indices of the test images
     * @param label  the raw label of each pixel
     */
    public static void nyu(Path dir, int images, int width, int height, int[] train, int[] test, Labels label) {
        byte[][][][] rgb = new byte[images][3][width][height];
        float[][][] depth = new float[images][width][height];
        int[][][] labels = new int[images][width][height];
        for (int n = 0; n < images; n++) {
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    rgb[n][0][x][y] = (byte) nyuRed(n, x, y);
                    rgb[n][1][x][y] = (byte) ((n + x) % 128);
                    rgb[n][2][x][y] = (byte) (y % 128);
                    depth[n][x][y] = nyuDepth(n, x, y);
                    labels[n][x][y] = label.at(n, x, y);
                }
            }
        }
        try (WritableHdfFile hdf = HdfFile.write(dir.resolve(NyuV2Dataset.LABELED))) {
            hdf.putDataset("images", rgb);
            hdf.putDataset("depths", depth);
            hdf.putDataset("labels", labels);
        }
        MatFile splits = Mat5.newMatFile().addArray("trainNdxs", column(train)).addArray("testNdxs", column(test));
        Matrix map = Mat5.newMatrix(1, 894);
        for (int k = 1; k <= 5; k++) {
            map.setDouble(k - 1, k + 2);
        }
        MatFile mapping = Mat5.newMatFile().addArray("mapClass", map);
        try {
            Mat5.writeToFile(splits, dir.resolve(NyuV2Dataset.SPLITS).toFile());
            Mat5.writeToFile(mapping, dir.resolve(NyuV2Dataset.MAPPING).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Matrix column(int[] values) {
        Matrix m = Mat5.newMatrix(values.length, 1);
        for (int k = 0; k < values.length; k++) {
            m.setDouble(k, values[k]);
        }
        return m;
    }

    /**
     * Writes a VOC2012 folder under {@code dir/VOCdevkit/VOC2012}: images {@code 2008_00000k}, class PNGs whose
     * pixel (x, y) is class (x + y + k) % 21, except 255 on the first row; normals PNGs (pointing along +z, except
     * (0, 0, 0) on the first column); lists train.txt and val.txt.
     *
     * @param dir    where
     * @param train  number of training images
     * @param val    number of validation images
     * @param width  W
     * @param height H
     * @param seed   seed of the random RGB
     * @return the VOC2012 folder
     */
    public static Path pascal(Path dir, int train, int val, int width, int height, long seed) {
        Path root = dir.resolve("VOCdevkit").resolve("VOC2012");
        SplittableRandom random = new SplittableRandom(seed);
        try {
            Files.createDirectories(root.resolve("JPEGImages"));
            Files.createDirectories(root.resolve("SegmentationClass"));
            Files.createDirectories(root.resolve(PascalDataset.NORMALS));
            Files.createDirectories(root.resolve("ImageSets").resolve("Segmentation"));
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < train + val; k++) {
                String id = String.format("2008_%06d", k);
                ids.add(id);
                BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                BufferedImage sem = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette());
                BufferedImage nor = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        // Blocks of colour so that Canny finds edges.
                        int v = ((x / 4 + y / 4 + k) % 2) * 200 + random.nextInt(40);
                        rgb.setRGB(x, y, v << 16 | (255 - v) << 8 | v / 2);
                        sem.getRaster().setSample(x, y, 0, y == 0 ? 255 : (x + y + k) % 21);
                        nor.setRGB(x, y, x == 0 ? 0 : 128 << 16 | 128 << 8 | 255);
                    }
                }
                ImageIO.write(rgb, "jpg", root.resolve("JPEGImages").resolve(id + ".jpg").toFile());
                ImageIO.write(sem, "png", root.resolve("SegmentationClass").resolve(id + ".png").toFile());
                ImageIO.write(nor, "png", root.resolve(PascalDataset.NORMALS).resolve(id + ".png").toFile());
            }
            Path lists = root.resolve("ImageSets").resolve("Segmentation");
            Files.write(lists.resolve("train.txt"), ids.subList(0, train), StandardCharsets.UTF_8);
            Files.write(lists.resolve("val.txt"), ids.subList(train, train + val), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** Pascal's 256-colour palette (only its being a palette matters here). */
    private static IndexColorModel palette() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) (i * 37);
            g[i] = (byte) (i * 71);
            b[i] = (byte) (i * 113);
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
