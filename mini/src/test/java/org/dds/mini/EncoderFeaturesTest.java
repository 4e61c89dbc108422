package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dds.training.model.ResNetSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EncoderFeaturesTest {
    /** A small encoder: widths 4, 8, 8, 8, one block per stage. */
    private static final ResNetSpec SPEC = MiniNetworks.encoder(List.of(4, 8, 8, 8), List.of(1, 1, 1, 1));

    /** @return an initialised network on 28 x 28 images with the given head (weights seeded with 7) */
    private static ComputationGraph network(boolean classification, int outputs) {
        ComputationGraph net = new ComputationGraph(MiniNetworks.network(SPEC, ImageSize.FASHION_MNIST,
                classification, outputs, 7, 1e-3));
        net.init();
        return net;
    }

    /**
     * The reference is DL4J's own full forward pass ({@code feedForward}, every activation detached), laid out by
     * hand: image i, row r, column c, channel k at i * dim + (r * W + c) * C + k. The features must be exactly those
     * numbers, for every branch point, also past the first batch.
     */
    @Test
    void featuresAreTheNetworksActivationsChannelsLast() {
        ImageSize size = ImageSize.FASHION_MNIST;
        ComputationGraph net = network(false, 5);
        int count = EncoderFeatures.BATCH + 3;
        float[] inputs = new float[count * size.pixels()];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextDouble();
        }
        List<String> vertices = MiniNetworks.blocks(SPEC);
        float[][] features = EncoderFeatures.compute(net, size, inputs, count, vertices);

        Map<String, INDArray> all = net.feedForward(Nd4j.create(inputs, new long[] {count, 1, size.height(),
                size.width()}, 'c'), false);
        for (int v = 0; v < vertices.size(); v++) {
            INDArray a = all.get(vertices.get(v));
            float[] nchw = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
            int channels = (int) a.size(1);
            int rows = (int) a.size(2);
            int cols = (int) a.size(3);
            int dim = channels * rows * cols;
            float[] expected = new float[count * dim];
            for (int i = 0; i < count; i++) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        for (int k = 0; k < channels; k++) {
                            expected[i * dim + (r * cols + c) * channels + k] = nchw[((i * channels + k) * rows + r) * cols + c];
                        }
                    }
                }
            }
            assertThat(features[v]).as(vertices.get(v)).hasSize(expected.length);
            assertThat(Arrays.mismatch(features[v], expected)).as("first differing value of %s", vertices.get(v))
                    .isEqualTo(-1);
        }
    }

    @Test
    void anUnknownVertexIsNamed() {
        ImageSize size = ImageSize.FASHION_MNIST;
        ComputationGraph net = network(true, 3);
        assertThatThrownBy(() -> EncoderFeatures.compute(net, size, new float[size.pixels()], 1, List.of("layer9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no vertex layer9");
    }
}
