package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import org.dds.core.DdsInputException;
import org.dds.core.stats.SeedMix;
import org.dds.reports.Cell;
import org.dds.reports.ChartSpec;
import org.dds.reports.ResultTable;

/**
 * Several ranking methods side by side against several ground truths (the Mini-Taskonomy comparison of DDS, RSA,
 * CKA and the transferability estimators): for each target, each method gives a score per source, or says why it
 * does not apply; every method is scored against every ground truth with the five measures of {@link RankingMetrics},
 * per target and as means over the targets with intervals and p-values ({@link RankingSummary}).
 *
 * <p>It makes three tables and one chart: {@code <id>} (method x ground truth, per measure the mean, the interval
 * and the p-value, and the targets where the method did not apply with the reason), {@code <id>-per-target} (the
 * five measures per method, ground truth and target, or the reason there is none), and {@code <id>-picks} with a
 * bar chart: per method and ground truth, how often the method's first source is the best one and the mean relative
 * regret of that pick (rows whose regret is undefined are left out of that table and listed in its title).
 */
public final class MethodComparison {

    /** A method's scores for one target. */
    public sealed interface Scores permits Scores.Values, Scores.NotApplicable {
        /**
         * @param values the score of each source, in the comparison's source order (larger ranks higher)
         * @return those scores
         */
        static Scores of(double... values) {
            return new Values(values);
        }

        /**
         * @param reason why the method does not apply, e.g. "LEEP needs a classifier source"
         * @return a method that does not apply
         */
        static Scores notApplicable(String reason) {
            return new NotApplicable(reason);
        }

        /** @param values one score per source, finite */
        record Values(double[] values) implements Scores {
            /** Copies and checks the scores. */
            public Values {
                values = values.clone();
                for (int i = 0; i < values.length; i++) {
                    if (!Double.isFinite(values[i])) {
                        throw new DdsInputException("score " + i + " is " + values[i] + ": a method's scores must"
                                + " be finite; say why it does not apply instead (Scores.notApplicable)");
                    }
                }
            }

            /** @return a copy of the scores */
            @Override
            public double[] values() {
                return values.clone();
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Values v && Arrays.equals(values, v.values);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(values);
            }

            @Override
            public String toString() {
                return Arrays.toString(values);
            }
        }

