package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.Dds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dds similarity}: DDS between two models, one number. */
@Command(name = "similarity", sortOptions = false, mixinStandardHelpOptions = true,
        header = "DDS between two models: one number.",
        description = {
            "Computes DDS between two models' features on the same images and prints one number"
                    + " (1 for identical features with g = cka; higher is more similar)."
        },
        footer = {
            "%nExamples:",
            "  ./dds similarity --x feats/edge2d.npy --y feats/edge3d.npy",
            "  ./dds similarity --x a.npy --y b.npy --norm identity --f pearson --g spearman",
            "                                      # RSA (Dwivedi & Roig 2019) as a DDS",
            "%nEach of --x and --y is one model's features: a .npy file of n images x d features; row i of both"
                    + " must describe the same image.",
            "%n" + Help.EXIT_CODES
        })
final class SimilarityCommand extends DdsSubcommand {
    @Option(names = "--x", required = true, paramLabel = "FILE", description = "the first model's features")
    Path x;

    @Option(names = "--y", required = true, paramLabel = "FILE", description = "the second model's features")
    Path y;

    @Mixin
    DdsOptions dds;

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--x", x), new Outputs.Input("--y", y));
    }

    @Override
    void execute() {
        FeatureMatrix a = single(x, "--x");
        FeatureMatrix b = single(y, "--y");
        if (a.rows() != b.rows()) {
            throw new DdsInputException("--x " + x + " has " + a.rows() + " images but --y " + y + " has " + b.rows()
                    + ": both must describe the same images in the same order");
        }
        int n = dds.imageCount(a.rows());
        out().println(Dds.similarity(a.firstRows(n), b.firstRows(n), dds.config()));
    }

    private FeatureMatrix single(Path file, String option) {
        FeatureSet set = dds.features(file, option);
        if (set.size() != 1) {
            throw new DdsInputException(option + " " + file + " holds " + set.size() + " models ("
                    + String.join(", ", set.names()) + "): give one model's features, or use dds affinity");
        }
        return set.models().get(0);
    }
}
