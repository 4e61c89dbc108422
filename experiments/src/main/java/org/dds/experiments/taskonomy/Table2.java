package org.dds.experiments.taskonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.dds.core.MapShape;
import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.NormalizationType;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.AblationGrid;
import org.dds.experiments.evaluation.Scoring;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.evaluation.TaskonomyMatrix;
import org.dds.experiments.evaluation.TaskonomySettings;
import org.dds.experiments.features.AuthorsFeatures;
import org.dds.experiments.published.PublishedTable;
import org.dds.groundtruth.taskonomy.TaskonomyGroundTruth;
import org.dds.reports.Cell;
import org.dds.reports.CellType;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;

/**
 * Paper Table 2 (Dwivedi et al., ECCV 2020): the DDS ablation over 7 (Q,D) normalisations x 6 functions f with
 * g = unbiased-centred CKA, each cell the mean over the 17 Taskonomy targets of Spearman(GT[:, j], DDS[:, j]), on the
 * first 200 images of the 20 Taskonomy models (the 17 with ground truth are evaluated), against both the winrate and
 * the affinity matrix, with the per-target vectors, a permutation p-value and a bootstrap interval for every cell.
 *
 * <p>Rows: identity, centering, zscore, batch_norm, instance_norm, layer_norm, group_norm, the paper's order with
 * the authors' notebook's extra centering row after identity. Columns: linear, rbf, laplacian, pearson, euclidean,
 * cosine. Each cell is shown beside the notebook's table for the same matrix and beside the paper's Table 2, which
 * is captioned "winrate" but is closer to the notebook's affinity table.
 */
public final class Table2 implements Experiment {

    private static final String PAPER = "paper Table 2 (captioned winrate)";

    @Override
    public String name() {
        return "table2";
    }

    @Override
    public String paperReference() {
        return "paper Table 2 and the authors' notebook outputs: DDS ablation, 7 (Q,D) x 6 f, g = unbiased CKA,"
                + " against the Taskonomy winrate and affinity matrices";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of(AuthorsFeatures.input(AuthorsFeatures.TASKONOMY_IMAGES),
                RequiredInput.groundTruth("Taskonomy affinity matrix", TaskonomyGroundTruth.AFFINITY_FILE),
                RequiredInput.groundTruth("Taskonomy winrate matrix", TaskonomyGroundTruth.WINRATE_FILE));
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
        context.progress().accept("  table2: 42 (Q,D) x f combinations on " + inputs.models());
        Map<String, Map<TaskonomyMatrix, Scoring.Cell>> cells = Scoring.withSignificance(inputs.models(),
                inputs.benchmark(), AblationGrid.variants(MapShape.TASKONOMY), settings, name(), context.progress());
        return result(inputs, settings, cells);
    }

    /**
     * Table 2 as {@code dds table2} prints it, on inputs the command has read: the 7 x 6 means against one matrix
     * (table {@code table2}) and the Spearman of every target task (table {@code table2-per-task}), without
     * p-values or intervals.
     *
     * @param inputs  the features and ground truth on the chosen images
     * @param against the matrix to score against
     * @param shape   the feature-map shape of the map normalisations
     * @return the experiment
     */
    public static Experiment means(TaskonomyInputs inputs, TaskonomyMatrix against, MapShape shape) {
        return new Means(inputs, against, shape);
    }

    /** The grid's means alone; see {@link #means}. */
    private record Means(TaskonomyInputs inputs, TaskonomyMatrix against, MapShape shape) implements Experiment {
        @Override
        public String name() {
            return "table2";
        }

        @Override
        public String paperReference() {
            return "paper Table 2: DDS ablation, 7 (Q,D) x 6 f, g = unbiased CKA, against the Taskonomy "
                    + against.cliName() + " matrix";
        }

