package org.dds.experiments.taskonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.Interval;
import org.dds.experiments.evaluation.Scoring;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.evaluation.TaskonomyMatrix;
import org.dds.experiments.evaluation.TaskonomyMethods;
import org.dds.experiments.evaluation.TaskonomySettings;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;

/**
 * Figure 2 and supplementary section S9 of Dwivedi et al. (ECCV 2020): the per-target vectors behind the Table-3
 * scores, Spearman(GT[:, j], DDS[:, j]) for every one of the 17 Taskonomy targets, for DDS (cosine and Laplacian,
 * z-score, unbiased CKA) and RSA, against both matrices, each with a permutation p-value and a bootstrap interval.
 */
public final class PerTaskCorrelations implements Experiment {

    @Override
    public String name() {
        return "per-task";
    }

    @Override
    public String paperReference() {
        return "Figure 2 and supplementary S9: Spearman per Taskonomy target for DDS (cosine, Laplacian; z-score)"
                + " and RSA";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return new Table3().requiredInputs();
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        return run(context, TaskonomySettings.of(context));
    }

    /**
     * @param context  the run
     * @param settings images, permutations, replicates, draws, level and seed
     * @return the results
     */
    ExperimentResult run(ExperimentContext context, TaskonomySettings settings) {
        TaskonomyInputs inputs = TaskonomyInputs.load(context, settings.images());
        Map<String, Map<TaskonomyMatrix, Scoring.Cell>> cells = Scoring.withSignificance(inputs.models(),
                inputs.benchmark(), TaskonomyMethods.variants(), settings, name(), context.progress());
        List<String> targets = inputs.benchmark().targets();
        ResultTable.Builder rows = ResultTable.builder(name(), "Spearman per target task, with "
                + settings.levelPercent() + " bootstrap intervals and permutation p-values")
                .text("method", "against", "target").real("spearman", "ci_lower", "ci_upper", "p_value");
        ResultTable.Builder wide = ResultTable.builder(name() + "-wide", "Spearman per target task, one column per"
                + " method and matrix (the bars of Figure 2)").text("target");
        cells.forEach((method, byMatrix) -> byMatrix.forEach((m, c) -> {
            wide.real(method + " vs " + m.cliName());
            double[] rho = c.score().perTask();
            double[] p = c.significance().perTaskP();
            for (int j = 0; j < targets.size(); j++) {
                Interval ci = c.significance().perTaskIntervals().get(j);
                rows.row(method, m.cliName(), targets.get(j), rho[j], ci.lower(), ci.upper(), p[j]);
            }
        }));
        for (int j = 0; j < targets.size(); j++) {
            List<Object> row = new ArrayList<>(List.of(targets.get(j)));
            int target = j;
            cells.values().forEach(byMatrix -> byMatrix.values().forEach(c -> row.add(c.score().perTask()[target])));
            wide.row(row);
        }
        String summary = "Spearman(GT[:, j], DDS[:, j]) over the 17 sources for each target task j: the vectors whose"
                + " means are Table 3. " + inputs.describe() + " " + settings.describe()
                + Scoring.intervalNote(cells, inputs.benchmark().targets());
        return new ExperimentResult(name(), paperReference(), summary, List.of(rows.build(), wide.build()));
    }
}
