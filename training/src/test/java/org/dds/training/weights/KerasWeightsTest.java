package org.dds.training.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dds.core.DdsInputException;
import org.dds.training.data.PixelNormalization;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.Networks;
import org.dds.training.model.ResNetSpec;
import org.dds.training.model.ResNetSpec.Downsampling;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * Importing Keras' ResNet50 weights (.h5). Most tests write the file themselves with jhdf ({@link KerasFiles}: the
 * layer names and shapes of keras/applications/resnet.py) for the ResNet-50 topology at widths 8 and 4-8-16-32;
 * the forward-pass test reads a file written with h5py by {@code reference/keras_resnet_tiny.py}, which also
 * computed the outputs Keras' arithmetic gives.
 */
class KerasWeightsTest {
    private static final ResNetSpec NARROW_50_V1 = StateDicts.NARROW_50.withDownsampling(Downsampling.ON_1X1);
    /** Keras applications' batch-norm epsilon, and ours (torchvision's): see KerasWeights. */
    private static final double KERAS_EPS = 1.001e-5;
    private static final double FIRST_RELEASE_EPS = 1e-3;
    private static final double OUR_EPS = 1e-5;
    /** A float32 variance plus an epsilon difference, compared in double: float32's relative precision on ~1. */
    private static final double FLOAT_TOLERANCE = 2e-7;
    /**
     * The reference printed 9 significant digits of values below 4 from a float64 pass; the network runs in double
     * on the same float32 tensors, with the folds computed in double.
     */
    private static final double FORWARD_TOLERANCE = 1e-7;
    /**
     * In training mode batch norm divides by sqrt(batch variance + 1e-5) where Keras adds 1.001e-5: a relative
     * difference of 0.5e-8 / batch variance (about 1e-7 of outputs near 3 here).
     */
    private static final double TRAINING_TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    @Test
    void mapsEveryTensorByName() throws Exception {
        List<KerasFiles.Entry> entries = KerasFiles.resnet(NARROW_50_V1, false);
        Map<String, float[]> v = KerasFiles.write(dir.resolve("w.h5"), entries, 3);
        ComputationGraph net = encoder(NARROW_50_V1, 4, DataType.FLOAT);
        int loaded = KerasWeights.load(dir.resolve("w.h5"), net);
        assertThat(loaded).as("every tensor of the file is used").isEqualTo(entries.size());

        // Kernels: Keras kh x kw x in x out, transposed here with ND4J's permute (not KerasWeights' own loop).
        INDArray stem = hwio(v.get("conv1_conv/kernel"), 7, 7, 3, 8).permute(3, 2, 0, 1);
        for (int c = 0; c < 3; c++) {
            assertThat(slice(net.getParam("conv1_W"), c)).as("RGB channel %d of the stem = Keras' BGR channel %d",
                    c, 2 - c).isEqualTo(slice(stem, 2 - c));
        }
        assertThat(net.getParam("layer3_5_conv2_W")).as("conv4_block6_2_conv")
                .isEqualTo(hwio(v.get("conv4_block6_2_conv/kernel"), 3, 3, 16, 16).permute(3, 2, 0, 1));
        assertThat(net.getParam("layer4_0_downsample_0_W")).as("conv5_block1_0_conv")
                .isEqualTo(hwio(v.get("conv5_block1_0_conv/kernel"), 1, 1, 64, 128).permute(3, 2, 0, 1));

        // Batch norm: gamma, beta as they are; mean' = moving_mean - conv bias; var' = var + 1.001e-5 - 1e-5.
        assertThat(flat(net.getParam("layer2_0_downsample_1_gamma"))).containsExactly(v.get("conv3_block1_0_bn/gamma"));
        assertThat(flat(net.getParam("layer2_0_downsample_1_beta"))).containsExactly(v.get("conv3_block1_0_bn/beta"));
        float[] mean = flat(net.getParam("layer2_0_downsample_1_mean"));
        float[] var = flat(net.getParam("layer2_0_downsample_1_var"));
        float[] mm = v.get("conv3_block1_0_bn/moving_mean");
        float[] mv = v.get("conv3_block1_0_bn/moving_variance");
        float[] bias = v.get("conv3_block1_0_conv/bias");
        for (int i = 0; i < mean.length; i++) {
            assertThat((double) mean[i]).as("mean %d", i).isCloseTo((double) mm[i] - bias[i], within(FLOAT_TOLERANCE));
            assertThat((double) var[i]).as("var %d", i).isCloseTo(mv[i] + KERAS_EPS - OUR_EPS,
                    within(FLOAT_TOLERANCE));
        }
        // Every encoder parameter came from the file: all Keras values but the biases (folded into the means).
        long biases = entries.stream().filter(e -> e.role().equals("bias")).mapToLong(e -> e.shape()[0]).sum();
        long all = entries.stream().mapToLong(e -> Arrays.stream(e.shape()).asLongStream().reduce(1, (a, b) -> a * b))
                .sum();
        assertThat(net.numParams()).isEqualTo(all - biases);
    }

