package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

import org.dds.core.MapShape;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.evaluation.TaskonomyMatrix;
import org.dds.experiments.taskonomy.Table2;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ReportWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dds table2}: the paper's Table-2 ablation, 7 normalisations x 6 functions f, as a CSV grid. */
@Command(name = "table2", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Paper Table 2: the 7 x 6 DDS ablation scored against Taskonomy, as CSV.",
        description = {
            "Computes the ablation of Dwivedi et al. (ECCV 2020), Table 2: DDS with each (Q,D) normalisation (identity,"
                    + " centering, zscore, batch_norm, instance_norm, layer_norm, group_norm) and each function f"
                    + " (linear, rbf, laplacian, pearson, euclidean, cosine), g = unbiased CKA, between the Taskonomy"
                    + " models on the first N images; each cell is the mean over the 17 target tasks of the Spearman"
                    + " correlation between a column of the DDS matrix and the same column of the Taskonomy"
                    + " matrix (--against). colorization, class_places and inpainting_whole have no ground truth and"
                    + " are left out by name; models that are not Taskonomy models are ignored.",
            "Writes CSV: header 'norm,linear,rbf,laplacian,pearson,euclidean,cosine', one row per normalisation, in"
                    + " full double precision. p-values and bootstrap intervals: ./dds reproduce."
        },
        footer = {
            "%nExamples:",
            "  ./dds table2 --features ~/features/taskonomy_pascal_feats_taskonomy_5000.npy --out table2.csv",
            "  ./dds table2 --features ~/features --against affinity --per-task per-task.csv",
            "%nFeatures: the authors' taskonomy_pascal_feats_taskonomy_5000.npy (download link in"
                    + " github.com/cvai-roig-lab/duality-diagram-similarity), the directory that holds it, or any"
                    + " feature file or directory (see ./dds affinity --help) whose models are named like the"
                    + " Taskonomy models. Without --features, the environment variable DDS_FEATURES.",
            "%n" + Help.GROUND_TRUTH,
            "%n" + Help.EXIT_CODES
        })
final class Table2Command extends DdsSubcommand {
    @Mixin
    TaskonomyOptions taskonomy;

    @Option(names = "--against", paramLabel = "MATRIX", defaultValue = "winrate",
            converter = TaskonomyOptions.Against.class, completionCandidates = TaskonomyOptions.Against.class,
            description = "the Taskonomy matrix to score against: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE},"
                    + " as the paper's caption says)")
    TaskonomyMatrix against;

    @Option(names = "--shape", paramLabel = "H,W,C", defaultValue = "16,16,8", converter = Converters.Shape.class,
            description = "feature-map shape, channels last, for the map normalisations (default: ${DEFAULT-VALUE},"
                    + " the Taskonomy encoders)")
    MapShape shape;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the grid to FILE (complete or not at all) instead of stdout")
    Path out;

    @Option(names = "--per-task", paramLabel = "FILE",
            description = "also write the Spearman of every target task, CSV 'norm,f,<targets...>'")
    Path perTask;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.FILE),
                new Outputs.Output("--per-task", perTask, Outputs.Kind.FILE));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--features", taskonomy.features),
                new Outputs.Input("--groundtruth", taskonomy.groundTruth));
    }

    @Override
    void execute() {
        Path path = taskonomy.featuresPath(System::getenv);
        TaskonomyInputs inputs = taskonomy.inputs(path, DdsOptions.read(path, "--features"));
        ExperimentRunner runner = new ExperimentRunner(this);
        ExperimentResult result = runner.result(Table2.means(inputs, against, shape),
                runner.context(taskonomy.groundTruth(), Optional.empty(), false, 0));
        if (perTask != null) {
            ReportWriter.writeCsv(perTask, result.table("table2-per-task"));
            err().println("wrote " + perTask.toAbsolutePath().normalize());
        }
        emit(result.table("table2"), out);
    }
}
