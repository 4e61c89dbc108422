package org.dds.training.model;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dds.training.task.Task;
import org.dds.training.task.TaskLoss;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J computation graphs: an encoder cut after block b with the decoder and a task's loss (the networks
 * of paper Table 5), an encoder with every branch point as an output (feature extraction), and a ResNet classifier
 * (the small-network benchmark). The input vertex is {@code image}.
 */
public final class Networks {
    /** Name of the input vertex. */
    public static final String INPUT = "image";
    /** Name of the loss layer of a segmentation network. */
    public static final String LOSS = "loss";

    private Networks() {
    }

    /**
     * @param encoder     the ResNet
     * @param decoder     the decoder's size
     * @param block       1-based block to branch after
     * @param task        the task
     * @param outputs     channels of the prediction ({@link Task#outputs})
     * @param height      input height
     * @param width       input width
     * @param options     layout and type
     * @param seed        the weight-initialisation seed
     * @param updater     the optimiser
     * @param weightDecay L2 coefficient added to every gradient
     * @return the configuration
     */
    public static ComputationGraphConfiguration segmentation(ResNetSpec encoder, DecoderSpec decoder, int block,
            Task task, int outputs, int height, int width, NetworkOptions options, long seed, IUpdater updater,
            double weightDecay) {
        if (block < 1 || block > encoder.stages()) {
            throw new IllegalArgumentException("block " + block + " must be 1 to " + encoder.stages());
        }
        GraphBuilder g = base(options, seed, updater, weightDecay).graphBuilder().addInputs(INPUT);
        Encoder e = ResNetBuilder.addEncoder(g, INPUT, encoder, block, height, width, options);
        String logits = DeepLabV3Decoder.add(g, e, block, decoder, outputs, height, width, options);
        g.addLayer(LOSS, new TaskLoss(task, outputs, options.format()), logits);
        return g.setOutputs(LOSS).setInputTypes(InputType.convolutional(height, width, encoder.inputChannels(),
                options.format())).build();
    }

    /**
     * @param encoder the ResNet
     * @param blocks  how many stages (all outputs are the branch points {@code layer1..layer<blocks>})
     * @param height  input height
     * @param width   input width
     * @param options layout and type
     * @return the configuration, outputs in block order
     */
    public static ComputationGraphConfiguration encoder(ResNetSpec encoder, int blocks, int height, int width,
            NetworkOptions options) {
        GraphBuilder g = base(options, 0, new SgdMomentum(), 0).graphBuilder().addInputs(INPUT);
        Encoder e = ResNetBuilder.addEncoder(g, INPUT, encoder, blocks, height, width, options);
        return g.setOutputs(e.stageOutputs().toArray(String[]::new)).setInputTypes(InputType.convolutional(height,
                width, encoder.inputChannels(), options.format())).build();
    }

    /**
     * A ResNet classifier: encoder, global average pooling ({@code avgpool}), softmax layer ({@code fc}).
     *
     * @param encoder     the ResNet
     * @param classes     number of classes
     * @param height      input height
     * @param width       input width
     * @param options     layout and type
     * @param seed        the weight-initialisation seed
     * @param updater     the optimiser
     * @param weightDecay L2 coefficient
     * @return the configuration
     */
    public static ComputationGraphConfiguration classifier(ResNetSpec encoder, int classes, int height, int width,
            NetworkOptions options, long seed, IUpdater updater, double weightDecay) {
        GraphBuilder g = base(options, seed, updater, weightDecay).graphBuilder().addInputs(INPUT);
        Encoder e = ResNetBuilder.addEncoder(g, INPUT, encoder, encoder.stages(), height, width, options);
        g.addLayer("avgpool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), e.output(encoder.stages()));
        g.addLayer("fc", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).build(), "avgpool");
        return g.setOutputs("fc").setInputTypes(InputType.convolutional(height, width, encoder.inputChannels(),
                options.format())).build();
    }

    /**
     * @param spec    the ResNet
     * @param blocks  stages present
     * @return the vertex names of its branch points
     */
    public static List<String> branchPoints(ResNetSpec spec, int blocks) {
        List<String> names = new ArrayList<>();
        for (int s = 1; s <= blocks; s++) {
            names.add("layer" + s);
        }
        return names;
    }

    /**
     * The settings every network here shares: data type, seed, updater, He initialisation, truncate convolution
     * mode, workspaces on, optional L2.
     *
     * @param options     layout and type
     * @param seed        the weight-initialisation seed
     * @param updater     the optimiser
     * @param weightDecay L2 coefficient, 0 for none
     * @return a builder to add a graph to
     */
    public static NeuralNetConfiguration.Builder base(NetworkOptions options, long seed, IUpdater updater,
            double weightDecay) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(options.dataType()).updater(updater).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate).trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (weightDecay > 0) {
            b.l2(weightDecay);
        }
        return b;
    }
}