    @Test
    void readsTheFirstReleaseNamesWithItsEpsilon() throws Exception {
        List<KerasFiles.Entry> entries = KerasFiles.resnet(NARROW_50_V1, true);
        Map<String, float[]> v = KerasFiles.write(dir.resolve("old.h5"), entries, 5);
        ComputationGraph net = encoder(NARROW_50_V1, 2, DataType.FLOAT);
        // Stages 3 and 4 (res4*, res5*, bn4*, bn5*) are not needed after block 2.
        long needed = entries.stream().filter(e -> !e.layer().matches("(res|bn)[45].*")).count();
        assertThat(KerasWeights.load(dir.resolve("old.h5"), net)).isEqualTo(needed);
        assertThat(net.getParam("layer2_3_conv3_W")).as("res3d_branch2c")
                .isEqualTo(hwio(v.get("res3d_branch2c/kernel"), 1, 1, 8, 32).permute(3, 2, 0, 1));
        float[] var = flat(net.getParam("bn1_var"));
        float[] mv = v.get("bn_conv1/moving_variance");
        for (int i = 0; i < var.length; i++) {
            assertThat((double) var[i]).as("var %d", i).isCloseTo(mv[i] + FIRST_RELEASE_EPS - OUR_EPS,
                    within(FLOAT_TOLERANCE));
        }
        float[] mean = flat(net.getParam("layer1_0_bn2_mean"));
        float[] mm = v.get("bn2a_branch2b/moving_mean");
        float[] bias = v.get("res2a_branch2b/bias");
        assertThat((double) mean[3]).isCloseTo((double) mm[3] - bias[3], within(FLOAT_TOLERANCE));
    }

    @Test
    void namesEveryMismatchAndLoadsNothing() throws Exception {
        List<KerasFiles.Entry> entries = new ArrayList<>(KerasFiles.resnet(NARROW_50_V1, false));
        entries.removeIf(e -> e.key().equals("conv3_block2_2_bn/moving_variance"));
        entries.replaceAll(e -> e.key().equals("conv4_block1_2_conv/kernel")
                ? new KerasFiles.Entry(e.layer(), e.role(), new int[] {1, 1, 16, 16}) : e);
        entries.add(new KerasFiles.Entry("conv6_block1_1_conv", "kernel", new int[] {1, 1, 4, 4}));
        KerasFiles.write(dir.resolve("bad.h5"), entries, 4);
        ComputationGraph net = encoder(NARROW_50_V1, 4, DataType.FLOAT);
        INDArray before = net.getParam("conv1_W").dup();
        assertThatThrownBy(() -> KerasWeights.load(dir.resolve("bad.h5"), net))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("3 problems")
                .hasMessageContaining("conv3_block2_2_bn/moving_variance is missing (needed by layer2_1_bn2/var [8])")
                .hasMessageContaining("conv4_block1_2_conv/kernel has shape [1, 1, 16, 16] but layer3_0_conv2/W needs"
                        + " [3, 3, 16, 16] (Keras order: kh, kw, in, out)")
                .hasMessageContaining("tensors that match no layer: conv6_block1_1_conv/kernel");
        assertThat(net.getParam("conv1_W")).as("nothing loaded").isEqualTo(before);
    }

