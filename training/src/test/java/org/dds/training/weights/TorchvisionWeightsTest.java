package org.dds.training.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.dds.core.DdsInputException;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.Networks;
import org.dds.training.model.ResNetSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Importing a torchvision ResNet state_dict from .npz. The test writes the archive itself, with random values and
 * the key names and shapes of torchvision's {@code ResNet} with {@code Bottleneck} blocks of depths 3-4-6-3 (the
 * ResNet-50 topology) at widths 8 (stem) and 4-8-16-32, so it stays small.
 */
class TorchvisionWeightsTest {
    private static final ResNetSpec NARROW_50 = StateDicts.NARROW_50;

    @TempDir
    Path dir;

    @Test
    void mapsEveryTensorByName() throws IOException {
        Map<String, long[]> sd = StateDicts.stateDict(NARROW_50);
        Map<String, float[]> values = StateDicts.write(dir.resolve("w.npz"), sd, 3);
        ComputationGraph net = new ComputationGraph(Networks.encoder(NARROW_50, 4, 32, 32, NetworkOptions.defaults()));
        net.init();
        int loaded = TorchvisionWeights.load(dir.resolve("w.npz"), net);
        long usable = sd.keySet().stream().filter(k -> !k.startsWith("fc.") && !k.endsWith("num_batches_tracked"))
                .count();
        assertThat(loaded).as("tensors loaded").isEqualTo(usable);
        assertThat(flat(net.getParam("conv1_W"))).containsExactly(values.get("conv1.weight"));
        assertThat(flat(net.getParam("bn1_var"))).containsExactly(values.get("bn1.running_var"));
        assertThat(flat(net.getParam("layer4_0_downsample_1_gamma")))
                .containsExactly(values.get("layer4.0.downsample.1.weight"));
        assertThat(flat(net.getParam("layer3_5_conv2_W"))).containsExactly(values.get("layer3.5.conv2.weight"));
        // Every encoder parameter came from the file: none is left at its initial value.
        assertThat(net.numParams()).isEqualTo(sd.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("fc.") && !e.getKey().endsWith("num_batches_tracked"))
                .mapToLong(e -> Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b)).sum());
    }

    @Test
    void namesEveryMismatch() throws IOException {
        Map<String, long[]> sd = StateDicts.stateDict(NARROW_50);
        sd.remove("layer2.1.bn2.running_var");
        sd.put("layer3.0.conv2.weight", new long[] {16, 16, 1, 1});
        sd.put("layer5.0.conv1.weight", new long[] {4, 4, 1, 1});
        StateDicts.write(dir.resolve("bad.npz"), sd, 4);
        ComputationGraph net = new ComputationGraph(Networks.encoder(NARROW_50, 4, 32, 32, NetworkOptions.defaults()));
        net.init();
        INDArray before = net.getParam("conv1_W").dup();
        assertThatThrownBy(() -> TorchvisionWeights.load(dir.resolve("bad.npz"), net))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("3 problems")
                .hasMessageContaining("layer2.1.bn2.running_var is missing")
                .hasMessageContaining("layer3.0.conv2.weight has shape [16, 16, 1, 1] but layer3_0_conv2/W needs"
                        + " [16, 16, 3, 3]")
                .hasMessageContaining("tensors that match no layer: layer5.0.conv1.weight");
        assertThat(net.getParam("conv1_W")).as("nothing loaded").isEqualTo(before);
    }

    @Test
    void refusesAMissingFile() {
        ComputationGraph net = new ComputationGraph(Networks.encoder(NARROW_50, 1, 32, 32, NetworkOptions.defaults()));
        net.init();
        assertThatThrownBy(() -> TorchvisionWeights.load(dir.resolve("none.npz"), net))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("does not exist");
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }

}
