package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSource;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.TiledAffinity;
import org.dds.reports.CellType;
import org.dds.reports.ResultTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dds affinity}: the T x T DDS matrix of a set of models, as CSV. */
@Command(name = "affinity", sortOptions = false, mixinStandardHelpOptions = true,
        header = "The T x T DDS matrix of every pair of models, as CSV.",
        description = {
            "Computes DDS between every pair of models: a T x T matrix, A[i][j] = DDS(model i, model j), symmetric,"
                    + " 1 on the diagonal for g = cka.",
            "Writes CSV: a header 'model,<names...>' and one row per model, in full double precision."
        },
        footer = {
            "%nExamples:",
            "  ./dds affinity --features feats/ --out affinity.csv",
            "  ./dds affinity --features feats/ --f laplacian --images 500",
            "  ./dds affinity --features feats/ --norm batch_norm --shape 16,16,8",
            "  ./dds affinity --features feats/ --images 20000 --engine tiled",
            "  ./dds affinity --features feats/ --images 5000 --engine spark --master local[2]",
            "%n" + Help.FEATURES,
            "%n" + Help.EXIT_CODES
        })
final class AffinityCommand extends DdsSubcommand {
    @Option(names = "--features", required = true, paramLabel = "PATH",
            description = "the models' features (see below)")
    Path features;

    @Mixin
    DdsOptions dds;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the CSV to FILE (complete or not at all) instead of stdout")
    Path out;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "auto",
            converter = Converters.Engine.class, completionCandidates = Converters.Engine.class,
            description = "how to compute: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: tiled when every"
                    + " model's n x n matrix would not fit in the heap, else memory). tiled and spark read .npy"
                    + " features memory-mapped and never form an n x n matrix; g = spearman needs memory.")
    AffinityEngine engine;

    @Option(names = "--tile", paramLabel = "B", defaultValue = "0",
            description = "images per tile for --engine tiled or spark (default: chosen from the heap)")
    int tile;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master for --engine spark, e.g. local[2] or spark://host:7077"
                    + " (default: ${DEFAULT-VALUE})")
    String master;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.FILE));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--features", features));
    }

    @Override
    void execute() {
        List<FeatureSource> sources = DdsOptions.sources(features, "--features");
        int n = dds.imageCount(sources.get(0).rows());
        AffinityEngine chosen = engine == AffinityEngine.AUTO ? AffinityEngine.choose(sources.size(), n,
                AffinityEngine.maxCols(sources), Runtime.getRuntime().maxMemory()) : engine;
        if (tile < 0) {
            throw new DdsInputException("--tile " + tile + " is negative: give a number of images per tile, or 0 to"
                    + " choose it from the heap");
        }
        AffinityMatrix a = switch (chosen) {
            case MEMORY, AUTO -> AffinityMatrix.compute(dds.firstImages(dds.features(features, "--features")),
                    dds.config());
            case TILED -> TiledAffinity.compute(sources.stream().map(s -> s.firstRows(n)).toList(), dds.config(),
                    tile, new AffinityEngine.StderrProgress(err(), "affinity"));
            case SPARK -> SparkEngine.compute(features, n, dds.config(), tile, master, err());
        };
        emit(table(a), out);
    }

    /**
     * @param a an affinity matrix
     * @return it as a table: column "model", then one column per model
     */
    static ResultTable table(AffinityMatrix a) {
        ResultTable.Builder table = ResultTable.builder("affinity", "DDS affinity matrix").text("model")
                .columns(a.names(), CellType.REAL);
        for (int i = 0; i < a.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(a.names().get(i));
            for (int j = 0; j < a.size(); j++) {
                row.add(a.get(i, j));
            }
            table.row(row);
        }
        return table.build();
    }
}
