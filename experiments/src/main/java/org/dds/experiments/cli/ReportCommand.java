package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.List;

import org.dds.reports.ReportWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds report --run DIR}: regenerates a run's report from its stored results, without recomputing. */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Regenerates a run's report from its stored results.",
        description = {
            "Reads reports/<run>/results.json, which ./dds reproduce stores beside its report, and writes the run"
                    + " directory again from it: index.html (charts embedded; opens from disk, no network),"
                    + " report.md, one CSV per table, provenance.json and charts/ (PNG and SVG). Nothing is"
                    + " recomputed, so it takes seconds; use it after upgrading dds to get the newer report.",
            "Only the report's own files are replaced, each one whole; any other file in the directory is left"
                    + " alone, so --run . is safe. On an error before the files are moved into place, nothing"
                    + " changes. Prints the path of index.html."
        },
        footer = {
            "%nExamples:",
            "  ./dds report --run reports/20261126-213000",
            "%n" + Help.EXIT_CODES
        })
final class ReportCommand extends DdsSubcommand {
    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "the run directory that ./dds reproduce wrote, e.g. reports/20261126-213000")
    Path run;

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--run", run, Outputs.Kind.DIRECTORY));
    }

    @Override
    void execute() {
        Path index = ReportWriter.regenerate(run);
        err().println("regenerated " + run.toAbsolutePath().normalize() + " from " + ReportWriter.RESULTS_FILE);
        out().println(index);
    }
}
