package org.dds.mini;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dds.core.DdsInputException;

/**
 * The tasks of Mini-Taskonomy: several tasks on the same images (one channel in [0, 1], of the image set's
 * {@link ImageSize}: Fashion-MNIST's 28 x 28 by default),
 * grouped like Taskonomy's task families (Zamir et al., CVPR 2018). Each task defines its input (the image, or a
 * corrupted copy) and its target:
 * <ul>
 *   <li>{@link #CLASS10}: the Fashion-MNIST label, 10 classes.</li>
 *   <li>{@link #COARSE4}: the label grouped into tops {0 T-shirt, 2 pullover, 3 dress, 4 coat, 6 shirt} -&gt; 0,
 *       bottoms {1 trouser} -&gt; 1, footwear {5 sandal, 7 sneaker, 9 ankle boot} -&gt; 2, bags {8} -&gt; 3.</li>
 *   <li>{@link #AUTOENCODE}: target the image itself.</li>
 *   <li>{@link #DENOISE}: input {@code clip(image + N(0, 0.3^2), 0, 1)} per pixel, target the clean image.</li>
 *   <li>{@link #INPAINT}: input the image with the centre square of half the smaller side set to 0 (on 28 x 28
 *       the 14 x 14 square of rows and columns 7..20; {@link ImageSize#maskSide()}), target that square of the
 *       clean image (196 values on 28 x 28, row-major).</li>
 *   <li>{@link #EDGES}: target the Sobel gradient magnitude of the image divided by its largest possible value
 *       sqrt(5)/2 (BoofCV, extended border; see {@link GradientMaps}).</li>
 *   <li>{@link #KEYPOINTS}: target the Harris corner response (BoofCV; radius 2, kappa 0.04, unweighted), negative
 *       values set to 0, divided by the image's maximum, square-rooted (see {@link GradientMaps}).</li>
 *   <li>{@link #ROTATION}: k uniform in {0, 1, 2, 3}; input the image rotated by k * 90 degrees counter-clockwise,
 *       class k (square images only).</li>
 *   <li>{@link #SHIFT}: dx, then dy, each uniform in {-4..4}; input the image moved dx columns right and dy rows
 *       down with zero fill; target (dx / 4, dy / 4).</li>
 * </ul>
 * The random choices of an image are a pure function of (seed, task, image index) (see {@link TaskRandom}).
 */
public enum MiniTask {
    /** The ten Fashion-MNIST classes. */
    CLASS10("class10", Family.SEMANTIC, Kind.CLASSIFICATION, s -> 10, Input.CLEAN),
    /** Four coarse classes: tops, bottoms, footwear, bags. */
    COARSE4("coarse4", Family.SEMANTIC, Kind.CLASSIFICATION, s -> 4, Input.CLEAN),
    /** Reconstruct the image. */
    AUTOENCODE("autoencode", Family.TWO_D, Kind.REGRESSION, ImageSize::pixels, Input.CLEAN),
    /** Remove Gaussian noise (sd {@value #NOISE_SD}). */
    DENOISE("denoise", Family.TWO_D, Kind.REGRESSION, ImageSize::pixels, Input.NOISY),
    /** Fill in the masked centre square. */
    INPAINT("inpaint", Family.TWO_D, Kind.REGRESSION, s -> s.maskSide() * s.maskSide(), Input.MASKED),
    /** Sobel edge magnitude. */
    EDGES("edges", Family.TWO_D, Kind.REGRESSION, ImageSize::pixels, Input.CLEAN),
    /** Harris corner response. */
    KEYPOINTS("keypoints", Family.TWO_D, Kind.REGRESSION, ImageSize::pixels, Input.CLEAN),
    /** Which of four quarter turns was applied. */
    ROTATION("rotation", Family.GEOMETRIC, Kind.CLASSIFICATION, s -> 4, Input.ROTATED),
    /** How far the image was moved. */
    SHIFT("shift", Family.GEOMETRIC, Kind.REGRESSION, s -> 2, Input.SHIFTED);

    /** Standard deviation of the noise of {@link #DENOISE}. */
    public static final double NOISE_SD = 0.3;
    /** Largest translation of {@link #SHIFT}, in pixels, in each direction. */
    public static final int MAX_SHIFT = 4;
    /** Names of the {@link #COARSE4} classes, in class order. */
    public static final String[] COARSE_CLASSES = {"tops", "bottoms", "footwear", "bags"};

