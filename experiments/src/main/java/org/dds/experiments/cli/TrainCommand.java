package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.training.backend.NativeBackend;
import org.dds.training.data.DatasetSource;
import org.dds.training.data.Datasets;
import org.dds.training.data.DenseDataset;
import org.dds.training.data.Split;
import org.dds.training.task.Task;
import org.dds.training.train.RunResult;
import org.dds.training.train.TrainConfig;
import org.dds.training.train.Trainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds train}: fine-tunes ResNet-50 + DeepLabV3 branched after one block on one task (paper Table 5). */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Trains one network of paper Table 5 (ResNet-50 block + DeepLabV3 decoder).",
        description = {
            "Fine-tunes an ImageNet ResNet-50 with a DeepLabV3 decoder attached after block 1, 2, 3 or 4 (the block's"
                    + " output stacked 8x/4x/2x/1x to 2048 channels) on one task of NYUv2 or Pascal VOC: SGD,"
                    + " momentum 0.9, weight decay 1e-4, learning rate 0.001 with the poly schedule (power 0.9),"
                    + " seeded augmentation (random scale, crop, flip). Evaluates and writes a checkpoint after every"
                    + " epoch; --resume continues a killed run bit for bit.",
            "Writes to --out: epochs.csv (per-epoch loss and metric), result.csv and result.json (final metric,"
                    + " settings, provenance), checkpoint.zip and state.properties. Progress on stderr; the final"
                    + " result line on stdout."
        },
        footer = {
            "%nExamples:",
            "  ./dds train --dataset pascal --data ~/data/VOCdevkit --task semantic --block 3 \\",
            "      --weights resnet50_imagenet.npz --epochs 60 --out runs/voc-semantic-b3",
            "  ./dds train --dataset nyuv2 --data ~/data/nyu --task depth --block 4 --weights resnet50_imagenet.npz \\",
            "      --epochs 200 --out runs/nyu-depth-b4 --resume",
            "%nData: NYUv2: a directory with nyu_depth_v2_labeled.mat, splits.mat and classMapping40.mat (tasks edge,"
                    + " depth, semantic). Pascal: VOC2012 (or the folder holding VOCdevkit or VOC2012) with"
                    + " JPEGImages, SegmentationClass, ImageSets/Segmentation and, for normals, normals_distill.",
            "Weights: a torchvision ResNet-50 state_dict saved as .npz (README 'Training' has the 3-line export), or"
                    + " Keras' resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5 (then the encoder is Keras'"
                    + " ResNet50 variant, stride on the first 1x1 convolution, with Keras' caffe input"
                    + " normalisation); without --weights the encoder starts from random initialisation (said on"
                    + " stderr and in result.json).",
            "%n" + Help.EXIT_CODES
        })
final class TrainCommand extends DdsSubcommand {
    @Option(names = "--dataset", required = true, paramLabel = "nyuv2|pascal", description = "the dataset")
    String dataset;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the dataset directory")
    Path data;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "edge, normals, depth or semantic")
    String task;

    @Option(names = "--block", required = true, paramLabel = "1..4", description = "the block to branch after")
    int block;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "ImageNet weights: torchvision state_dict .npz or Keras ResNet50 .h5")
    Path weights;

    @Option(names = "--epochs", converter = Converters.Positive.class, paramLabel = "N",
            description = "epochs (default: 60 for pascal, 200 for nyuv2, as in the paper)")
    Integer epochs;

    @Option(names = "--batch", converter = Converters.Positive.class, paramLabel = "B", defaultValue = "8",
            description = "batch size (default: 8)")
    int batch;

    @Option(names = "--image-size", converter = Converters.Positive.class, paramLabel = "S", defaultValue = "224",
            description = "side of the square crops (default: 224)")
    int imageSize;

    @Option(names = "--out", paramLabel = "DIR", description = "the run directory (default: runs/<dataset>-<task>-b<block>)")
    Path out;

    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint")
    boolean resume;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1993", description = "seed (default: 1993)")
    long seed;

    @Option(names = "--gpus", converter = Converters.Positive.class, paramLabel = "N", defaultValue = "1",
            description = "data-parallel workers through DL4J's ParallelWrapper (one per GPU with -Pcuda; default 1)")
    int gpus;

    @Option(names = "--limit", converter = Converters.NonNegative.class, paramLabel = "N", defaultValue = "0",
            description = "use only the first N images of each split, for a smoke run (default: all)")
    int limit;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.DIRECTORY));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--data", data), new Outputs.Input("--weights", weights));
    }

    @Override
    void execute() {
        NativeBackend.configure();
        DatasetSource source;
        try {
            source = Datasets.parse(dataset).source();
        } catch (DdsInputException e) {
            throw new DdsInputException("Invalid value '" + dataset + "' for option '--dataset': expected "
                    + Datasets.names(), e);
        }
        String name = source.name();
        Task t;
        try {
            t = Task.parse(task);
        } catch (IllegalArgumentException e) {
            throw new DdsInputException("Invalid value '" + task + "' for option '--task': " + e.getMessage(), e);
        }
        if (!source.tasks().contains(t)) {
            String others = Arrays.stream(Datasets.values()).map(Datasets::source).filter(d -> d.tasks().contains(t))
                    .map(DatasetSource::name).collect(Collectors.joining(" or "));
            throw new DdsInputException("--task " + t.label() + " needs --dataset " + others + ": "
                    + source.missingTask(t));
        }
        if (block < 1 || block > 4) {
            throw new DdsInputException("Invalid value '" + block + "' for option '--block': expected 1, 2, 3 or 4");
        }
        int n = epochs != null ? epochs : source.paperEpochs();
        Path dir = out != null ? out : Path.of("runs", name + "-" + t.label() + "-b" + block);
        TrainConfig config;
        try {
            config = TrainConfig.paper(name, data, t, block, weights, n, batch, imageSize, dir, seed).with(gpus, limit);
        } catch (DdsInputException e) {
            // Worded through the parameters' names: the failure handler spells them as this command's flags.
            throw e;
        } catch (IllegalArgumentException e) {
            throw new DdsInputException(e.getMessage(), e);
        }
        try (DenseDataset train = source.open(data, Split.TRAIN, t);
                DenseDataset val = source.open(data, Split.VAL, t)) {
            err().println("dds train: " + train.describe() + "; validation: " + val.describe());
            err().flush();
            RunResult r = new Trainer(config, train, val, line -> {
                err().println(line);
                err().flush();
            }).run(resume);
            out().println(RunResult.CSV_HEADER);
            out().println(r.csvRow());
            err().println("wrote " + dir.toAbsolutePath().normalize());
        }
    }
}