    @Test
    void refusesHdf5FilesThatAreNotKerasResNetWeights() throws Exception {
        ComputationGraph net = encoder(NARROW_50_V1, 1, DataType.FLOAT);
        Path plain = dir.resolve("plain.h5");
        try (WritableHdfFile h = HdfFile.write(plain)) {
            h.putDataset("images", new float[] {1, 2, 3});
        }
        assertThatThrownBy(() -> KerasWeights.load(plain, net)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("without the attribute layer_names, so not a Keras 2 weights file");
        Path text = Files.writeString(dir.resolve("text.h5"), "not HDF5 at all");
        assertThatThrownBy(() -> KerasWeights.load(text, net)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("is not a readable HDF5 file");
        Path other = dir.resolve("dense.h5");
        KerasFiles.write(other, List.of(new KerasFiles.Entry("dense_1", "kernel", new int[] {4})), 1);
        assertThatThrownBy(() -> KerasWeights.load(other, net)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("holds the Keras layers input_1, conv1_pad, dense_1 but neither conv1_conv nor"
                        + " bn_conv1");
        assertThatThrownBy(() -> KerasWeights.load(dir.resolve("none.h5"), net)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesANetworkWithTheStrideOnTheOtherConvolution() throws Exception {
        KerasFiles.write(dir.resolve("w.h5"), KerasFiles.resnet(NARROW_50_V1, false), 3);
        ComputationGraph torchvisionLayout = encoder(StateDicts.NARROW_50, 2, DataType.FLOAT);
        assertThatThrownBy(() -> KerasWeights.load(dir.resolve("w.h5"), torchvisionLayout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ON_1X1")
                .hasMessageContaining("WeightFormat.of(file).layout(spec)");
        StateDicts.write(dir.resolve("w.npz"), StateDicts.stateDict(StateDicts.NARROW_50), 1);
        ComputationGraph kerasLayout = encoder(NARROW_50_V1, 2, DataType.FLOAT);
        assertThatThrownBy(() -> TorchvisionWeights.load(dir.resolve("w.npz"), kerasLayout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ON_3X3");
    }

    @Test
    void formatsAreToldApartByExtension() {
        assertThat(WeightFormat.of(Path.of("a", "resnet50_imagenet.npz"))).isEqualTo(WeightFormat.TORCHVISION);
        assertThat(WeightFormat.of(Path.of("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5")))
                .isEqualTo(WeightFormat.KERAS);
        assertThat(WeightFormat.of(Path.of("W.HDF5"))).isEqualTo(WeightFormat.KERAS);
        assertThat(WeightFormat.KERAS.layout(ResNetSpec.resnet50()).downsampling()).isEqualTo(Downsampling.ON_1X1);
        assertThat(WeightFormat.KERAS.normalization()).isEqualTo(PixelNormalization.CAFFE);
        assertThatThrownBy(() -> WeightFormat.of(Path.of("resnet50.pth"))).isInstanceOf(DdsInputException.class)
                .hasMessage("weights resnet50.pth has neither the extension .npz (a torchvision state_dict) nor .h5"
                        + " (Keras' ResNet50): give one of these (see README 'Training')")
                .satisfies(e -> assertThat(((DdsInputException) e).messageFor(p -> "--" + p)).as("a front end's"
                        + " spelling").startsWith("--weights resnet50.pth has neither"));
    }

    /**
     * The network with imported weights computes what Keras computes: the h5py-written file and the expected
     * outputs come from {@code src/test/resources/reference/keras_resnet_tiny.py} (float64 torch functional ops
     * on Keras' layout: BGR caffe input, biases, epsilon 1.001e-5, stride on the first 1 x 1 convolution). Two
     * 16 x 16 images, pixel (x, y) of channel c of image n = ((7x + 13y + 5c + 11n) mod 17) / 16, as in the script.
     */
    @Test
    void forwardPassEqualsKerasOnAFileMadeByH5py() throws Exception {
        Path file = Path.of(KerasWeightsTest.class.getResource("/weights/keras_resnet_tiny.h5").toURI());
        ResNetSpec tiny = new ResNetSpec(3, 4, 7, 2, true, true, List.of(2, 3), List.of(1, 1), 32,
                Downsampling.ON_1X1);
        ComputationGraph net = encoder(tiny, 2, DataType.DOUBLE);
        // 9 convolutions (stem; shortcut, 1x1, 3x3, 1x1 in each of 2 blocks) x (kernel, bias) + 9 batch norms x 4.
        assertThat(WeightFormat.KERAS.load(file, net)).isEqualTo(9 * 2 + 9 * 4);
        int s = 16;
        double[] x = new double[2 * 3 * s * s];
        double[] mean = PixelNormalization.CAFFE.mean();
        double[] std = PixelNormalization.CAFFE.std();
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < s; y++) {
                    for (int xx = 0; xx < s; xx++) {
                        // In double: float32 would round inputs of magnitude 128 by up to 7.6e-6.
                        x[((n * 3 + c) * s + y) * s + xx] = (((xx * 7 + y * 13 + c * 5 + n * 11) % 17) / 16.0
                                - mean[c]) / std[c];
                    }
                }
            }
        }
        INDArray input = Nd4j.create(x, new long[] {2, 3, s, s}, 'c');
        double[] inference = net.output(false, input)[1].dup('c').data().asDouble();
        assertThat(inference).hasSize(KerasReference.INFERENCE.length);
        for (int i = 0; i < inference.length; i++) {
            assertThat(inference[i]).as("stage 2 output %d, inference", i).isCloseTo(KerasReference.INFERENCE[i],
                    within(FORWARD_TOLERANCE));
        }
        // Training mode: batch statistics; the biases Keras has and the graph has not cancel exactly.
        double[] training = net.output(true, input)[1].slice(0).dup('c').data().asDouble();
        for (int i = 0; i < training.length; i++) {
            assertThat(training[i]).as("stage 2 output %d of image 0, training mode", i)
                    .isCloseTo(KerasReference.TRAINING[i], within(TRAINING_TOLERANCE));
        }
    }

    private static ComputationGraph encoder(ResNetSpec spec, int stages, DataType type) {
        int size = spec.stemWidth() == 4 ? 16 : 32;
        ComputationGraph net = new ComputationGraph(Networks.encoder(spec, stages, size, size,
                NetworkOptions.defaults().with(type)));
        net.init();
        return net;
    }

    private static INDArray hwio(float[] v, int kh, int kw, int in, int out) {
        return Nd4j.create(v, new long[] {kh, kw, in, out}, 'c');
    }

    private static INDArray slice(INDArray oihw, int inChannel) {
        return oihw.get(NDArrayIndex.all(), NDArrayIndex.point(inChannel), NDArrayIndex.all(), NDArrayIndex.all())
                .dup('c');
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }
}