    /** Coarse class of each Fashion-MNIST label 0..9. */
    private static final int[] COARSE_OF = {0, 1, 0, 0, 0, 2, 0, 2, 3, 2};
    /** Images per parallel work unit: large enough that one unit's GradientMaps serves many images. */
    private static final int CHUNK = 512;

    /** Taskonomy's task families. */
    public enum Family {
        /** Semantic tasks (what is in the image). */
        SEMANTIC("semantic"),
        /** Low-level 2D tasks (pixels, edges, corners). */
        TWO_D("2D"),
        /** Geometric tasks (how the image was moved). */
        GEOMETRIC("geometric");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        /** @return the name used in reports: "semantic", "2D" or "geometric" */
        public String label() {
            return label;
        }
    }

    /** What the target is. */
    public enum Kind {
        /** One class per sample, one-hot targets. */
        CLASSIFICATION,
        /** Real-valued targets. */
        REGRESSION
    }

    /** What the network sees. */
    public enum Input {
        /** The image. */
        CLEAN,
        /** The image plus clipped Gaussian noise. */
        NOISY,
        /** The image with its centre square set to 0. */
        MASKED,
        /** The image turned by a multiple of 90 degrees. */
        ROTATED,
        /** The image translated with zero fill. */
        SHIFTED
    }

    private final String cliName;
    private final Family family;
    private final Kind kind;
    private final ToIntFunction<ImageSize> outputs;
    private final Input input;

    MiniTask(String cliName, Family family, Kind kind, ToIntFunction<ImageSize> outputs, Input input) {
        this.cliName = cliName;
        this.family = family;
        this.kind = kind;
        this.outputs = outputs;
        this.input = input;
    }

    /** @return the name on the command line and in reports */
    public String cliName() {
        return cliName;
    }

    /** @return the task family */
    public Family family() {
        return family;
    }

    /** @return classification or regression */
    public Kind kind() {
        return kind;
    }

    /**
     * @param size the images' size
     * @return number of classes, or of target values per sample (the 2D tasks' depend on the size)
     */
    public int outputs(ImageSize size) {
        return outputs.applyAsInt(size);
    }

    /** @return what the network sees */
    public Input input() {
        return input;
    }

    /**
     * @param size the images' size
     * @return one line for reports: what the task asks
     */
    public String description(ImageSize size) {
        return switch (this) {
            case CLASS10 -> "10-way classification of the Fashion-MNIST label";
            case COARSE4 -> "4-way classification: tops, bottoms, footwear, bags";
            case AUTOENCODE -> "autoencoding: target the input image";
            case DENOISE -> "denoising: input + Gaussian noise (sd " + NOISE_SD + "), target the clean image";
            case INPAINT -> "inpainting: centre " + size.maskSide() + "x" + size.maskSide()
                    + " square set to 0, target that square";
            case EDGES -> "edges: Sobel gradient magnitude / (sqrt(5)/2)";
            case KEYPOINTS -> "keypoints: sqrt of the Harris response (radius 2, kappa 0.04) / image maximum";
            case ROTATION -> "rotation: which of 0, 90, 180, 270 degrees counter-clockwise the input was turned";
            case SHIFT -> "shift: (dx, dy) / 4 of a translation by up to " + MAX_SHIFT + " pixels, zero fill";
        };
    }