        @Override
        public List<RequiredInput> requiredInputs() {
            return List.of();
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            context.progress().accept("table2: 42 combinations on " + inputs.models().size() + " models x "
                    + inputs.images() + " images, against the " + against.cliName() + " matrix");
            Map<String, Map<TaskonomyMatrix, Scoring.Score>> scores = AblationGrid.scores(inputs.models(),
                    inputs.benchmark(), shape);
            Map<String, Double> means = new LinkedHashMap<>();
            scores.forEach((key, byMatrix) -> means.put(key, byMatrix.get(against).mean()));
            ResultTable grid = AblationGrid.grid("table2", "Table 2 against the " + against.cliName() + " matrix",
                    means, List.of());
            ResultTable.Builder perTask = ResultTable.builder("table2-per-task", "Table 2 per target task")
                    .text("norm", "f").columns(inputs.benchmark().targets(), CellType.REAL);
            for (NormalizationType n : AblationGrid.NORMALIZATIONS) {
                for (FunctionType f : AblationGrid.FUNCTIONS) {
                    List<Object> row = new ArrayList<>(List.of(n.cliName(), f.cliName()));
                    for (double v : scores.get(AblationGrid.key(n, f)).get(against).perTask()) {
                        row.add(v);
                    }
                    perTask.row(row);
                }
            }
            return new ExperimentResult(name(), paperReference(), "The 7 x 6 means against the "
                    + against.cliName() + " matrix. " + inputs.describe(), List.of(grid, perTask.build()));
        }
    }

    private ExperimentResult result(TaskonomyInputs inputs, TaskonomySettings settings,
            Map<String, Map<TaskonomyMatrix, Scoring.Cell>> cells) {
        PublishedTable paper = PublishedTable.paperTable2();
        List<ResultTable> tables = new ArrayList<>();
        ResultTable.Builder cellRows = ResultTable.builder(name() + "-cells", "Table 2, every cell with its "
                + settings.levelPercent() + " subsampling interval, permutation p-value and the published numbers,"
                + " and the means over the targets of the other ranking measures")
                .text("against", "norm", "f").real("spearman", "ci_lower", "ci_upper", "p_value", "notebook",
                        "notebook_difference", "paper", "paper_difference")
                .real(Scoring.OTHER_MEASURE_COLUMNS.toArray(String[]::new));
        ResultTable.Builder referenceRows = ResultTable.builder(name() + "-references", "Table 2: distance to each"
                + " published table (cells within rounding: |difference| <= 0.0005)").text("against", "reference")
                .integer("cells").real("mean_abs_difference", "max_abs_difference").integer("within_rounding");
        ResultTable.Builder perTaskRows = ResultTable.builder(name() + "-per-task", "Table 2, Spearman per target"
                + " task").text("against", "norm", "f").columns(inputs.benchmark().targets(), CellType.REAL);
        ResultTable.Builder perTaskPRows = ResultTable.builder(name() + "-per-task-p", "Table 2, permutation"
                + " p-value per target task").text("against", "norm", "f")
                .columns(inputs.benchmark().targets(), CellType.REAL);
        StringBuilder verdicts = new StringBuilder();
        for (TaskonomyMatrix m : List.of(TaskonomyMatrix.WINRATE, TaskonomyMatrix.AFFINITY)) {
            PublishedTable notebook = AblationGrid.notebook(m);
            Map<String, Double> means = new LinkedHashMap<>();
            List<PublishedValue> published = new ArrayList<>();
            for (NormalizationType n : AblationGrid.NORMALIZATIONS) {
                for (FunctionType f : AblationGrid.FUNCTIONS) {
                    Scoring.Cell cell = cells.get(AblationGrid.key(n, f)).get(m);
                    double mean = cell.score().mean();
                    means.put(AblationGrid.key(n, f), mean);
                    String quantity = "Table 2 vs " + m.cliName() + ", " + n.cliName() + ", f = " + f.cliName();
                    OptionalDouble nb = notebook.cell(n, f);
                    OptionalDouble pp = paper.cell(n, f);
                    nb.ifPresent(v -> published.add(new PublishedValue(quantity, mean, v,
                            PublishedTable.THREE_DECIMALS, AblationGrid.notebookName(m))));
                    pp.ifPresent(v -> published.add(new PublishedValue(quantity, mean, v,
                            PublishedTable.THREE_DECIMALS, PAPER)));
                    Scoring.Significance s = cell.significance();
                    List<Object> cellRow = new ArrayList<>(List.of(m.cliName(), n.cliName(), f.cliName(), mean,
                            s.meanInterval().lower(), s.meanInterval().upper(), s.meanP(), orNa(nb),
                            differenceOrNa(mean, nb), orNa(pp), differenceOrNa(mean, pp)));
                    cellRow.addAll(Scoring.otherMeasures(cell.score().measures()));
                    cellRows.row(cellRow);
                    List<Object> rho = new ArrayList<>(List.of(m.cliName(), n.cliName(), f.cliName()));
                    List<Object> p = new ArrayList<>(rho);
                    for (double v : cell.score().perTask()) {
                        rho.add(v);
                    }
                    for (double v : s.perTaskP()) {
                        p.add(v);
                    }
                    perTaskRows.row(rho);
                    perTaskPRows.row(p);
                }
            }
            tables.add(AblationGrid.grid(name() + "-" + m.cliName(), "Table 2 against the " + m.cliName() + " matrix: mean"
                    + " Spearman over the 17 targets (reproduced)", means, published));
            List<PublishedComparison> comparisons = new ArrayList<>();
            for (TaskonomyMatrix other : List.of(m, m == TaskonomyMatrix.WINRATE ? TaskonomyMatrix.AFFINITY
                    : TaskonomyMatrix.WINRATE)) {
                comparisons.add(PublishedComparison.of(AblationGrid.notebookName(other), AblationGrid.NORMALIZATIONS, AblationGrid.FUNCTIONS,
                        (n, f) -> means.get(AblationGrid.key(n, f)), AblationGrid.notebook(other)::cell));
            }
            comparisons.add(PublishedComparison.of(PAPER, AblationGrid.NORMALIZATIONS, AblationGrid.FUNCTIONS, (n, f) -> means.get(AblationGrid.key(n, f)),
                    paper::cell));
            for (PublishedComparison c : comparisons) {
                referenceRows.row(m.cliName(), c.reference(), c.cells(), c.meanAbsolute(), c.maxAbsolute(),
                        c.withinRounding());
            }
            verdicts.append(" Against the ").append(m.cliName()).append(" matrix the result ")
                    .append(PublishedComparison.verdict(comparisons)).append('.');
        }
        tables.add(cellRows.build());
        tables.add(referenceRows.build());
        tables.add(perTaskRows.build());
        tables.add(perTaskPRows.build());

        String summary = "Each cell is the mean over the 17 Taskonomy target tasks of Spearman(GT[:, j], DDS[:, j])"
                + " (all 17 sources, diagonal included, average ranks for ties), g = unbiased CKA. "
                + inputs.describe() + " Rows in the paper's order with the notebook's centering row after"
                + " identity; the map normalisations treat each row as a 16 x 16 x 8 map, channels last. "
                + settings.describe() + Scoring.intervalNote(cells, inputs.benchmark().targets()) + verdicts + " " + paperVersusNotebooks()
                + " Each grid is therefore shown beside both notebook tables and the paper's.";
        return new ExperimentResult(name(), paperReference(), summary, tables);
    }

