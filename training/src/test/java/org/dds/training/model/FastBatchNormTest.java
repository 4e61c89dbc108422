package org.dds.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * FastBatchNorm computes what DL4J's batch norm computes (training and inference outputs, parameter gradients) and
 * moves the running statistics as PyTorch does.
 */
class FastBatchNormTest {
    private static final double TOLERANCE = 1e-10;

    @ParameterizedTest
    @CsvSource({"NCHW,true", "NCHW,false", "NHWC,true"})
    void agreesWithDl4jBatchNorm(CNN2DFormat format, boolean relu) {
        // DL4J's batch norm ignores its activation (measured: negative outputs with RELU), so the reference has an
        // explicit activation layer after it.
        Layer reference = new BatchNormalization.Builder().eps(1e-5).decay(0.9).useLogStd(false).dataFormat(format)
                .build();
        ComputationGraph a = graph(reference, format, relu);
        ComputationGraph b = graph(new FastBatchNorm(1e-5, 0.9, relu, format), format, false);
        b.setParams(a.params().dup());
        long[] shape = format == CNN2DFormat.NCHW ? new long[] {3, 2, 5, 4} : new long[] {3, 5, 4, 2};
        INDArray x = Nd4j.rand(DataType.DOUBLE, shape).subi(0.3);
        INDArray y = Nd4j.rand(DataType.DOUBLE, format == CNN2DFormat.NCHW ? new long[] {3, 4, 5, 4}
                : new long[] {3, 5, 4, 4});
        // Inference first: DL4J moves its running statistics in backprop, FastBatchNorm in the training forward.
        for (boolean training : new boolean[] {false, true}) {
            INDArray ya = a.feedForward(x, training).get("act");
            INDArray yb = b.feedForward(x, training).get("act");
            assertThat(ya.sub(yb).amaxNumber().doubleValue()).as("output, training %s", training)
                    .isLessThan(TOLERANCE);
        }
        for (ComputationGraph g : new ComputationGraph[] {a, b}) {
            g.setInputs(x);
            g.setLabels(y);
            g.computeGradientAndScore();
        }
        for (String p : new String[] {"bn_gamma", "bn_beta", "conv_W"}) {
            INDArray ga = a.gradient().getGradientFor(p);
            INDArray gb = b.gradient().getGradientFor(p);
            assertThat(ga.sub(gb).amaxNumber().doubleValue()).as("gradient of %s", p).isLessThan(TOLERANCE);
        }
    }

    /**
     * Float32 NCHW batches take the Java loops ({@link ChannelLoops}); they agree with DL4J's layer to float32
     * rounding (values of order 1, sums over 60 pixels per channel: 1e-5 is about 100 float32 ulps).
     */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void javaLoopsAgreeWithDl4jBatchNormInFloat(boolean relu) {
        CNN2DFormat format = CNN2DFormat.NCHW;
        Layer reference = new BatchNormalization.Builder().eps(1e-5).decay(0.9).useLogStd(false).dataFormat(format)
                .build();
        ComputationGraph a = graph(reference, format, relu, DataType.FLOAT);
        ComputationGraph b = graph(new FastBatchNorm(1e-5, 0.9, relu, format), format, false, DataType.FLOAT);
        b.setParams(a.params().dup());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 5, 4).subi(0.3);
        INDArray y = Nd4j.rand(DataType.FLOAT, 3, 4, 5, 4);
        for (boolean training : new boolean[] {false, true}) {
            INDArray ya = a.feedForward(x, training).get("act");
            INDArray yb = b.feedForward(x, training).get("act");
            assertThat(ya.sub(yb).amaxNumber().doubleValue()).as("output, training %s", training).isLessThan(1e-5);
        }
        for (ComputationGraph g : new ComputationGraph[] {a, b}) {
            g.setInputs(x);
            g.setLabels(y);
            g.computeGradientAndScore();
        }
        assertThat(((FastBatchNormLayer) b.getLayer("bn")).ranLoops()).as("the loops ran").isTrue();
        for (String p : new String[] {"bn_gamma", "bn_beta", "conv_W"}) {
            INDArray ga = a.gradient().getGradientFor(p);
            INDArray gb = b.gradient().getGradientFor(p);
            assertThat(ga.sub(gb).amaxNumber().doubleValue()).as("gradient of %s", p).isLessThan(1e-5);
        }
    }

    @ParameterizedTest
    @CsvSource({"NCHW", "NHWC"})
    void runningStatisticsMoveAsInPyTorch(CNN2DFormat format) {
        ComputationGraph net = graph(new FastBatchNorm(1e-5, 0.9, false, format), format, false);
        long[] shape = format == CNN2DFormat.NCHW ? new long[] {2, 2, 3, 3} : new long[] {2, 3, 3, 2};
        INDArray x = Nd4j.rand(DataType.DOUBLE, shape);
        INDArray conv = net.feedForward(x, true).get("conv");
        INDArray perChannel = (format == CNN2DFormat.NCHW ? conv.permute(1, 0, 2, 3) : conv.permute(3, 0, 1, 2))
                .dup('c').reshape(4, 18);
        // Initial running mean 0 and variance 1; one step: 0.9 * old + 0.1 * batch (unbiased variance, n = 18).
        INDArray mean = net.getParam("bn_mean").reshape(4);
        INDArray var = net.getParam("bn_var").reshape(4);
        for (int c = 0; c < 4; c++) {
            INDArray row = perChannel.getRow(c);
            double m = row.meanNumber().doubleValue();
            double unbiased = row.sub(m).mul(row.sub(m)).sumNumber().doubleValue() / 17;
            assertThat(mean.getDouble(c)).isCloseTo(0.1 * m, org.assertj.core.api.Assertions.within(TOLERANCE));
            assertThat(var.getDouble(c)).isCloseTo(0.9 + 0.1 * unbiased,
                    org.assertj.core.api.Assertions.within(TOLERANCE));
        }
    }

    /** input (2 channels) -> 3 x 3 conv (4 channels) -> batch norm -> activation "act" (ReLU or identity) -> MSE. */
    private static ComputationGraph graph(Layer bn, CNN2DFormat format, boolean relu) {
        return graph(bn, format, relu, DataType.DOUBLE);
    }

    private static ComputationGraph graph(Layer bn, CNN2DFormat format, boolean relu, DataType type) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).dataType(type)
                .graphBuilder().addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(4).hasBias(false)
                        .activation(Activation.IDENTITY).dataFormat(format).build(), "in")
                .addLayer("bn", bn, "conv")
                .addLayer("act", new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder()
                        .activation(relu ? Activation.RELU : Activation.IDENTITY).build(), "bn")
                .addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).format(format).build(), "act")
                .setOutputs("out").setInputTypes(InputType.convolutional(5, 4, 2, format)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
