package org.dds.mini;

import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.dds.training.model.Encoder;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.Networks;
import org.dds.training.model.ResNetBuilder;
import org.dds.training.model.ResNetSpec;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The source networks of the Mini-Taskonomy benchmark: a small ResNet encoder from the same builder as ResNet-50
 * ({@link ResNetSpec#small}: a 3 x 3 stem of stride 1, basic blocks, 4 stages) on one-channel images of the image
 * set's {@link ImageSize} (28 x 28 for Fashion-MNIST), and a task
 * head on the output of the last stage ({@code layer4}):
 * <ul>
 * <li>classification: global average pooling and a softmax layer trained with cross-entropy;</li>
 * <li>regression: a linear layer on the flattened last stage trained with the mean squared error.</li>
 * </ul>
 * The heads are deliberately small, so that what a source learns lives in the encoder, which is what transfer and
 * DDS look at. The vertices {@code layer1 .. layer4} are the branch points.
 */
public final class MiniNetworks {
    /** Name of the input vertex. */
    public static final String INPUT = Networks.INPUT;
    /** Name of the head's output layer. */
    public static final String HEAD = "head";

    private MiniNetworks() {
    }

    /**
     * @param widths the width of each of the 4 stages
     * @param depths the blocks of each stage
     * @return the encoder's spec
     */
    public static ResNetSpec encoder(List<Integer> widths, List<Integer> depths) {
        if (widths.size() != 4 || depths.size() != 4) {
            throw new IllegalArgumentException("the mini encoder has 4 stages: widths " + widths + " and depths "
                    + depths + " must have 4 entries each");
        }
        return ResNetSpec.small(1, widths, depths);
    }

    /**
     * @param spec           the encoder
     * @param size           the input images' size
     * @param classification true for a softmax head, false for a linear regression head
     * @param outputs        classes or regression outputs
     * @param seed           the weight-initialisation seed
     * @param learningRate   Adam's learning rate
     * @return the network's configuration
     */
    public static ComputationGraphConfiguration network(ResNetSpec spec, ImageSize size, boolean classification,
            int outputs, long seed, double learningRate) {
        return network(spec, size, classification, outputs, seed, new Adam(learningRate));
    }

    /**
     * @param spec           the encoder
     * @param size           the input images' size
     * @param classification true for a softmax head, false for a linear regression head
     * @param outputs        classes or regression outputs
     * @param seed           the weight-initialisation seed
     * @param schedule       Adam's learning rate by optimiser step
     * @return the network's configuration
     */
    public static ComputationGraphConfiguration network(ResNetSpec spec, ImageSize size, boolean classification,
            int outputs, long seed, ISchedule schedule) {
        return network(spec, size, classification, outputs, seed, new Adam(schedule));
    }

    private static ComputationGraphConfiguration network(ResNetSpec spec, ImageSize size, boolean classification,
            int outputs, long seed, Adam adam) {
        NetworkOptions options = NetworkOptions.defaults();
        GraphBuilder g = Networks.base(options, seed, adam, 0).graphBuilder().addInputs(INPUT);
        Encoder e = ResNetBuilder.addEncoder(g, INPUT, spec, spec.stages(), size.height(), size.width(), options);
        String last = e.output(spec.stages());
        if (classification) {
            g.addLayer("avgpool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
            g.addLayer(HEAD, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(outputs)
                    .activation(Activation.SOFTMAX).build(), "avgpool");
        } else {
            g.addLayer(HEAD, new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(outputs)
                    .activation(Activation.IDENTITY).build(), last);
        }
        return g.setOutputs(HEAD).setInputTypes(InputType.convolutional(size.height(), size.width(), 1,
                options.format())).build();
    }

    /**
     * @param spec the encoder
     * @return the branch points, {@code layer1 .. layer4}
     */
    public static List<String> blocks(ResNetSpec spec) {
        return Networks.branchPoints(spec, spec.stages());
    }
}
