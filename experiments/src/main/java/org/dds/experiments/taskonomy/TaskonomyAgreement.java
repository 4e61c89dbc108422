package org.dds.experiments.taskonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dds.core.stats.Correlation;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.AgreementReadings;
import org.dds.experiments.evaluation.TaskonomyBenchmark;
import org.dds.experiments.published.PublishedTable;
import org.dds.groundtruth.TransferMatrix;
import org.dds.groundtruth.taskonomy.TaskonomyGroundTruth;
import org.dds.reports.ChartSpec;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;

/**
 * How well the two Taskonomy ground truths agree (Dwivedi et al., ECCV 2020, Table 3, rows "Taskonomy affinity"
 * and "Taskonomy winrate"): for every target task j of the 17, Spearman(affinity[:, j], winrate[:, j]) over the 17
 * sources, diagonal included, with average ranks for ties; the score is the mean over the targets. The paper
 * prints 0.988. This needs no features, only the two public matrices (Zamir et al., CVPR 2018), and is reported
 * as computed: the public files give a different value.
 *
 * <p>The paper's sentence leaves three choices open, so the report also shows every reading of it
 * ({@link AgreementReadings}: mean or median over the targets, with or without the diagonal, Spearman or Pearson)
 * beside 0.988, and says which readings round to it. The headline stays SPEC section 4's protocol.
 */
public final class TaskonomyAgreement implements Experiment {
    private static final String QUANTITY = "mean over 17 targets of Spearman(affinity[:, j], winrate[:, j])";

    @Override
    public String name() {
        return "taskonomy-agreement";
    }

    @Override
    public String paperReference() {
        return "paper Table 3, rows 'Taskonomy affinity' and 'Taskonomy winrate': their agreement, 0.988";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of(
                RequiredInput.groundTruth("Taskonomy affinity matrix", TaskonomyGroundTruth.AFFINITY_FILE),
                RequiredInput.groundTruth("Taskonomy winrate matrix", TaskonomyGroundTruth.WINRATE_FILE));
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        TransferMatrix affinity = TaskonomyGroundTruth.affinity(context.groundTruthDirectory());
        TransferMatrix winrate = TaskonomyGroundTruth.winrate(context.groundTruthDirectory());
        double[] rho = TaskonomyBenchmark.agreement(affinity, winrate);
        double mean = Correlation.mean(rho);
        List<String> tasks = affinity.tasks();

        double published = PublishedTable.table3().value("Taskonomy affinity", "winrate");
        ResultTable summary = ResultTable.builder(name(), "Agreement of the Taskonomy affinity and winrate matrices")
                .text("quantity").real("reproduced", "published", "difference")
                .row(QUANTITY, mean, published, mean - published)
                .published(new PublishedValue(QUANTITY, mean, published, PublishedTable.THREE_DECIMALS,
                        "paper Table 3"))
                .build();
        ResultTable.Builder perTask = ResultTable.builder(name() + "-per-task",
                "Spearman(affinity[:, j], winrate[:, j]) per target task j").text("target").real("spearman");
        for (int j = 0; j < rho.length; j++) {
            perTask.row(tasks.get(j), rho[j]);
        }

        List<AgreementReadings.Reading> readings = AgreementReadings.all(affinity.values(), winrate.values());
        ResultTable.Builder byReading = ResultTable.builder(name() + "-readings", "The agreement under each reading"
                + " of the protocol (summary over the 17 targets; each column with or without its diagonal entry;"
                + " Spearman or Pearson) beside the paper's 0.988").text("reading", "over targets", "diagonal",
                        "correlation").real("agreement", "published", "difference").text("rounds to published",
                                "SPEC protocol");
        List<String> matching = new ArrayList<>();
        for (AgreementReadings.Reading r : readings) {
            boolean matches = Math.abs(r.value() - published) <= PublishedTable.THREE_DECIMALS;
            if (matches) {
                matching.add(String.format(Locale.ROOT, "%s (%.6f)", r.label(), r.value()));
            }
            byReading.row(r.label(), r.median() ? "median" : "mean", r.diagonal() ? "with" : "without",
                    r.pearson() ? "pearson" : "spearman", r.value(), published, r.value() - published,
                    matches ? "yes" : "no", r.isProtocol() ? "yes (the headline)" : "no");
        }

        String lowest = IntStream.range(0, rho.length).boxed().sorted(Comparator.comparingDouble(j -> rho[j]))
                .limit(3).map(j -> String.format(Locale.ROOT, "%s (%.3f)", tasks.get(j), rho[j]))
                .collect(Collectors.joining(", "));
        String text = String.format(Locale.ROOT, "Mean over the %d target tasks of the Spearman correlation between"
                + " each column of the Taskonomy affinity matrix and the same column of the winrate matrix (all %d"
                + " sources, diagonal included, average ranks for ties). The public files give %.6f; the paper"
                + " prints %.3f (difference %+.4f). The value is reported as computed, not adjusted to the paper."
                + " The targets that agree least are %s.", rho.length, rho.length, mean, published,
                mean - published, lowest);
        text += matching.isEmpty() ? " No reading of the protocol (mean or median over targets, with or without the"
                + " diagonal, Spearman or Pearson) gives 0.988 to three decimals; see the readings table."
                : " Of the " + readings.size() + " readings of the protocol (mean or median over targets, with or"
                        + " without the diagonal, Spearman or Pearson), " + (matching.size() == 1 ? "one rounds"
                        : matching.size() + " round") + " to the paper's " + String.format(Locale.ROOT, "%.3f",
                                published) + ": " + String.join("; ", matching) + ". The headline above stays"
                        + " SPEC section 4's protocol (mean, with the diagonal, Spearman).";
        return new ExperimentResult(name(), paperReference(), text, List.of(summary, perTask.build(),
                byReading.build())).withCharts(ChartSpec.bars(name() + "-readings", "reading", "agreement"));
    }
}