    /**
     * @param name a task name, as {@link #cliName()} (case-insensitive)
     * @return the task
     * @throws DdsInputException naming the valid names when {@code name} is unknown
     */
    public static MiniTask parse(String name) {
        if (name != null) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            for (MiniTask t : values()) {
                if (t.cliName.equals(key)) {
                    return t;
                }
            }
        }
        throw new DdsInputException("unknown Mini-Taskonomy task '" + name + "': expected one of "
                + Arrays.stream(values()).map(MiniTask::cliName).collect(Collectors.joining(", ")));
    }

    /**
     * @param label a Fashion-MNIST label 0..9
     * @return its {@link #COARSE4} class: 0 tops, 1 bottoms, 2 footwear, 3 bags
     */
    public static int coarseClass(int label) {
        if (label < 0 || label >= COARSE_OF.length) {
            throw new DdsInputException("Fashion-MNIST label " + label + " is outside 0..9: the labels file does "
                    + "not belong to Fashion-MNIST");
        }
        return COARSE_OF[label];
    }

    /**
     * Inputs and targets of this task for the given images of {@code data}.
     *
     * @param data    the images (any {@link ImageSize}; square for {@link #ROTATION}) and labels (0..9)
     * @param indices which images (indices into data), in this order; repeats allowed
     * @param seed    the randomness (noise, rotation, shift) of image i is a pure function of (seed, this task,
     *                indices[k]), so the same image gets the same corruption whichever subset or order it is
     *                requested in
     * @return one sample per index
     * @throws DdsInputException when rotation gets images that are not square, an index is out of range, or a label
     *                           is not 0..9
     */
    public TaskSamples samples(FashionMnist data, int[] indices, long seed) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(indices, "indices");
        IdxImages.Images images = data.images();
        ImageSize size = data.imageSize();
        if (this == ROTATION && !size.square()) {
            throw new DdsInputException("task '" + cliName + "' needs square images but the data set has " + size
                    + ": quarter turns would change their size; use square images or leave this task out");
        }
        int[] labels = data.labels();
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= images.count()) {
                throw new DdsInputException("image index " + i + " (position " + k + " of the indices) is outside "
                        + "the " + images.count() + " images of the data set: pass indices 0.." + (images.count() - 1));
            }
            if (kind == Kind.CLASSIFICATION && this != ROTATION && labels[i] > 9) {
                throw new DdsInputException("label " + labels[i] + " of image " + i + " is outside 0..9: the labels "
                        + "file does not belong to Fashion-MNIST");
            }
        }
        int n = indices.length;
        int pixels = size.pixels();
        int k = outputs(size);
        float[] inputs = new float[Math.multiplyExact(n, pixels)];
        float[] targets = new float[Math.multiplyExact(n, k)];
        int[] classes = kind == Kind.CLASSIFICATION ? new int[n] : null;
        // Each image has its own random stream and writes only its own slices, so chunks run in any order.
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(c -> {
            GradientMaps maps = this == EDGES || this == KEYPOINTS ? new GradientMaps(size) : null;
            for (int j = c * CHUNK; j < Math.min(n, (c + 1) * CHUNK); j++) {
                int i = indices[j];
                fill(size, images.image(i), labels[i], new TaskRandom(seed, this, i), maps, j, inputs, targets,
                        classes);
            }
        });
        return new TaskSamples(this, size, n, inputs, targets, classes);
    }

    /** Writes sample k: its input, its target and (classification) its class. */
    private void fill(ImageSize size, float[] image, int label, TaskRandom random, GradientMaps maps, int k,
            float[] inputs, float[] targets, int[] classes) {
        int pixels = size.pixels();
        int in = k * pixels;
        int out = k * outputs(size);
        switch (this) {
            case CLASS10, COARSE4 -> {
                System.arraycopy(image, 0, inputs, in, pixels);
                classes[k] = this == CLASS10 ? label : COARSE_OF[label];
                targets[out + classes[k]] = 1f;
            }
            case AUTOENCODE -> {
                System.arraycopy(image, 0, inputs, in, pixels);
                System.arraycopy(image, 0, targets, out, pixels);
            }
            case DENOISE -> {
                ImageTransforms.addNoise(image, NOISE_SD, random, inputs, in);
                System.arraycopy(image, 0, targets, out, pixels);
            }
            case INPAINT -> {
                ImageTransforms.maskCentre(size, image, inputs, in);
                ImageTransforms.centrePatch(size, image, targets, out);
            }
            case EDGES -> {
                System.arraycopy(image, 0, inputs, in, pixels);
                maps.edges(image, targets, out);
            }
            case KEYPOINTS -> {
                System.arraycopy(image, 0, inputs, in, pixels);
                maps.keypoints(image, targets, out);
            }
            case ROTATION -> {
                int turns = random.nextInt(4);
                ImageTransforms.rotate(size, image, turns, inputs, in);
                classes[k] = turns;
                targets[out + turns] = 1f;
            }
            case SHIFT -> {
                int dx = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
                int dy = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
                ImageTransforms.shift(size, image, dx, dy, inputs, in);
                targets[out] = dx / (float) MAX_SHIFT;
                targets[out + 1] = dy / (float) MAX_SHIFT;
            }
        }
    }
}
