package org.dds.experiments.taskonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.dds.core.affinity.Ablation;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.kernel.FunctionType;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.NormalizationType;
import org.dds.core.normalization.ZScore;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.AblationGrid;
import org.dds.experiments.evaluation.Scoring;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.evaluation.TaskonomyMatrix;
import org.dds.experiments.evaluation.TaskonomySettings;
import org.dds.experiments.published.PublishedTable;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;

/**
 * The Table-2 protocol with the normalisation fixed to z-score and g varied: every function f under each of several
 * comparisons g, against both Taskonomy matrices, with p-values and bootstrap intervals. The unbiased-CKA row is
 * Table 2's z-score row and is shown beside the authors' notebook.
 */
abstract class ComparisonAblation implements Experiment {

    /** @return the comparisons g, by the label shown in the report, in row order */
    abstract Map<String, MatrixComparison> comparisons();

    @Override
    public List<RequiredInput> requiredInputs() {
        return new Table2().requiredInputs();
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
        Map<String, MatrixComparison> gs = comparisons();
        List<Normalization> zscore = List.of(new ZScore());
        List<PairwiseFunction> functions = AblationGrid.FUNCTIONS.stream().map(FunctionType::create).toList();
        Scoring.Variants variants = models -> {
            Map<String, AffinityMatrix> out = new LinkedHashMap<>();
            gs.forEach((label, g) -> {
                Map<String, AffinityMatrix> row = Ablation.compute(models, zscore, functions, g)
                        .get(zscore.get(0).name());
                for (int b = 0; b < functions.size(); b++) {
                    out.put(label + "/" + AblationGrid.FUNCTIONS.get(b).cliName(), row.get(functions.get(b).name()));
                }
            });
            return out;
        };
        Map<String, Map<TaskonomyMatrix, Scoring.Cell>> cells = Scoring.withSignificance(inputs.models(),
                inputs.benchmark(), variants, settings, name(), context.progress());

        ResultTable.Builder grid = ResultTable.builder(name(), "Mean Spearman by g and f (z-score)")
                .text("g", "against");
        AblationGrid.FUNCTIONS.forEach(f -> grid.real(f.cliName()));
        ResultTable.Builder cellRows = ResultTable.builder(name() + "-cells", "Every cell with its "
                + settings.levelPercent() + " subsampling interval and permutation p-value, and the means over the"
                + " targets of the other ranking measures").text("g", "against", "f")
                .real("spearman", "ci_lower", "ci_upper", "p_value")
                .real(Scoring.OTHER_MEASURE_COLUMNS.toArray(String[]::new));
        for (Map.Entry<String, MatrixComparison> g : gs.entrySet()) {
            boolean table2Row = g.getValue().equals(new Cka(Centering.UNBIASED));
            for (TaskonomyMatrix m : List.of(TaskonomyMatrix.WINRATE, TaskonomyMatrix.AFFINITY)) {
                List<Object> row = new ArrayList<>(List.of(g.getKey(), m.cliName()));
                for (FunctionType f : AblationGrid.FUNCTIONS) {
                    Scoring.Cell c = cells.get(g.getKey() + "/" + f.cliName()).get(m);
                    double mean = c.score().mean();
                    row.add(mean);
                    List<Object> cellRow = new ArrayList<>(List.of(g.getKey(), m.cliName(), f.cliName(), mean,
                            c.significance().meanInterval().lower(), c.significance().meanInterval().upper(),
                            c.significance().meanP()));
                    cellRow.addAll(Scoring.otherMeasures(c.score().measures()));
                    cellRows.row(cellRow);
                    OptionalDouble nb = AblationGrid.notebook(m).cell(NormalizationType.ZSCORE, f);
                    if (table2Row && nb.isPresent()) {
                        grid.published(new PublishedValue(name() + ", " + g.getKey() + " vs " + m.cliName()
                                + ", f = " + f.cliName(), mean, nb.getAsDouble(), PublishedTable.THREE_DECIMALS,
                                AblationGrid.notebookName(m) + ", znorm row"));
                    }
                }
                grid.row(row);
            }
        }
        String summary = "Mean over the 17 Taskonomy targets of Spearman(GT[:, j], DDS[:, j]) with the features"
                + " z-scored and g varied; the unbiased-CKA rows are Table 2's z-score row. " + inputs.describe()
                + " " + settings.describe() + Scoring.intervalNote(cells, inputs.benchmark().targets());
        return new ExperimentResult(name(), paperReference(), summary, List.of(grid.build(), cellRows.build()));
    }
}
