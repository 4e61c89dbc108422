package org.dds.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.training.data.DenseDataset;
import org.dds.training.data.Fixtures;
import org.dds.training.data.NyuV2Dataset;
import org.dds.training.data.PascalDataset;
import org.dds.training.data.PixelNormalization;
import org.dds.training.data.Split;
import org.dds.training.model.DecoderSpec;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.ResNetSpec;
import org.dds.training.task.Task;
import org.dds.training.weights.WeightFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The trainer on tiny datasets of the real formats: learning, resuming bit for bit, result files. */
class TrainerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Task.class)
    void lossDecreasesOverTwentySteps(Task task) throws Exception {
        List<String> lines = new ArrayList<>();
        RunResult result;
        Path out = dir.resolve("run");
        if (task == Task.DEPTH) {
            Fixtures.nyu(dir, 6, 20, 18, new int[] {1, 2, 3, 4}, new int[] {5, 6});
            try (NyuV2Dataset train = NyuV2Dataset.open(dir, Split.TRAIN);
                    NyuV2Dataset val = NyuV2Dataset.open(dir, Split.VAL)) {
                result = new Trainer(TinyRuns.config("nyuv2", dir, task, 2, 10, 0.01, out, 1), train, val, lines::add)
                        .run(false);
            }
        } else {
            Fixtures.pascal(dir, 4, 2, 20, 18, 3);
            result = new Trainer(TinyRuns.config("pascal", dir, task, 2, 10, 0.01, out, 1),
                    PascalDataset.open(dir, Split.TRAIN, true), PascalDataset.open(dir, Split.VAL, true), lines::add)
                    .run(false);
        }
        List<String[]> epochs = Files.readAllLines(out.resolve(Trainer.EPOCHS)).stream().skip(1)
                .map(l -> l.split(",")).toList();
        assertThat(epochs).as("10 epochs of 2 steps").hasSize(10);
        double first = (Double.parseDouble(epochs.get(0)[1]) + Double.parseDouble(epochs.get(1)[1])) / 2;
        double last = (Double.parseDouble(epochs.get(8)[1]) + Double.parseDouble(epochs.get(9)[1])) / 2;
        assertThat(last).as("%s train loss, last two epochs vs first two", task).isLessThan(first);
        // The row RunResult writes (the groundtruth module reads it back: experiments' TrainingResultsContractTest).
        assertThat(Files.readAllLines(out.resolve(Trainer.RESULT_CSV))).containsExactly(RunResult.CSV_HEADER,
                result.csvRow());
        assertThat(lines).anyMatch(l -> l.matches("epoch 10/10 step 2/2 loss \\S+ \\S+ img/s ETA 0m00s"));
        assertThat(lines).anyMatch(l -> l.contains("random initialisation"));
    }

    @Test
    void resumedRunEqualsAnUninterruptedOneBitForBit() throws Exception {
        Fixtures.pascal(dir, 4, 2, 20, 18, 5);
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        RunResult a = trainer(whole).run(false);
        assertThat(trainer(killed).run(false, 1)).as("stopped after epoch 1").isNull();
        assertThat(Files.readAllLines(killed.resolve(Trainer.EPOCHS))).hasSize(2);
        RunResult b = trainer(killed).run(true);
        assertThat(b).isEqualTo(a);
        ComputationGraph x = ModelSerializer.restoreComputationGraph(whole.resolve(Trainer.CHECKPOINT).toFile(), true);
        ComputationGraph y = ModelSerializer.restoreComputationGraph(killed.resolve(Trainer.CHECKPOINT).toFile(), true);
        assertThat(y.params()).as("parameters").isEqualTo(x.params());
        assertThat(y.getUpdater().getStateViewArray()).as("momentum").isEqualTo(x.getUpdater().getStateViewArray());
        assertThat(y.getConfiguration().getIterationCount()).isEqualTo(x.getConfiguration().getIterationCount());
        assertThat(columns(killed.resolve(Trainer.EPOCHS))).isEqualTo(columns(whole.resolve(Trainer.EPOCHS)));
    }

    @Test
    void refusesToOverwriteOrToResumeWithOtherSettings() {
        Fixtures.pascal(dir, 4, 2, 20, 18, 5);
        Path out = dir.resolve("run");
        trainer(out).run(false, 1);
        assertThatThrownBy(() -> trainer(out).run(false)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("pass resume to continue it")
                .satisfies(e -> assertThat(((DdsInputException) e).messageFor(p -> "--" + p)).as("a front end's"
                        + " spelling").contains("pass --resume to continue it, or choose another --out"));
        TrainConfig other = TinyRuns.config("pascal", dir, Task.SEMANTIC, 1, 3, 0.01, out, 1);
        assertThatThrownBy(() -> new Trainer(other, data(Split.TRAIN), data(Split.VAL), s -> { }).run(true))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("block (checkpoint: 2, now: 1)")
                .hasMessageContaining("epochs (checkpoint: 2, now: 3)");
    }

    @Test
    void refusesImagesThatLeaveTheBranchOneByOne() {
        // Regression: block 4 of ResNet-50 at 32 x 32 is 1 x 1; batch norm over two values per channel diverged.
        assertThatThrownBy(() -> TrainConfig.paper("pascal", dir, Task.SEMANTIC, 4, null, 1, 2, 32, dir, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 64");
        assertThat(TrainConfig.paper("pascal", dir, Task.SEMANTIC, 4, null, 1, 2, 64, dir, 1).imageSize())
                .isEqualTo(64);
    }

    @Test
    void twoWorkersThroughParallelWrapper() throws Exception {
        Fixtures.pascal(dir, 4, 2, 20, 18, 5);
        TrainConfig c = TinyRuns.config("pascal", dir, Task.SEMANTIC, 1, 1, 0.01, dir.resolve("pw"), 2);
        RunResult r = new Trainer(c, data(Split.TRAIN), data(Split.VAL), s -> { }).run(false);
        assertThat(r.value()).isBetween(0.0, 1.0);
        assertThat(Files.readString(dir.resolve("pw").resolve(Trainer.RESULT_JSON), StandardCharsets.UTF_8))
                .contains("\"gpus\": \"2\"").contains("random init");
    }

    /**
     * {@code --weights x.h5}: the encoder in Keras' variant gets the weights of the h5py-made file of
     * KerasWeightsTest (a two-stage ResNet, 54 tensors), its input the caffe normalisation; result.json says so.
     */
    @Test
    void trainsFromKerasWeights() throws Exception {
        Fixtures.pascal(dir, 4, 2, 20, 18, 5);
        Path h5 = Path.of(TrainerTest.class.getResource("/weights/keras_resnet_tiny.h5").toURI());
        ResNetSpec tiny = WeightFormat.of(h5).layout(new ResNetSpec(3, 4, 7, 2, true, true, List.of(2, 3),
                List.of(1, 1), 32));
        Path out = dir.resolve("keras");
        // Block 2 has 12 channels: stacked twice to 24.
        TrainConfig c = new TrainConfig("pascal", dir, Task.SEMANTIC, 2, h5, 1, 2, 16, out, 17, 0.01, 0.9, 1e-4, 0.9,
                1, 0, tiny, new DecoderSpec(8, List.of(1, 2, 3), 16, 24), NetworkOptions.defaults());
        List<String> lines = new ArrayList<>();
        RunResult r = new Trainer(c, data(Split.TRAIN), data(Split.VAL), lines::add).run(false);
        assertThat(lines).contains("loaded 54 ImageNet tensors from " + h5);
        assertThat(r.weights()).isEqualTo("keras_resnet_tiny.h5");
        assertThat(Files.readString(out.resolve(Trainer.RESULT_JSON), StandardCharsets.UTF_8))
                .contains("\"input_normalization\": \"" + PixelNormalization.CAFFE + "\"")
                .contains("downsampling=ON_1X1");
        // dds train builds ResNet-50 in the variant of the weights' extension.
        assertThat(TrainConfig.paper("pascal", dir, Task.EDGE, 4, Path.of("w.h5"), 1, 2, 64, dir, 1).encoder())
                .isEqualTo(ResNetSpec.resnet50().withDownsampling(ResNetSpec.Downsampling.ON_1X1));
        assertThat(TrainConfig.paper("pascal", dir, Task.EDGE, 4, Path.of("w.npz"), 1, 2, 64, dir, 1).encoder())
                .isEqualTo(ResNetSpec.resnet50());
    }

    private Trainer trainer(Path out) {
        return new Trainer(TinyRuns.config("pascal", dir, Task.SEMANTIC, 2, 2, 0.01, out, 1), data(Split.TRAIN),
                data(Split.VAL), s -> { });
    }

    private DenseDataset data(Split split) {
        return PascalDataset.open(dir, split, false);
    }

    /** The epoch table without its two timing columns. */
    private static List<String> columns(Path epochs) throws Exception {
        try (Stream<String> lines = Files.lines(epochs)) {
            return lines.map(l -> String.join(",", List.of(l.split(",")).subList(0, 4))).toList();
        }
    }
}
