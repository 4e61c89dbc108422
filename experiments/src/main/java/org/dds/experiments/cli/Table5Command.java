package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.experiments.training.Table5;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.groundtruth.runs.TrainingRuns;
import org.dds.reports.ExperimentResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds table5}: paper Table 5 from finished training runs, beside the published values. */
@Command(name = "table5", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Paper Table 5 from the runs of dds train, beside the published values, as CSV.",
        description = {
            "Reads every result.csv of dds train under --runs (at most two levels down) and writes one row per run:"
                    + " dataset, task, block, metric, reproduced, published (paper Table 5), difference, epochs,"
                    + " weights. ./dds reproduce includes the same table when runs/ (or $DDS_RUNS) holds runs."
        },
        footer = {"%nExample:", "  ./dds table5 --runs runs/", "%n" + Help.EXIT_CODES})
final class Table5Command extends DdsSubcommand {
    @Option(names = "--runs", paramLabel = "DIR", description = "the directory of run directories (default: runs/"
            + " in the repository, or $DDS_RUNS)")
    Path runs;

    @Option(names = "--out", paramLabel = "FILE", description = "write the CSV to FILE instead of stdout")
    Path out;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.FILE));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--runs", runs));
    }

    @Override
    void execute() {
        Path dir = runs != null ? runs : Table5.runsDirectory();
        if (TrainingRuns.read(dir).isEmpty()) {
            throw new DdsInputException(dir + " holds no finished run (no " + TrainingRuns.RESULT_CSV + "): train"
                    + " with ./dds train ... --out " + dir + "/<name> first");
        }
        ExperimentRunner runner = new ExperimentRunner(this);
        ExperimentResult result = runner.result(new Table5(dir),
                runner.context(GroundTruthLocator.system().locate(), Optional.empty(), false, 0));
        emit(result.table("table5"), out);
    }
}
