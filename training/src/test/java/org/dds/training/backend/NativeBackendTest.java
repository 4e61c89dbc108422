package org.dds.training.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oneDNN build runs and DL4J uses its helpers. Regression: in DL4J 1.0.0-M2.1 the helpers were silently null
 * (helpers disabled by default, and a class renamed in ND4J), which made convolutions 15-30x slower than PyTorch's.
 */
class NativeBackendTest {

    @Test
    void oneDnnBuildIsLoadedAndLayerHelpersExist() {
        String variant = NativeBackend.configure();
        assertThat(variant).as("native variant chosen on this CPU").startsWith("-onednn");
        assertThat(org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN())
                .as("the loaded libnd4jcpu was built with oneDNN").isTrue();

        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1)
                .convolutionMode(ConvolutionMode.Truncate).graphBuilder().addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(4).hasBias(false)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
                .addLayer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).build(), "bn")
                .setOutputs("pool").setInputTypes(InputType.convolutional(8, 8, 3)).build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        graph.output(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3, 8, 8));

        assertThat(graph.getLayer("conv").getHelper()).as("convolution helper").isInstanceOf(MKLDNNConvHelper.class);
        assertThat(graph.getLayer("bn").getHelper()).as("batch-norm helper").isInstanceOf(MKLDNNBatchNormHelper.class);
        assertThat(graph.getLayer("pool").getHelper()).as("pooling helper")
                .isInstanceOf(MKLDNNSubsamplingHelper.class);
    }
}
