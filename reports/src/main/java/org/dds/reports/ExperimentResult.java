package org.dds.reports;

import java.util.List;
import java.util.Objects;

/**
 * What one experiment produced: its name, the part of the paper it reproduces, a sentence or two on what was
 * found, and its tables.
 *
 * @param name      the experiment's name, e.g. {@code taskonomy-agreement}
 * @param reference what it reproduces, e.g. "paper Table 3 (Taskonomy affinity vs. winrate)"
 * @param summary   what was computed and found, in a few sentences of Markdown
 * @param tables    its result tables, at least one, with distinct ids
 */
public record ExperimentResult(String name, String reference, String summary, List<ResultTable> tables) {

    /** Validates and copies the fields. */
    public ExperimentResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(summary, "summary");
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("experiment '" + name + "' produced no table");
        }
    }
}
