package org.dds.reports;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one run hands to {@link ReportWriter}: the results of the experiments that ran, those that were
 * skipped, and the run's provenance.
 *
 * @param title      heading of {@code report.md}
 * @param results    the experiments that ran, in order; their table ids are distinct
 * @param skipped    the experiments that did not run, with the reason
 * @param provenance where the results came from
 */
public record Report(String title, List<ExperimentResult> results, List<SkippedExperiment> skipped,
        Provenance provenance) {

    /** Validates and copies the fields. */
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(provenance, "provenance");
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
        Set<String> ids = new HashSet<>();
        for (ExperimentResult r : results) {
            for (ResultTable t : r.tables()) {
                if (!ids.add(t.id())) {
                    throw new IllegalArgumentException("two tables are called '" + t.id() + "': table ids name"
                            + " files, so they must be distinct");
                }
            }
        }
    }
}
