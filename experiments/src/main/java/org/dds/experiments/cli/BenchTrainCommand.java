package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.experiments.bench.train.TrainBenchmark;
import org.dds.training.model.NetworkOptions;
import org.deeplearning4j.nn.conf.CNN2DFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds bench train}: training throughput and memory of the Table-5 networks, PyTorch beside. */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Times training steps of the Table-5 networks, with PyTorch on the CPU as the peer.",
        description = {
            "Times SGD steps (after warm-up) of ResNet-50 + the DeepLabV3 decoder branched after each block, and of"
                    + " a small ResNet classifier on 28 x 28 images, on seeded random data; prints images per second"
                    + " and peak resident memory, and the same for PyTorch (python3 with torch, e.g. Debian's"
                    + " python3-torch) in the same run. ND4J's threads come from OMP_NUM_THREADS."
        },
        footer = {
            "%nExamples:",
            "  ./dds bench train",
            "  OMP_NUM_THREADS=2 ./dds bench train --blocks 3 --steps 3 --small-batch 0"
        })
final class BenchTrainCommand extends DdsSubcommand {
    @Option(names = "--blocks", defaultValue = "1,2,3,4", paramLabel = "LIST",
            description = "blocks to branch after, or 'none' to skip ResNet-50 (default: ${DEFAULT-VALUE})")
    String blockList;

    @Option(names = "--size", converter = Converters.Positive.class, defaultValue = "224",
            description = "image side (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--batch", converter = Converters.Positive.class, defaultValue = "8",
            description = "ResNet-50 batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--small-batch", converter = Converters.Positive.class, defaultValue = "64",
            description = "small-ResNet batch, 0 to skip it (default: ${DEFAULT-VALUE})")
    int smallBatch;

    @Option(names = "--small-widths", converter = Converters.Positive.class, split = ",", defaultValue = "16,32,64",
            description = "small-ResNet stage widths (default: ${DEFAULT-VALUE})")
    List<Integer> smallWidths;

    @Option(names = "--small-depths", converter = Converters.Positive.class, split = ",", defaultValue = "3,3,3",
            description = "small-ResNet blocks per stage (default: ${DEFAULT-VALUE})")
    List<Integer> smallDepths;

    @Option(names = "--warmup", converter = Converters.NonNegative.class, defaultValue = "1",
            description = "untimed steps (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--steps", converter = Converters.Positive.class, defaultValue = "3",
            description = "timed steps; the small ResNet runs 4x as many (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--format", defaultValue = "nchw", description = "DL4J activation layout: nchw or nhwc"
            + " (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--python", paramLabel = "EXE", description = "the Python with torch for the peer (default:"
            + " /usr/bin/python3 if it has torch, else python3); 'none' to skip the peer")
    String python;

    @Option(names = "--threads", converter = Converters.Positive.class, defaultValue = "2",
            description = "PyTorch threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    void execute() {
        List<Integer> blocks;
        try {
            blocks = blockList.isBlank() || blockList.equals("none") ? List.of()
                    : java.util.Arrays.stream(blockList.split(",")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new DdsInputException("Invalid value '" + blockList + "' for option '--blocks': expected a list"
                    + " such as 1,2,3,4, or none", e);
        }
        if (blocks.stream().anyMatch(b -> b < 1 || b > 4)) {
            throw new DdsInputException("Invalid value '" + blockList + "' for option '--blocks': blocks are 1 to 4");
        }
        CNN2DFormat f;
        try {
            f = CNN2DFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DdsInputException("Invalid value '" + format + "' for option '--format': expected nchw or nhwc",
                    e);
        }
        Optional<String> py = "none".equals(python) ? Optional.empty() : Optional.of(python != null ? python
                : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        TrainBenchmark.run(new TrainBenchmark.Settings(blocks, size, batch, smallBatch, smallWidths, smallDepths,
                warmup, steps, NetworkOptions.defaults().with(f), py, threads, seed), out(), line -> {
                    err().println(line);
                    err().flush();
                });
    }
}
