package org.dds.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Bilinear resizing: PyTorch's values (align_corners=False) and a gradient that matches finite differences. */
class BilinearResizeTest {
    /** Central differences in float64 with step 1e-6 agree with exact gradients to about 1e-8. */
    private static final double FD_TOLERANCE = 1e-6;

    @Test
    void upsamplingTwoToFourMatchesPyTorch() {
        // Hand calculation of F.interpolate([a, b], size=4, mode="linear", align_corners=False): source positions
        // (i + 0.5) / 2 - 0.5 = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to the last) give
        // [a, 0.75a + 0.25b, 0.25a + 0.75b, b].
        INDArray a = BilinearResize.matrix(2, 4);
        assertThat(a.toDoubleMatrix()).isDeepEqualTo(new double[][] {{1, 0}, {0.75, 0.25}, {0.25, 0.75}, {0, 1}});
    }

    @Test
    void downsamplingFourToTwoAveragesPairs() {
        // Positions (i + 0.5) * 2 - 0.5 = 0.5 and 2.5: the mean of rows 0, 1 and of rows 2, 3.
        assertThat(BilinearResize.matrix(4, 2).toDoubleMatrix())
                .isDeepEqualTo(new double[][] {{0.5, 0.5, 0, 0}, {0, 0, 0.5, 0.5}});
    }

    @Test
    void resizesBothAxesOfAnImage() {
        ComputationGraph net = graph(2, 3, 4, 5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 2, 3);
        INDArray conv = net.feedForward(x, false).get("conv");
        INDArray y = net.feedForward(x, false).get("resize");
        INDArray ah = BilinearResize.matrix(2, 4);
        INDArray aw = BilinearResize.matrix(3, 5);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                INDArray expected = ah.mmul(conv.get(org.nd4j.linalg.indexing.NDArrayIndex.point(n),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(c))).mmul(aw.transpose());
                INDArray actual = y.slice(n).slice(c);
                assertThat(actual.sub(expected).amaxNumber().doubleValue()).as("image %d channel %d", n, c)
                        .isLessThan(1e-12);
            }
        }
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        ComputationGraph net = graph(3, 4, 7, 9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 3, 4);
        INDArray labels = Nd4j.rand(DataType.DOUBLE, 2, 2, 7, 9);
        net.setInputs(x);
        net.setLabels(labels);
        net.computeGradientAndScore();
        Gradient gradient = net.gradient();
        INDArray analytic = gradient.getGradientFor("conv_W").dup();
        INDArray w = net.getParam("conv_W");
        double eps = 1e-6;
        for (long i = 0; i < w.length(); i++) {
            double original = w.getDouble(i);
            w.putScalar(i, original + eps);
            double up = score(net, x, labels);
            w.putScalar(i, original - eps);
            double down = score(net, x, labels);
            w.putScalar(i, original);
            // DL4J's gradient is summed over the minibatch while its score is the mean (the updater divides by
            // the batch size): measured as exactly N for a graph without this layer.
            assertThat(analytic.getDouble(i) / x.size(0)).as("d score / d W[%d]", i)
                    .isCloseTo((up - down) / (2 * eps), within(FD_TOLERANCE));
        }
    }

    private static double score(ComputationGraph net, INDArray x, INDArray labels) {
        net.setInputs(x);
        net.setLabels(labels);
        net.computeGradientAndScore();
        return net.score();
    }

    /** image (1 channel) -> 1x1 conv (2 channels, the parameters) -> resize -> mean squared error. */
    private static ComputationGraph graph(int inH, int inW, int outH, int outW) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(2).hasBias(false)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("resize", new BilinearResize(outH, outW), "conv")
                .addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).build(), "resize")
                .setOutputs("out").setInputTypes(InputType.convolutional(inH, inW, 1)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
