package org.dds.training.train;

import java.nio.file.Path;
import java.util.List;

import org.dds.training.model.DecoderSpec;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.ResNetSpec;
import org.dds.training.task.Task;

/** Configurations of seconds-long runs: a two-stage basic ResNet and an 8-channel decoder on 16 x 16 crops. */
final class TinyRuns {
    private TinyRuns() {
    }

    static TrainConfig config(String dataset, Path data, Task task, int block, int epochs, double lr, Path out,
            int gpus) {
        return new TrainConfig(dataset, data, task, block, null, epochs, 2, 16, out, 17, lr, 0.9, 1e-4, 0.9, gpus, 0,
                ResNetSpec.small(3, List.of(4, 8), List.of(1, 1)), new DecoderSpec(8, List.of(1, 2, 3), 16, 8),
                NetworkOptions.defaults());
    }
}
