package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.List;

import org.dds.core.FeatureSet;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.taskonomy.Table3;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.reports.ExperimentResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dds table3}: the paper's Table 3, DDS and RSA against both Taskonomy matrices, with measured times. */
@Command(name = "table3", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Paper Table 3: DDS and RSA against the Taskonomy matrices, with measured times, as CSV.",
        description = {
            "Computes Table 3 of Dwivedi et al. (ECCV 2020): DDS (f = cosine) and DDS (f = Laplacian), both z-score"
                    + " and unbiased CKA, and RSA (raw features, 1 - Pearson, Spearman), each the mean over the 17"
                    + " Taskonomy target tasks of the per-target Spearman correlation with the affinity and the"
                    + " winrate matrix; the ground-truth rows (how the two matrices agree with each other); the"
                    + " attribution-map rows as published (not reproduced).",
            "The time columns are measured here: features_load_s is reading the features file, dds_s one DDS"
                    + " matrix over the evaluated models (after a warm-up run); published_total_s is the paper's,"
                    + " which includes 74.8 s of forward passes.",
            "Writes CSV 'method,affinity,winrate,published_affinity,published_winrate,affinity_difference,"
                    + "winrate_difference,features_load_s,dds_s,published_total_s'; n/a where a row has no value."
        },
        footer = {
            "%nExamples:",
            "  ./dds table3 --features ~/features --out table3.csv",
            "%nFeatures: as for ./dds table2 (see ./dds table2 --help).",
            "%n" + Help.GROUND_TRUTH,
            "%n" + Help.EXIT_CODES
        })
final class Table3Command extends DdsSubcommand {
    @Mixin
    TaskonomyOptions taskonomy;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the CSV to FILE (complete or not at all) instead of stdout")
    Path out;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.FILE));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--features", taskonomy.features),
                new Outputs.Input("--groundtruth", taskonomy.groundTruth));
    }

    @Override
    void execute() {
        Path path = taskonomy.featuresPath(System::getenv);
        // One read, timed: the time it takes is one of the results.
        Map.Entry<FeatureSet, Double> read = Table3.readTimed(path);
        TaskonomyInputs inputs = taskonomy.inputs(path, read.getKey());
        GroundTruthLocation groundTruth = taskonomy.groundTruth();
        ExperimentRunner runner = new ExperimentRunner(this);
        ExperimentResult result = runner.result(Table3.asPrinted(inputs, read.getValue(), groundTruth.directory()),
                runner.context(groundTruth, Optional.empty(), false, 0));
        emit(result.table("table3"), out);
    }
}
