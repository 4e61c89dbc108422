package org.dds.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dds.training.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The decoder after every block: channel stacking and an output of the input's size. */
class DecoderTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void resnet50DecoderPredictsAtTheInputSize(int block) {
        ComputationGraph net = new ComputationGraph(Networks.segmentation(ResNetSpec.resnet50(),
                new DecoderSpec(16, List.of(6, 12, 18), 16, 2048), block, Task.SEMANTIC, 5, 48, 40,
                NetworkOptions.defaults(), 7, new SgdMomentum(), 1e-4));
        net.init();
        Map<String, INDArray> acts = net.feedForward(Nd4j.rand(DataType.FLOAT, 2, 3, 48, 40), false);
        INDArray stacked = acts.getOrDefault("stack", acts.get("layer4"));
        assertThat(stacked.size(1)).as("channels after stacking block %d", block).isEqualTo(2048);
        assertThat(acts.get("loss").shape()).as("prediction of block %d", block).containsExactly(2, 5, 48, 40);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void stackingRepeatsTheBranchOutput(int block) {
        ResNetSpec spec = ResNetSpec.small(3, List.of(4, 8, 16), List.of(1, 1, 1));
        ComputationGraph net = new ComputationGraph(Networks.segmentation(spec,
                new DecoderSpec(4, List.of(1, 2, 3), 16, 16), block, Task.DEPTH, 1, 12, 12,
                NetworkOptions.defaults(), 3, new SgdMomentum(), 0));
        net.init();
        Map<String, INDArray> acts = net.feedForward(Nd4j.rand(DataType.FLOAT, 2, 3, 12, 12), false);
        INDArray branch = acts.get("layer" + block);
        INDArray stacked = acts.getOrDefault("stack", branch);
        long c = branch.size(1);
        assertThat(stacked.size(1)).isEqualTo(16);
        for (long k = 0; k < 16 / c; k++) {
            assertThat(stacked.get(NDArrayIndex.all(), NDArrayIndex.interval(k * c, (k + 1) * c)))
                    .as("copy %d of block %d", k, block).isEqualTo(branch);
        }
        assertThat(acts.get("loss").shape()).containsExactly(2, 1, 12, 12);
    }
}
