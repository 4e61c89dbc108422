package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.dds.core.DdsInputException;
import org.dds.training.extract.FeatureExtractor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds extract}: per-block ResNet-50 features of an image folder, in the format the other commands read. */
@Command(name = "extract", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Per-block ResNet-50 features of a folder of images (paper Figure 4).",
        description = {
            "Passes every image of a folder (JPEG or PNG, sorted by name; resized to shorter side S and centre-cropped"
                    + " to S x S, normalised as the weights expect) through a ResNet-50 with the given weights (.npz:"
                    + " torchvision's; .h5: Keras' ResNet50, stride on the first 1x1 convolution) and writes the"
                    + " output of each requested block as block<k>.npy (n x H x W x C float32, channels last, or n x C"
                    + " with --pool global) plus models.txt, a features directory for affinity, rank and fig4."
        },
        footer = {
            "%nExample:",
            "  ./dds extract --weights resnet50_imagenet.npz --images taskonomy_200/ --blocks 1,2,3,4 --out feats/resnet",
            "%n" + Help.EXIT_CODES
        })
final class ExtractCommand extends DdsSubcommand {
    @Option(names = "--weights", required = true, paramLabel = "FILE",
            description = "torchvision ResNet-50 state_dict as .npz, or Keras' ResNet50 weights .h5 (README"
                    + " 'Training')")
    Path weights;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "the folder of images")
    Path images;

    @Option(names = "--blocks", converter = Converters.Positive.class, paramLabel = "LIST",
            defaultValue = "1,2,3,4", split = ",",
            description = "blocks to write (default: ${DEFAULT-VALUE})")
    List<Integer> blocks;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the features directory to write")
    Path out;

    @Option(names = "--image-size", converter = Converters.Positive.class, paramLabel = "S", defaultValue = "224",
            description = "crop side (default: 224)")
    int imageSize;

    @Option(names = "--pool", paramLabel = "none|global", defaultValue = "none",
            description = "none: whole maps (n x H x W x C); global: average over H, W (n x C) (default: none)")
    String pool;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.DIRECTORY));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--weights", weights), new Outputs.Input("--images", images));
    }

    @Override
    void execute() {
        FeatureExtractor.Pooling pooling;
        try {
            pooling = FeatureExtractor.Pooling.valueOf(pool.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DdsInputException("Invalid value '" + pool + "' for option '--pool': expected none or global", e);
        }
        for (Path p : FeatureExtractor.extract(weights, images, blocks, imageSize, pooling, out, line -> {
            err().println(line);
            err().flush();
        })) {
            out().println(p);
        }
    }
}
