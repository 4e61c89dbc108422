package org.dds.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.experiments.layers.LayerRanking;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.reports.ExperimentResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** {@code dds layers}: the blocks of one encoder ranked by DDS with a target task. */
@Command(name = "layers", sortOptions = false, mixinStandardHelpOptions = true,
        defaultValueProvider = LayersCommand.PaperDefaults.class,
        header = "The blocks (layers) of one encoder ranked by DDS with a target task, as CSV.",
        description = {
            "Selects the layer to branch from (Dwivedi et al., ECCV 2020, section 5.2): ranks the blocks of one"
                    + " encoder by DDS between each block's features and the target task's features on the same"
                    + " images, most similar first. The default DDS is the paper's for layer selection: z-score,"
                    + " f = laplacian, unbiased-centred CKA.",
            "Writes CSV 'rank,block,dds', one row per block."
        },
        footer = {
            "%nExamples:",
            "  ./dds layers --blocks resnet50_blocks.npz --target segmentsemantic.npy",
            "  ./dds layers --blocks feats/ --target depth_probe --f cosine",
            "%nThe blocks are the models of --blocks (they may have different numbers of features). --target is a"
                    + " feature file holding one model (the target task's features on the same images), or the name"
                    + " of a model in --blocks, which is then ranked against the others.",
            "%n" + Help.FEATURES,
            "%n" + Help.EXIT_CODES
        })
final class LayersCommand extends DdsSubcommand {
    @Option(names = "--blocks", required = true, paramLabel = "PATH",
            description = "features whose models are the blocks of one encoder")
    Path blocks;

    @Option(names = "--target", required = true, paramLabel = "NAME_OR_FILE",
            description = "the target task's features (a file of one model) or a model name in --blocks")
    String target;

    @Mixin
    DdsOptions dds;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the CSV to FILE (complete or not at all) instead of stdout")
    Path out;

    /** The paper's layer-selection f (Laplacian) instead of the shared default (cosine). */
    public static final class PaperDefaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            return argSpec instanceof OptionSpec o && o.longestName().equals("--f") ? "laplacian" : null;
        }
    }

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.FILE));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--blocks", blocks));
    }

    @Override
    void execute() {
        FeatureSet set = dds.features(blocks, "--blocks");
        FeatureMatrix t;
        Path file = Path.of(target);
        if (set.names().contains(target)) {
            t = set.get(target);
            List<String> others = new ArrayList<>(set.names());
            others.remove(target);
            if (others.isEmpty()) {
                throw new DdsInputException(blocks + " holds only the target '" + target + "': add the blocks to"
                        + " rank");
            }
            set = set.select(others);
        } else if (Files.exists(file)) {
            FeatureSet targetSet = dds.features(file, "--target");
            if (targetSet.size() != 1) {
                throw new DdsInputException("--target " + target + " holds " + targetSet.size() + " models ("
                        + String.join(", ", targetSet.names()) + "): give a file with the target task's features"
                        + " only, or the name of a model in --blocks");
            }
            t = targetSet.models().get(0);
        } else {
            throw new DdsInputException("--target '" + target + "' is neither a model in " + blocks + " (which holds "
                    + String.join(", ", set.names()) + ") nor an existing file: give the target task's feature"
                    + " file or one of those names");
        }
        if (t.rows() != set.images()) {
            throw new DdsInputException("the target '" + t.name() + "' has " + t.rows() + " images but the blocks in "
                    + blocks + " have " + set.images() + ": extract both on the same images, in the same order");
        }
        int n = dds.imageCount(set.images());
        set = set.firstImages(n);
        ExperimentRunner runner = new ExperimentRunner(this);
        ExperimentResult result = runner.result(new LayerRanking(set, t.firstRows(n), dds.config()),
                runner.context(GroundTruthLocator.system().locate(), Optional.empty(), false, 0));
        emit(result.table("layers"), out);
    }
}
