package org.dds.training.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dds.core.DdsInputException;
import org.dds.training.model.DecoderSpec;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.ResNetSpec;
import org.dds.training.task.Task;
import org.dds.training.weights.WeightFormat;

/**
 * One training run of paper Table 5: which dataset, task and branch block, the optimiser (SGD, momentum 0.9, weight
 * decay 1e-4, learning rate 0.001 with the poly schedule of power 0.9 over all iterations), sizes and seed.
 *
 * @param dataset      {@code nyuv2} or {@code pascal}
 * @param data         the dataset directory
 * @param task         the task
 * @param block        1-based block the decoder branches after
 * @param weights      a torchvision state_dict .npz or Keras ResNet50 .h5 ({@link WeightFormat}), or null for
 *                     random initialisation
 * @param epochs       epochs (paper: 60 Pascal, 200 NYUv2)
 * @param batch        images per step
 * @param imageSize    side of the square training crops
 * @param out          the run directory
 * @param seed         seed of the initialisation, the order and the augmentation
 * @param learningRate initial learning rate
 * @param momentum     SGD momentum
 * @param weightDecay  L2 weight decay
 * @param power        power of the poly schedule
 * @param gpus         data-parallel workers (ParallelWrapper) when above 1
 * @param limit        use only the first {@code limit} images of each split (0 = all; for smoke runs)
 * @param encoder      the ResNet, in the variant the weights need ({@link WeightFormat#layout})
 * @param decoder      the decoder's size
 * @param options      layout and type
 */
public record TrainConfig(String dataset, Path data, Task task, int block, Path weights, int epochs, int batch,
        int imageSize, Path out, long seed, double learningRate, double momentum, double weightDecay, double power,
        int gpus, int limit, ResNetSpec encoder, DecoderSpec decoder, NetworkOptions options) {

    /** Validates the fields. */
    public TrainConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(options, "options");
        if (block < 1 || block > encoder.stages()) {
            int stages = encoder.stages();
            throw new DdsInputException(p -> p.apply("block") + " " + block + " must be 1 to " + stages);
        }
        if (epochs < 1 || batch < 1 || imageSize < 8 || gpus < 1 || limit < 0) {
            throw new IllegalArgumentException("epochs " + epochs + ", batch " + batch + ", image size " + imageSize
                    + ", gpus " + gpus + ", limit " + limit + ": epochs, batch and gpus must be at least 1, the image"
                    + " size at least 8");
        }
        int stride = encoder.stride(block);
        if (imageSize < 2 * stride) {
            int size = imageSize;
            int b = block;
            throw new DdsInputException(p -> p.apply("imageSize") + " " + size + " gives block " + b + " a 1 x 1"
                    + " output (stride " + stride + "): batch norm over 1 x 1 maps is degenerate and training diverges;"
                    + " use an image size of at least " + 2 * stride);
        }
        if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0) || !(power > 0)) {
            throw new IllegalArgumentException("learning rate " + learningRate + ", momentum " + momentum
                    + ", weight decay " + weightDecay + ", power " + power + " are out of range");
        }
    }

    /**
     * The paper's settings for a dataset, task and block on ResNet-50 with the DeepLabV3 decoder.
     *
     * @param dataset   {@code nyuv2} or {@code pascal}
     * @param data      the dataset directory
     * @param task      the task
     * @param block     1..4
     * @param weights   ImageNet weights (.npz or .h5), or null; the encoder is ResNet-50 in their variant
     * @param epochs    epochs
     * @param batch     batch size
     * @param imageSize crop size
     * @param out       run directory
     * @param seed      seed
     * @return the configuration
     */
    public static TrainConfig paper(String dataset, Path data, Task task, int block, Path weights, int epochs,
            int batch, int imageSize, Path out, long seed) {
        ResNetSpec encoder = weights == null ? ResNetSpec.resnet50() : WeightFormat.of(weights)
                .layout(ResNetSpec.resnet50());
        return new TrainConfig(dataset, data, task, block, weights, epochs, batch, imageSize, out, seed, 0.001, 0.9,
                1e-4, 0.9, 1, 0, encoder, DecoderSpec.deepLabV3(), NetworkOptions.defaults());
    }

    /**
     * @param gpus  workers
     * @param limit image limit
     * @return a copy with these
     */
    public TrainConfig with(int gpus, int limit) {
        return new TrainConfig(dataset, data, task, block, weights, epochs, batch, imageSize, out, seed, learningRate,
                momentum, weightDecay, power, gpus, limit, encoder, decoder, options);
    }

    /** @return every setting that shapes the results, by name (the run's provenance; paths excluded) */
    public SortedMap<String, String> settings() {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("dataset", dataset);
        m.put("task", task.label());
        m.put("block", String.valueOf(block));
        m.put("weights", weights == null ? "random init" : weights.getFileName().toString());
        m.put("epochs", String.valueOf(epochs));
        m.put("batch", String.valueOf(batch));
        m.put("image_size", String.valueOf(imageSize));
        m.put("seed", String.valueOf(seed));
        m.put("learning_rate", String.format(Locale.ROOT, "%s", learningRate));
        m.put("momentum", String.valueOf(momentum));
        m.put("weight_decay", String.valueOf(weightDecay));
        m.put("poly_power", String.valueOf(power));
        m.put("gpus", String.valueOf(gpus));
        m.put("limit", String.valueOf(limit));
        m.put("encoder", encoder.toString());
        m.put("decoder", decoder.toString());
        m.put("options", options.toString());
        return m;
    }
}
