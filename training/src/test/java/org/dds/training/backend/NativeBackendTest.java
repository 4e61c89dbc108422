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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oneDNN build runs and DL4J uses its helpers. Regression: in DL4J 1.0.0-M2.1 the helpers were silently null
 * (helpers disabled by default, and a class renamed in ND4J), which made convolutions 15-30x slower than PyTorch's.
 * Skipped, with the reason printed, where the oneDNN build cannot load: off Linux x86-64 (the build exists only for
 * linux-x86_64, e.g. not on ARM), with the CUDA backend ({@code -Pcuda}), or when the plain build was asked for.
 */
class NativeBackendTest {

    @Test
    void oneDnnBuildIsLoadedAndLayerHelpersExist() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        skipUnless(os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                "ND4J's oneDNN build exists only for linux-x86_64, and this is " + os + "/" + arch);
        String variant = NativeBackend.configure();
        skipUnless(!variant.startsWith("-cudnn") && !variant.startsWith("-cuda"),
                "the CUDA backend is in use (native variant '" + variant + "'), which has cuDNN, not oneDNN");
        skipUnless(!variant.isEmpty() || System.getProperty(NativeBackend.EXTENSION) == null,
                "the plain ND4J build was asked for (-D" + NativeBackend.EXTENSION + "=)");
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

    /** Aborts (skips) the test, printing why, unless the condition holds. */
    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("skipped NativeBackendTest: " + reason);
            Assumptions.abort(reason);
        }
    }
}