    /**
     * @return a sentence saying which notebook table the paper's Table 2 is closer to, from the published numbers
     */
    static String paperVersusNotebooks() {
        PublishedTable paper = PublishedTable.paperTable2();
        double[] mean = new double[2];
        int cells = 0;
        for (NormalizationType n : AblationGrid.NORMALIZATIONS) {
            for (FunctionType f : AblationGrid.FUNCTIONS) {
                OptionalDouble p = paper.cell(n, f);
                if (p.isPresent()) {
                    cells++;
                    mean[0] += Math.abs(p.getAsDouble() - AblationGrid.notebook(TaskonomyMatrix.AFFINITY).cell(n, f).orElseThrow());
                    mean[1] += Math.abs(p.getAsDouble() - AblationGrid.notebook(TaskonomyMatrix.WINRATE).cell(n, f).orElseThrow());
                }
            }
        }
        mean[0] /= cells;
        mean[1] /= cells;
        boolean affinity = mean[0] < mean[1];
        return String.format(Locale.ROOT, "The paper's Table 2 is captioned winrate; over its %d cells it is closer"
                + " to the notebook's %s table (mean |difference| %.4f) than to its %s table (%.4f).", cells,
                affinity ? "affinity" : "winrate", Math.min(mean[0], mean[1]), affinity ? "winrate" : "affinity",
                Math.max(mean[0], mean[1]));
    }

    private static Object orNa(OptionalDouble v) {
        return v.isPresent() ? Double.valueOf(v.getAsDouble()) : Cell.missing("n/a");
    }

    private static Object differenceOrNa(double reproduced, OptionalDouble published) {
        return published.isPresent() ? Double.valueOf(reproduced - published.getAsDouble()) : Cell.missing("n/a");
    }
}
