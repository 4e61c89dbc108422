package org.dds.experiments.cli;

import java.nio.file.Path;

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
            "The directory is replaced whole (files that are not part of the report are removed) or, on any"
                    + " error, left as it was. Prints the path of index.html."
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
    void execute() {
        Path index = ReportWriter.regenerate(run);
        err().println("regenerated " + run.toAbsolutePath().normalize() + " from " + ReportWriter.RESULTS_FILE);
        out().println(index);
    }
}
