package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.Dds;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.affinity.PreparedModel;
import org.dds.reports.ResultTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dds rank}: source models ranked by DDS with a target model. */
@Command(name = "rank", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Source models ranked by DDS with a target model, as CSV.",
        description = {
            "Ranks candidate source models for a target task: by DDS between each source's features and the"
                    + " target model's features on the same images, most similar first (Dwivedi et al., ECCV 2020:"
                    + " the most similar source is the best initialisation to transfer from).",
            "Writes CSV 'rank,model,dds', one row per source; the target itself is left out."
        },
        footer = {
            "%nExample:",
            "  ./dds rank --features feats/ --target segmentsemantic",
            "%nThe target is one of the models in the features: extract the features of a small model trained"
                    + " on the new task (or of its probe) on the same images as the sources.",
            "%n" + Help.FEATURES,
            "%n" + Help.EXIT_CODES
        })
final class RankCommand extends DdsSubcommand {
    @Option(names = "--features", required = true, paramLabel = "PATH",
            description = "the features of the sources and of the target (see below)")
    Path features;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "the target model's name")
    String target;

    @Mixin
    DdsOptions dds;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the CSV to FILE (complete or not at all) instead of stdout")
    Path out;

    /** A source and its DDS with the target. */
    private record Scored(String model, double dds, int order) {
    }

    @Override
    void execute() {
        FeatureSet set = dds.features(features, "--features");
        if (!set.names().contains(target)) {
            throw new DdsInputException("--target '" + target + "' is not a model in " + features + ", which holds "
                    + String.join(", ", set.names()) + ": choose one of those");
        }
        if (set.size() < 2) {
            throw new DdsInputException(features + " holds only the target '" + target
                    + "': add the features of the source models to rank");
        }
        set = dds.firstImages(set);
        DdsConfig config = dds.config();
        PreparedModel t = Dds.prepare(set.get(target), config);
        List<Scored> scored = new ArrayList<>();
        for (FeatureMatrix source : set.models()) {
            if (!source.name().equals(target)) {
                scored.add(new Scored(source.name(), Dds.prepare(source, config).similarity(t),
                        scored.size()));
            }
        }
        // Ties keep the order of the features, so the ranking is deterministic.
        scored.sort(Comparator.comparingDouble(Scored::dds).reversed().thenComparingInt(Scored::order));
        ResultTable.Builder table = ResultTable.builder("rank", "Sources ranked by DDS with " + target)
                .integer("rank").text("model").real("dds");
        for (int k = 0; k < scored.size(); k++) {
            table.row(k + 1, scored.get(k).model(), scored.get(k).dds());
        }
        emit(table.build(), out);
    }
}
