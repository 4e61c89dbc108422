package org.dds.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Shapes at every branch point of ResNet-50 and of a small ResNet, and ResNet-50's size. */
class ResNetShapesTest {

    /**
     * torchvision documents 25,557,032 parameters for resnet50 (ResNet50_Weights.IMAGENET1K_V1.meta["num_params"]);
     * without the 1000-class head (2048 x 1000 + 1000) that is 23,508,032. DL4J also counts the running mean and
     * variance of batch norm as parameters: 2 x 26,560 batch-norm channels (hand count: stem 64; per stage
     * depth x 6w + 4w for the shortcut, w = 64, 128, 256, 512, depths 3, 4, 6, 3).
     */
    private static final long RESNET50_DL4J_PARAMS = 25_557_032L - 2_049_000L + 2L * 26_560L;

    @Test
    void resnet50BranchPointsHaveTorchvisionShapes() {
        ComputationGraph net = new ComputationGraph(Networks.encoder(ResNetSpec.resnet50(), 4, 64, 64,
                NetworkOptions.defaults()));
        net.init();
        assertThat(net.numParams()).as("parameters of the ResNet-50 encoder").isEqualTo(RESNET50_DL4J_PARAMS);
        INDArray[] out = net.output(Nd4j.rand(DataType.FLOAT, 2, 3, 64, 64));
        // Input 64: stem /4 -> 16, then /2 per stage after the first (torchvision: 56, 28, 14, 7 at 224).
        assertThat(out).extracting(a -> List.of(a.shape()[0], a.shape()[1], a.shape()[2], a.shape()[3]))
                .containsExactly(List.of(2L, 256L, 16L, 16L), List.of(2L, 512L, 8L, 8L), List.of(2L, 1024L, 4L, 4L),
                        List.of(2L, 2048L, 2L, 2L));
    }

    @Test
    void stridesOfEveryStage() {
        // torchvision: 224 -> 56, 28, 14, 7; with the last two stages dilated (output stride 8): 56, 28, 28, 28.
        assertThat(List.of(1, 2, 3, 4).stream().map(ResNetSpec.resnet50()::stride).toList())
                .containsExactly(4, 8, 16, 32);
        ResNetSpec os8 = ResNetSpec.resnet50().withOutputStride(8);
        assertThat(List.of(1, 2, 3, 4).stream().map(os8::stride).toList()).containsExactly(4, 8, 8, 8);
    }

    @Test
    void outputStrideEightDilatesTheLastTwoStages() {
        ComputationGraph net = new ComputationGraph(Networks.encoder(ResNetSpec.resnet50().withOutputStride(8), 4,
                64, 64, NetworkOptions.defaults()));
        net.init();
        INDArray[] out = net.output(Nd4j.rand(DataType.FLOAT, 1, 3, 64, 64));
        assertThat(out[2].shape()).containsExactly(1, 1024, 8, 8);
        assertThat(out[3].shape()).containsExactly(1, 2048, 8, 8);
    }

    /**
     * Keras' ResNet50 ("v1") strides the first 1 x 1 convolution of a downsampling block, torchvision's the 3 x 3:
     * the same shapes and parameters, the stride elsewhere (keras/applications/resnet.py block1; torchvision
     * Bottleneck).
     */
    @Test
    void downsamplingPlacesTheStrideOnTheChosenConvolution() {
        ResNetSpec v1 = ResNetSpec.resnet50().withDownsampling(ResNetSpec.Downsampling.ON_1X1);
        ComputationGraph keras = new ComputationGraph(Networks.encoder(v1, 4, 64, 64, NetworkOptions.defaults()));
        keras.init();
        ComputationGraph torch = new ComputationGraph(Networks.encoder(ResNetSpec.resnet50(), 4, 64, 64,
                NetworkOptions.defaults()));
        torch.init();
        assertThat(keras.numParams()).isEqualTo(torch.numParams());
        for (String stage : List.of("layer2", "layer3", "layer4")) {
            assertThat(stride(keras, stage + "_0_conv1")).as("Keras %s first 1x1", stage).isEqualTo(2);
            assertThat(stride(keras, stage + "_0_conv2")).as("Keras %s 3x3", stage).isEqualTo(1);
            assertThat(stride(torch, stage + "_0_conv1")).as("torchvision %s first 1x1", stage).isEqualTo(1);
            assertThat(stride(torch, stage + "_0_conv2")).as("torchvision %s 3x3", stage).isEqualTo(2);
        }
        INDArray[] out = keras.output(Nd4j.rand(DataType.FLOAT, 1, 3, 64, 64));
        assertThat(out[3].shape()).containsExactly(1, 2048, 2, 2);
        // The torchvision placement prints as before the field existed (resumed runs compare this text).
        assertThat(ResNetSpec.resnet50().toString()).isEqualTo("ResNetSpec[inputChannels=3, stemWidth=64,"
                + " stemKernel=7, stemStride=2, stemPool=true, bottleneck=true, widths=[64, 128, 256, 512],"
                + " depths=[3, 4, 6, 3], outputStride=32]");
        assertThat(v1.toString()).endsWith("outputStride=32, downsampling=ON_1X1]");
    }

    private static int stride(ComputationGraph net, String layer) {
        return ((ConvolutionLayer) net.getLayer(layer).conf().getLayer())
                .getStride()[0];
    }

    @Test
    void smallResNetKeepsTheSizeInItsFirstStage() {
        ResNetSpec spec = ResNetSpec.small(1, List.of(16, 32, 64), List.of(2, 2, 2));
        ComputationGraph net = new ComputationGraph(Networks.encoder(spec, 3, 28, 28, NetworkOptions.defaults()));
        net.init();
        INDArray[] out = net.output(Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28));
        // 28 -> 28 (stride 1) -> 14 -> 7 (PyTorch: floor((14 + 2 - 3) / 2) + 1 = 7).
        assertThat(out).extracting(a -> List.of(a.shape()[1], a.shape()[2], a.shape()[3]))
                .containsExactly(List.of(16L, 28L, 28L), List.of(32L, 14L, 14L), List.of(64L, 7L, 7L));
    }

    @Test
    void oddSizesRoundAsPyTorch() {
        ResNetSpec spec = ResNetSpec.small(3, List.of(4, 8), List.of(1, 1));
        ComputationGraph net = new ComputationGraph(Networks.encoder(spec, 2, 9, 7, NetworkOptions.defaults()));
        net.init();
        Map<String, INDArray> acts = net.feedForward(Nd4j.rand(DataType.FLOAT, 1, 3, 9, 7), false);
        // floor((9 + 2 - 3) / 2) + 1 = 5 and floor((7 + 2 - 3) / 2) + 1 = 4.
        assertThat(acts.get("layer2").shape()).containsExactly(1, 8, 5, 4);
    }
}
