package org.dds.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A 1 x 1 convolution + shift-sum equals DL4J's 3 x 3 dilated convolution, and its gradient is right. */
class ShiftSumTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void equalsTheDilatedConvolution(int rate) {
        int cin = 3;
        int cout = 2;
        ComputationGraph dilated = graph(new ConvolutionLayer.Builder(3, 3).padding(rate, rate).dilation(rate, rate)
                .nOut(cout).hasBias(false).activation(Activation.IDENTITY).build(), null, cin);
        ComputationGraph shifted = graph(new ConvolutionLayer.Builder(1, 1).nOut(9 * cout).hasBias(false)
                .activation(Activation.IDENTITY).build(), new ShiftSum(rate), cin);
        // Same taps: W3[o, i, ky, kx] -> W1[(3 ky + kx) cout + o, i].
        INDArray w3 = dilated.getParam("conv_W");
        INDArray w1 = shifted.getParam("conv_W");
        for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
                int k = 3 * ky + kx;
                w1.get(NDArrayIndex.interval(k * cout, (k + 1) * cout), NDArrayIndex.all(), NDArrayIndex.point(0),
                        NDArrayIndex.point(0)).assign(w3.get(NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.point(ky), NDArrayIndex.point(kx)));
            }
        }
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, cin, 7, 6);
        INDArray a = dilated.outputSingle(x);
        INDArray b = shifted.outputSingle(x);
        assertThat(b.shape()).containsExactly(a.shape());
        assertThat(a.sub(b).amaxNumber().doubleValue()).as("rate %d", rate).isLessThan(1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void gradientMatchesCentralFiniteDifferences(int rate) {
        ComputationGraph net = graph(new ConvolutionLayer.Builder(1, 1).nOut(18).hasBias(false)
                .activation(Activation.IDENTITY).build(), new ShiftSum(rate), 2);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 2, 5, 4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 1, 2, 5, 4);
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        INDArray analytic = net.gradient().getGradientFor("conv_W").dup();
        INDArray w = net.getParam("conv_W");
        for (long i = 0; i < w.length(); i += 3) {
            double original = w.getDouble(i);
            w.putScalar(i, original + 1e-6);
            net.computeGradientAndScore();
            double up = net.score();
            w.putScalar(i, original - 1e-6);
            net.computeGradientAndScore();
            double down = net.score();
            w.putScalar(i, original);
            // Minibatch of 1: DL4J's gradient is the score's.
            assertThat(analytic.getDouble(i)).as("d score / d W[%d]", i).isCloseTo((up - down) / 2e-6,
                    within(1e-6));
        }
    }

    private static ComputationGraph graph(ConvolutionLayer conv, ShiftSum shift, int cin) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).convolutionMode(ConvolutionMode.Truncate).graphBuilder().addInputs("in")
                .addLayer("conv", conv, "in");
        String last = "conv";
        if (shift != null) {
            g.addLayer("shift", shift, "conv");
            last = "shift";
        }
        g.addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .build(), last);
        ComputationGraph net = new ComputationGraph(g.setOutputs("out").setInputTypes(InputType.convolutional(7, 6,
                cin)).build());
        net.init();
        return net;
    }
}
