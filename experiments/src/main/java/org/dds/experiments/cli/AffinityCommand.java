package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
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

    @Override
    void execute() {
        FeatureSet set = dds.firstImages(dds.features(features, "--features"));
        AffinityMatrix a = AffinityMatrix.compute(set, dds.config());
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
