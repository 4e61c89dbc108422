package org.dds.training.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.dds.core.DdsInputException;
import org.dds.io.AtomicFiles;
import org.dds.io.NpyWriter;
import org.dds.training.backend.NativeBackend;
import org.dds.training.data.Augmentation;
import org.dds.training.data.Sample;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.Networks;
import org.dds.training.model.ResNetSpec;
import org.dds.training.data.PixelNormalization;
import org.dds.training.weights.WeightFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-block features of a ResNet-50 for paper Figure 4: every image of a folder (JPEG or PNG, sorted by file name)
 * is resized (shorter side S) and centre-cropped to S x S, normalised as the weights expect
 * ({@link WeightFormat#normalization()}: torchvision's ImageNet statistics for {@code .npz}, Keras' caffe mean for
 * {@code .h5}), and passed through the encoder (in the variant the weights need, {@link WeightFormat#layout}); the
 * output of each requested block is written as {@code block<k>.npy} in the format dds-core's {@code FeatureReader}
 * reads (n x H x W x C float32, channels last, or n x C after global average pooling), with {@code models.txt}
 * listing the blocks in order.
 */
public final class FeatureExtractor {
    /** How block outputs become feature rows. */
    public enum Pooling {
        /** The whole map, n x H x W x C. */
        NONE,
        /** Global average pooling, n x C. */
        GLOBAL
    }

    private static final int BATCH = 8;

    private FeatureExtractor() {
    }

    /**
     * @param weights   torchvision ResNet-50 state_dict .npz or Keras ResNet50 .h5
     * @param images    folder of images
     * @param blocks    blocks to write, each 1..4
     * @param size      crop side S (224)
     * @param pooling   how maps become rows
     * @param out       output folder
     * @param progress  progress lines
     * @return the files written
     */
    public static List<Path> extract(Path weights, Path images, List<Integer> blocks, int size, Pooling pooling,
            Path out, Consumer<String> progress) {
        return extract(ResNetSpec.resnet50(), weights, images, blocks, size, pooling, out, progress);
    }

    /**
     * As {@link #extract(Path, Path, List, int, Pooling, Path, Consumer)} for another four-stage ResNet.
     *
     * @param spec      the ResNet the weights belong to (its downsampling is set from the weights' format)
     * @param weights   its torchvision state_dict .npz or Keras .h5
     * @param images    folder of images
     * @param blocks    blocks to write, each 1..4
     * @param size      crop side S
     * @param pooling   how maps become rows
     * @param out       output folder
     * @param progress  progress lines
     * @return the files written
     */
    public static List<Path> extract(ResNetSpec spec, Path weights, Path images, List<Integer> blocks, int size,
            Pooling pooling, Path out, Consumer<String> progress) {
        NativeBackend.configure();
        if (blocks.isEmpty() || blocks.stream().anyMatch(b -> b < 1 || b > 4)) {
            throw new DdsInputException(p -> p.apply("blocks") + " " + blocks + " must list blocks 1 to 4, e.g."
                    + " 1,2,3,4");
        }
        WeightFormat format = WeightFormat.of(weights);
        List<Path> files = imageFiles(images);
        int deepest = blocks.stream().mapToInt(Integer::intValue).max().orElseThrow();
        ComputationGraph net = new ComputationGraph(Networks.encoder(format.layout(spec), deepest, size, size,
                NetworkOptions.defaults()));
        net.init();
        format.load(weights, net);
        int n = files.size();
        float[][] data = new float[deepest][];
        int[][] shapes = new int[deepest][];
        for (int start = 0; start < n; start += BATCH) {
            int m = Math.min(BATCH, n - start);
            INDArray batch = Nd4j.create(DataType.FLOAT, m, 3, size, size);
            for (int k = 0; k < m; k++) {
                batch.slice(k).assign(Nd4j.create(pixels(files.get(start + k), size, format.normalization()),
                        new long[] {3, size, size}));
            }
            INDArray[] outs = net.output(batch);
            for (int b : blocks) {
                INDArray a = outs[b - 1];
                int c = (int) a.size(1);
                int h = (int) a.size(2);
                int w = (int) a.size(3);
                INDArray rows = pooling == Pooling.GLOBAL ? a.mean(2, 3) : a.permute(0, 2, 3, 1).dup('c');
                int per = pooling == Pooling.GLOBAL ? c : h * w * c;
                if (data[b - 1] == null) {
                    if ((long) n * per > Integer.MAX_VALUE - 8) {
                        int block = b;
                        throw new DdsInputException(p -> n + " images of block " + block + " (" + per + " values"
                                + " each) do not fit one array: use " + p.apply("pool") + " global or fewer images");
                    }
                    data[b - 1] = new float[n * per];
                    shapes[b - 1] = pooling == Pooling.GLOBAL ? new int[] {n, c} : new int[] {n, h, w, c};
                }
                float[] v = rows.castTo(DataType.FLOAT).data().asFloat();
                for (int i = 0; i < v.length; i++) {
                    if (!Float.isFinite(v[i])) {
                        throw new DdsInputException("block " + b + " of " + files.get(start + i / per) + " is "
                                + v[i] + ": the weights " + weights + " do not suit this network (features must be"
                                + " finite)");
                    }
                }
                System.arraycopy(v, 0, data[b - 1], start * per, m * per);
            }
            progress.accept(String.format(Locale.ROOT, "extract: %d/%d images", start + m, n));
        }
        List<Path> written = new ArrayList<>();
        StringBuilder order = new StringBuilder();
        try {
            Files.createDirectories(out);
            for (int b : blocks) {
                Path f = out.resolve("block" + b + ".npy");
                NpyWriter.write(f, shapes[b - 1], data[b - 1]);
                written.add(f);
                order.append("block").append(b).append('\n');
            }
            Path models = out.resolve("models.txt");
            AtomicFiles.writeString(models, order.toString());
            written.add(models);
        } catch (IOException e) {
            throw new DdsInputException("cannot write features to " + out + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static List<Path> imageFiles(Path images) {
        if (!Files.isDirectory(images)) {
            throw new DdsInputException(p -> p.apply("images") + " " + images + " is not a directory: give the folder"
                    + " of images");
        }
        try (Stream<Path> s = Files.list(images)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(jpe?g|png)")).sorted().toList();
            if (files.isEmpty()) {
                throw new DdsInputException(images + " holds no .jpg or .png image");
            }
            return files;
        } catch (IOException e) {
            throw new DdsInputException("cannot list " + images + ": " + e.getMessage(), e);
        }
    }

    /** @return the normalised 3 x S x S crop of an image file */
    static float[] pixels(Path file, int size, PixelNormalization normalization) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DdsInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new DdsInputException(file + " is not an image ImageIO can decode: remove or convert it");
        }
        int h = img.getHeight();
        int w = img.getWidth();
        float[] rgb = new float[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                rgb[y * w + x] = ((p >> 16) & 0xFF) / 255f;
                rgb[h * w + y * w + x] = ((p >> 8) & 0xFF) / 255f;
                rgb[2 * h * w + y * w + x] = (p & 0xFF) / 255f;
            }
        }
        float[] crop = Augmentation.eval(new Sample(h, w, rgb, null, null, null), size).rgb();
        normalization.applyInPlace(crop, size * size);
        return crop;
    }
}
