package org.dds.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one experiment produced: its name, the part of the paper it reproduces, a sentence or two on what was
 * found, its tables, and the charts it asks for. Tables that no chart names get a default chart where their shape
 * makes one obvious (a square matrix gets a heatmap, a label column with one numeric column gets bars).
 *
 * @param name      the experiment's name, e.g. {@code taskonomy-agreement}
 * @param reference what it reproduces, e.g. "paper Table 3 (Taskonomy affinity vs. winrate)"
 * @param summary   what was computed and found, in a few sentences of Markdown
 * @param tables    its result tables, at least one, with distinct ids
 * @param charts    the charts it asks for, each naming tables of this result; empty for the defaults only
 */
public record ExperimentResult(String name, String reference, String summary, List<ResultTable> tables,
        List<ChartSpec> charts) {

    /** Validates and copies the fields; every chart is checked against the tables it names. */
    public ExperimentResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(summary, "summary");
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("experiment '" + name + "' produced no table");
        }
        Map<String, ResultTable> byId = new LinkedHashMap<>();
        for (ResultTable t : tables) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("experiment '" + name + "' has two tables called '" + t.id()
                        + "': table ids name files, so they must be distinct");
            }
        }
        charts = List.copyOf(charts);
        for (ChartSpec c : charts) {
            try {
                c.check(byId);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("experiment '" + name + "': " + e.getMessage(), e);
            }
        }
    }

    /**
     * A result that asks for no chart (tables get the default charts their shape suggests).
     *
     * @param name      the experiment's name
     * @param reference what it reproduces
     * @param summary   what was found, in Markdown
     * @param tables    its tables
     */
    public ExperimentResult(String name, String reference, String summary, List<ResultTable> tables) {
        this(name, reference, summary, tables, List.of());
    }

    /**
     * @param id a table id
     * @return the table with that id
     * @throws IllegalArgumentException if there is none such
     */
    public ResultTable table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(name + " has no table '" + id + "': its tables are "
                        + tables.stream().map(ResultTable::id).toList()));
    }

    /**
     * @param more charts to ask for, e.g. {@code ChartSpec.heatmap("gt", "dds")}
     * @return this result with those charts added after the ones it already asks for
     */
    public ExperimentResult withCharts(ChartSpec... more) {
        List<ChartSpec> all = new ArrayList<>(charts);
        all.addAll(Arrays.asList(more));
        return new ExperimentResult(name, reference, summary, tables, all);
    }
}