        /** @param reason why the method does not apply */
        record NotApplicable(String reason) implements Scores {
            /** Checks the reason. */
            public NotApplicable {
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("say why the method does not apply");
                }
            }
        }
    }

    /**
     * A ground truth: one value per source and target, larger is better.
     *
     * @param name   e.g. "transfer"
     * @param values sources x targets
     */
    public record Truth(String name, double[][] values) {
        /** Copies the matrix. */
        public Truth {
            Objects.requireNonNull(name, "name");
            values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
        }

        /** @return a copy of the matrix */
        @Override
        public double[][] values() {
            return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
        }
    }

    /**
     * How the means are tested.
     *
     * @param replicates   bootstrap replicates over the targets, at least 2
     * @param permutations shufflings per p-value, at least 1
     * @param level        the intervals' confidence level
     * @param seed         the run's seed; each (method, ground truth) derives its own
     */
    public record Settings(int replicates, int permutations, double level, long seed) {
    }

    /**
     * What the comparison gives the report.
     *
     * @param tables the three tables
     * @param chart  the chart of picks
     * @param note   one sentence for the result's summary: every interval contains its mean, or which do not
     */
    public record Output(List<ResultTable> tables, ChartSpec chart, String note) {
        /** Copies the list. */
        public Output {
            tables = List.copyOf(tables);
        }
    }

    private MethodComparison() {
    }

    /**
     * @param id            the id of the main table; the others add a suffix
     * @param sources       the sources, in the order of the scores and the ground-truth rows
     * @param targets       the targets, in the order of the ground-truth columns
     * @param truths        the ground truths, sources x targets each
     * @param methods       per method, its scores for each target (in target order)
     * @param withOwnSource false to leave out, for each target, the source of the same name (its own model)
     * @param settings      replicates, permutations, level, seed
     * @return the tables and the chart
     * @throws DdsInputException if a size does not match
     */
    public static Output compare(String id, List<String> sources, List<String> targets, List<Truth> truths,
            Map<String, List<Scores>> methods, boolean withOwnSource, Settings settings) {
        check(sources, targets, truths, methods);
        ResultTable.Builder summary = ResultTable.builder(id, "Each method against each ground truth: the five"
                + " ranking measures as means over the targets, " + Math.round(settings.level() * 100) + "% bootstrap"
                + " intervals over the targets (" + settings.replicates() + " replicates) and permutation p-values ("
                + settings.permutations() + " shufflings of each target's scores; two-sided for the correlations,"
                + " one-sided for top-1 hit and regret); " + (withOwnSource ? "every source" : "each target's own"
                + " source left out")).text("method", "ground truth").integer("targets");
        for (RankingMetric m : RankingMetric.values()) {
            summary.real(m.label(), m.label() + " ci lower", m.label() + " ci upper", m.label() + " p");
        }
        summary.text("not applicable");
        ResultTable.Builder perTarget = ResultTable.builder(id + "-per-target", "The five ranking measures per"
                + " method, ground truth and target").text("method", "ground truth", "target");
        for (RankingMetric m : RankingMetric.values()) {
            perTarget.real(m.label());
        }
        List<List<Object>> picks = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        int intervals = 0;
        for (Map.Entry<String, List<Scores>> method : methods.entrySet()) {
            for (Truth truth : truths) {
                List<double[]> truthColumns = new ArrayList<>();
                List<double[]> scoreColumns = new ArrayList<>();
                Map<String, String> notApplicable = new LinkedHashMap<>();
                for (int j = 0; j < targets.size(); j++) {
                    String target = targets.get(j);
                    int own = withOwnSource ? -1 : sources.indexOf(target);
                    Scores s = method.getValue().get(j);
                    List<Object> row = new ArrayList<>(List.of(method.getKey(), truth.name(), target));
                    String reason = null;
                    if (s instanceof Scores.NotApplicable na) {
                        reason = na.reason();
                    } else {
                        double[] t = drop(Vectors.column(truth.values, j), own);
                        double[] v = drop(((Scores.Values) s).values, own);
                        try {
                            RankingMetrics metrics = RankingMetrics.of(t, v);
                            truthColumns.add(t);
                            scoreColumns.add(v);
                            for (RankingMetric m : RankingMetric.values()) {
                                OptionalDouble x = metrics.value(m);
                                row.add(x.isPresent() ? Double.valueOf(x.getAsDouble())
                                        : Cell.missing("undefined (best ground truth is 0)"));
                            }
                        } catch (DdsInputException e) {
                            reason = "undefined: " + e.getMessage();
                        }
                    }
                    if (reason != null) {
                        notApplicable.put(target, reason);
                        for (RankingMetric m : RankingMetric.values()) {
                            row.add(Cell.missing("not applicable: " + reason));
                        }
                    }
                    perTarget.row(row);
                }
                List<Object> row = new ArrayList<>(List.of(method.getKey(), truth.name(), truthColumns.size()));
                Map<RankingMetric, RankingSummary.Entry> entries = truthColumns.isEmpty() ? null
                        : RankingSummary.of(truthColumns, scoreColumns, settings.replicates(),
                                settings.permutations(), settings.level(),
                                SeedMix.derive(settings.seed(), id, method.getKey(), truth.name()));
                String why = describe(notApplicable);
                for (RankingMetric m : RankingMetric.values()) {
                    RankingSummary.Entry e = entries == null ? null : entries.get(m);
                    addEntry(row, e, why);
                    if (e != null && e.interval() != null) {
                        intervals++;
                        if (!e.interval().contains(e.mean().getAsDouble())) {
                            misses.add(String.format(java.util.Locale.ROOT, "%s vs %s, %s %.4f outside [%.4f, %.4f]",
                                    method.getKey(), truth.name(), m.label(), e.mean().getAsDouble(),
                                    e.interval().lower(), e.interval().upper()));
                        }
                    }
                }
                row.add(why);
                summary.row(row);
                OptionalDouble top1 = entries == null ? OptionalDouble.empty() : entries.get(RankingMetric.TOP1).mean();
                OptionalDouble regret = entries == null ? OptionalDouble.empty()
                        : entries.get(RankingMetric.REGRET).mean();
                String label = method.getKey() + " vs " + truth.name();
                if (top1.isPresent() && regret.isPresent()) {
                    picks.add(List.of(label, top1.getAsDouble(), regret.getAsDouble()));
                } else {
                    leftOut.add(label);
                }
            }
        }
        ResultTable.Builder picksTable = ResultTable.builder(id + "-picks", "Which method picks the best source how"
                + " often, and at what regret: per method and ground truth, the share of targets where its first"
                + " source is the best, and the mean relative regret (best - picked) / |best| of that pick"
                + (leftOut.isEmpty() ? "" : " (left out, no value: " + String.join(", ", leftOut) + ")"))
                .text("method").real("top-1 hit rate", "mean relative regret");
        picks.forEach(picksTable::row);
        String note = misses.isEmpty() ? "Every one of the " + intervals + " intervals of " + id + " contains its mean."
                : misses.size() + " of the " + intervals + " intervals of " + id + " do not contain their own mean: "
                        + String.join("; ", misses) + ".";
        return new Output(List.of(summary.build(), perTarget.build(), picksTable.build()),
                ChartSpec.bars(id + "-picks", "method", "top-1 hit rate", "mean relative regret"), note);
    }

    private static void check(List<String> sources, List<String> targets, List<Truth> truths,
            Map<String, List<Scores>> methods) {
        if (sources.size() < 3 || targets.isEmpty() || truths.isEmpty() || methods.isEmpty()) {
            throw new DdsInputException("a method comparison needs at least 3 sources, 1 target, 1 ground truth and"
                    + " 1 method, got " + sources.size() + ", " + targets.size() + ", " + truths.size() + " and "
                    + methods.size());
        }
        for (Truth t : truths) {
            if (t.values.length != sources.size() || Arrays.stream(t.values).anyMatch(r -> r.length
                    != targets.size())) {
                throw new DdsInputException("ground truth '" + t.name() + "' must be " + sources.size() + " sources x "
                        + targets.size() + " targets");
            }
        }
        methods.forEach((name, scores) -> {
            if (scores.size() != targets.size()) {
                throw new DdsInputException("method '" + name + "' has scores for " + scores.size() + " targets but"
                        + " there are " + targets.size() + ": give one entry per target, in target order");
            }
            for (int j = 0; j < scores.size(); j++) {
                if (scores.get(j) instanceof Scores.Values v && v.values.length != sources.size()) {
                    throw new DdsInputException("method '" + name + "', target '" + targets.get(j) + "': "
                            + v.values.length + " scores for " + sources.size() + " sources");
                }
            }
        });
    }

    /** @return v without entry {@code skip} (v itself when skip is negative) */
    private static double[] drop(double[] v, int skip) {
        if (skip < 0) {
            return v;
        }
        double[] out = new double[v.length - 1];
        for (int i = 0, k = 0; i < v.length; i++) {
            if (i != skip) {
                out[k++] = v[i];
            }
        }
        return out;
    }

    private static void addEntry(List<Object> row, RankingSummary.Entry e, String why) {
        if (e == null || e.mean().isEmpty()) {
            Cell none = Cell.missing(e == null ? "not applicable: " + why : "undefined for every target");
            row.addAll(List.of(none, none, none, none));
            return;
        }
        Cell noInterval = Cell.missing("n/a (one target)");
        row.add(e.mean().getAsDouble());
        row.add(e.interval() == null ? noInterval : Double.valueOf(e.interval().lower()));
        row.add(e.interval() == null ? noInterval : Double.valueOf(e.interval().upper()));
        row.add(e.p().getAsDouble());
    }

    private static String describe(Map<String, String> notApplicable) {
        if (notApplicable.isEmpty()) {
            return "-";
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        notApplicable.forEach((target, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(target));
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, targets) -> parts.add(reason + " (" + String.join(", ", targets) + ")"));
        return String.join("; ", parts);
    }
}
