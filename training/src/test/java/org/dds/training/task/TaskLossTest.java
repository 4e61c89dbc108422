package org.dds.training.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each loss on a hand-computed case, and its gradient against central finite differences. */
class TaskLossTest {

    /**
     * Hand calculations (natural logs), prediction and labels per pixel:
     * edge: logits (0, ln 3), labels (1, 0): (0.95 softplus(0) + 0.05 softplus(ln 3)) / 2 = (0.95 ln 2 + 0.05 ln 4) / 2
     * = 0.525 ln 2; normals: (2,0,0) vs (1,0,0) -> 0, (0,3,0) vs (1,0,0) -> 1, label (0,0,0) skipped: 0.5;
     * depth: log depth (0, ln 2, 5) vs depth (1, 1, 0): (0 + ln 2) / 2; semantic (2 classes): logits (0,0) label 0
     * -> ln 2, (ln 3, 0) label 1 -> ln 4, label 255 skipped: 1.5 ln 2.
     */
    @ParameterizedTest
    @EnumSource(Task.class)
    void lossEqualsTheHandCalculation(Task task) {
        double ln2 = Math.log(2);
        INDArray x;
        INDArray y;
        double expected;
        switch (task) {
            case EDGE -> {
                x = shape(1, 0, Math.log(3));
                y = shape(1, 1, 0);
                expected = 0.525 * ln2;
            }
            case NORMALS -> {
                x = shape(3, 2, 0, 1, 0, 3, 1, 0, 0, 1);
                y = shape(3, 1, 1, 0, 0, 0, 0, 0, 0, 0);
                expected = 0.5;
            }
            case DEPTH -> {
                x = shape(1, 0, ln2, 5);
                y = shape(1, 1, 1, 0);
                expected = ln2 / 2;
            }
            default -> {
                x = shape(2, 0, Math.log(3), 9, 0, 0, 0);
                y = shape(1, 0, 1, 255);
                expected = 1.5 * ln2;
            }
        }
        ComputationGraph net = lossOnly(task, (int) x.size(1), (int) x.size(3));
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        assertThat(net.score()).as("%s loss", task).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void gradientMatchesCentralFiniteDifferences(Task task) {
        int outputs = task == Task.SEMANTIC ? 3 : task.outputs(0);
        ComputationGraph net = withConv(task, outputs);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 2, 3, 4).subi(0.5);
        INDArray y = labels(task, 3, 4);
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        INDArray analytic = net.gradient().getGradientFor("conv_W").dup();
        INDArray w = net.getParam("conv_W");
        double eps = 1e-6;
        for (long i = 0; i < w.length(); i++) {
            double original = w.getDouble(i);
            w.putScalar(i, original + eps);
            net.computeGradientAndScore();
            double up = net.score();
            w.putScalar(i, original - eps);
            net.computeGradientAndScore();
            double down = net.score();
            w.putScalar(i, original);
            // Minibatch of 1: DL4J's gradient is the score's (it sums over examples, the score is their mean).
            assertThat(analytic.getDouble(i)).as("%s d loss / d W[%d]", task, i)
                    .isCloseTo((up - down) / (2 * eps), within(1e-6));
        }
    }

    private static INDArray labels(Task task, int h, int w) {
        return switch (task) {
            case EDGE -> Nd4j.create(new double[] {1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0}, 1, 1, h, w);
            case NORMALS -> {
                INDArray n = Nd4j.rand(DataType.DOUBLE, 1, 3, h, w).subi(0.5);
                n.divi(n.norm2(true, 1).broadcast(n.shape()));
                yield n;
            }
            case DEPTH -> Nd4j.rand(DataType.DOUBLE, 1, 1, h, w).addi(0.5);
            case SEMANTIC -> Nd4j.create(new double[] {0, 1, 2, 255, 2, 1, 0, 0, 1, 255, 2, 2}, 1, 1, h, w);
        };
    }

    private static INDArray shape(int channels, double... v) {
        return Nd4j.create(v, new long[] {1, channels, 1, v.length / channels});
    }

    private static ComputationGraph lossOnly(Task task, int channels, int width) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("in")
                .addLayer("loss", new TaskLoss(task, channels, CNN2DFormat.NCHW), "in")
                .setOutputs("loss").setInputTypes(InputType.convolutional(1, width, channels)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static ComputationGraph withConv(Task task, int outputs) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(outputs).hasBias(false)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("loss", new TaskLoss(task, outputs, CNN2DFormat.NCHW), "conv")
                .setOutputs("loss").setInputTypes(InputType.convolutional(3, 4, 2)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
