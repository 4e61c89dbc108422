package org.dds.mini;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.dds.core.DdsInputException;

/**
 * Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 60,000 training and 10,000 test images of 28 x 28 grey levels, ten
 * classes of clothing. Installed by {@code apt-get install dataset-fashion-mnist} into
 * {@value #DEFAULT_DIRECTORY}; another folder may hold the same four files (gzipped or not).
 *
 * @param images the images
 * @param labels one class 0..9 per image
 */
public record FashionMnist(IdxImages.Images images, int[] labels) {

    /** Where Debian's package puts the files. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";

    /** The ten class names, in label order. */
    public static final String[] CLASSES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};

    /** Validates that there is one label per image. */
    public FashionMnist {
        if (labels.length != images.count()) {
            throw new DdsInputException(images.count() + " images but " + labels.length + " labels: the image and "
                    + "label files do not belong together");
        }
        labels = labels.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** @return the images' size, as the image file declares it ({@link ImageSize#FASHION_MNIST} for the originals) */
    public ImageSize imageSize() {
        return new ImageSize(images.rows(), images.cols());
    }

    /**
     * @param dir   folder with the IDX files, or null for {@value #DEFAULT_DIRECTORY}
     * @param split "train" or "t10k"
     * @param max   read at most this many images
     * @return the images and labels
     * @throws DdsInputException with the install command when the files are missing
     */
    public static FashionMnist load(Path dir, String split, int max) {
        Path folder = dir != null ? dir : Paths.get(DEFAULT_DIRECTORY);
        Path images = find(folder, split + "-images-idx3-ubyte");
        Path labels = find(folder, split + "-labels-idx1-ubyte");
        return new FashionMnist(IdxImages.readImages(images, max), IdxImages.readLabels(labels, max));
    }

    private static Path find(Path folder, String stem) {
        for (String name : new String[] {stem + ".gz", stem}) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new DdsInputException(p -> "Fashion-MNIST file " + stem + "(.gz) is not in '" + folder + "': install"
                + " it with 'sudo apt-get install dataset-fashion-mnist' (files in " + DEFAULT_DIRECTORY + ") or pass "
                + p.apply("data") + " DIR with the four IDX files");
    }
}
