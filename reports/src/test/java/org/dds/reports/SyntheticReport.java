package org.dds.reports;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A report with one experiment of every shape the paper's experiments produce, made up from a seeded generator
 * (none of its numbers is a result): a Fig.-2-like pair of matrices, a Table-2-like grid checked against two
 * references that disagree, Table-4-like bootstrap draws, a correlation-vs-images curve, a Fig.-4-like block x
 * family matrix, training curves, a per-task table, and strings that need escaping; plus two skipped experiments.
 */
public final class SyntheticReport {
    /** The Taskonomy target tasks (SPEC section 4), as labels only. */
    public static final List<String> TASKS = List.of("autoencoder", "curvature", "denoise", "edge2d", "edge3d",
            "keypoint2d", "keypoint3d", "reshade", "rgb2depth", "rgb2mist", "rgb2sfnorm", "room_layout",
            "segment25d", "segment2d", "vanishing_point_well_defined", "segmentsemantic_rb", "class_1000");
    /** Rows and columns of the Table-2-like grid (the authors' notebook's names). */
    public static final List<String> NORMS = List.of("None", "centering", "znorm", "group_norm", "instance_norm",
            "layer_norm", "batch_norm");
    /** Columns of the grid. */
    public static final List<String> FUNCTIONS = List.of("rbf", "lap", "linear", "pearson", "euclidean", "cosine");
    /**
     * The authors' notebook's affinity table, rows {@link #NORMS}, columns {@link #FUNCTIONS}, copied from
     * ../shared/published/paper_tables.md ("Against all_affinities.pkl").
     */
    static final double[][] NOTEBOOK = {
        {0.815, 0.819, 0.639, 0.832, 0.694, 0.750},
        {0.815, 0.819, 0.639, 0.749, 0.694, 0.740},
        {0.842, 0.860, 0.839, 0.860, 0.846, 0.862},
        {0.805, 0.821, 0.838, 0.838, 0.825, 0.838},
        {0.843, 0.839, 0.851, 0.853, 0.850, 0.853},
        {0.799, 0.815, 0.832, 0.832, 0.824, 0.832},
        {0.851, 0.854, 0.734, 0.862, 0.811, 0.852}};
    /** Paper Table 2's z-score row, columns {@link #FUNCTIONS} (the paper orders them differently). */
    static final double[] PAPER_ZSCORE = {0.841, 0.860, 0.842, 0.856, 0.850, 0.864};
    /** Half a unit in the third decimal. */
    static final double TOLERANCE = 0.0005;
    /** The label that must come out escaped. */
    public static final String NASTY = "<script>alert('x')</script> & \"quoted\"";

    private static Path written;

    private SyntheticReport() {
    }

    /**
     * Writes the report once per test JVM into {@code target/synthetic-report/run} (kept there to be looked at)
     * and hands every caller the same directory, so the charts are drawn once for all the tests that read them.
     *
     * @return the run directory
     */
    public static synchronized Path writtenRun() {
        if (written == null) {
            Path run = Paths.get("target", "synthetic-report", "run").toAbsolutePath();
            ReportWriter.write(run, report());
            written = run;
        }
        return written;
    }

    /** @return the report, the same every time */
    public static Report report() {
        SplittableRandom random = new SplittableRandom(1993);
        List<ExperimentResult> results = List.of(
                fig2(random.split()), table2(random.split()), table4(random.split()), curve(random.split()),
                fig4(), training(random.split()), escaping());
        List<SkippedExperiment> skipped = List.of(
                new SkippedExperiment("table5", "paper Table 5 (block transfer)",
                        "transfer results: <dir>/transfer.csv does not exist; run ./dds train & try again"),
                new SkippedExperiment("pascal", "paper Table 4", "features not given; pass --features DIR"));
        Provenance provenance = new Provenance("dds reproduce --quick --out 'a b'",
                new TreeMap<>(Map.of("quick", "true", "groundtruth", "/g (from --groundtruth)")),
                new TreeMap<>(Map.of("seed", 1993L)), "0.1.0-SNAPSHOT", "0123456789abcdef0123456789abcdef01234567",
                "17.0.15", "Linux/amd64", "2026-11-26T21:30:00Z",
                List.of(new InputFile("/g/taskonomy/all_affinities.pkl",
                        "6b2d42a7281fe4eac2f5f32499f12c3da63292d4a5d8f04bf1b8b97d9687260c")),
                Duration.ofMillis(12_345));
        return new Report("DDS reproduction", results, skipped, provenance);
    }

    private static ExperimentResult fig2(SplittableRandom random) {
        int n = TASKS.size();
        double[][] gt = new double[n][n];
        double[][] dds = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double base = i == j ? 1 : 0.3 + 0.5 * Math.abs(Math.sin(i * 0.7 + j * 0.3));
                gt[i][j] = base;
                dds[i][j] = Math.min(1, Math.max(0, base + 0.1 * (random.nextDouble() - 0.5)));
            }
        }
        List<List<Object>> perTask = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            perTask.add(List.of(TASKS.get(j), 0.6 + 0.4 * random.nextDouble()));
        }
        return new ExperimentResult("fig2", "paper Fig. 2 (ground truth vs. DDS)", "Synthetic *matrices*.",
                List.of(matrix("fig2-gt", "Taskonomy affinity (ground truth)", gt),
                        matrix("fig2-dds", "DDS (z-score, cosine)", dds),
                        ResultTable.inferred("fig2-per-task", "Spearman per target task", List.of("task", "spearman"),
                                perTask)))
                .withCharts(ChartSpec.heatmap("fig2-gt", "fig2-dds"));
    }

    private static ResultTable matrix(String id, String title, double[][] m) {
        List<String> columns = new ArrayList<>(List.of("source"));
        columns.addAll(TASKS);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            List<Object> row = new ArrayList<>(List.of(TASKS.get(i)));
            for (double v : m[i]) {
                row.add(v);
            }
            rows.add(row);
        }
        return ResultTable.inferred(id, title, columns, rows);
    }

    private static ExperimentResult table2(SplittableRandom random) {
        List<String> columns = new ArrayList<>(List.of("Q,D \\ f"));
        columns.addAll(FUNCTIONS);
        List<List<Object>> rows = new ArrayList<>();
        List<PublishedValue> published = new ArrayList<>();
        for (int r = 0; r < NORMS.size(); r++) {
            List<Object> row = new ArrayList<>(List.of(NORMS.get(r)));
            for (int c = 0; c < FUNCTIONS.size(); c++) {
                // Most cells within a quarter of the tolerance of the notebook, every fifth one off by 0.004.
                double v = NOTEBOOK[r][c] + ((r * 6 + c) % 5 == 0 ? 0.004 : TOLERANCE / 2 * (random.nextDouble()
                        - 0.5));
                row.add(v);
                published.add(new PublishedValue("mean Spearman, " + NORMS.get(r) + ", f = " + FUNCTIONS.get(c), v,
                        NOTEBOOK[r][c], TOLERANCE, "authors' notebook").at(NORMS.get(r), FUNCTIONS.get(c)));
                if (r == 2) {
                    published.add(new PublishedValue("mean Spearman, " + NORMS.get(r) + ", f = " + FUNCTIONS.get(c),
                            v, PAPER_ZSCORE[c], TOLERANCE, "paper Table 2"));
                }
            }
            rows.add(row);
        }
        return new ExperimentResult("table2", "paper Table 2 (ablation of Q,D and f)", "A grid checked against two"
                + " references.", List.of(ResultTable.inferred("table2", "Mean Spearman vs. the affinity matrix", columns,
                        rows, published)));
    }

    private static ExperimentResult table4(SplittableRandom random) {
        String[] methods = {"DDS (f = cosine)", "DDS (f = Laplacian)"};
        String[] datasets = {"Taskonomy", "Pascal VOC", "NYUv2"};
        double[][] mean = {{0.525, 0.722, 0.518}, {0.5779, 0.765, 0.521}};
        double[][] sd = {{0.057, 0.049, 0.034}, {0.050, 0.038, 0.029}};
        List<List<Object>> draws = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        List<PublishedValue> published = new ArrayList<>();
        for (int m = 0; m < methods.length; m++) {
            for (int d = 0; d < datasets.length; d++) {
                double sum = 0;
                for (int k = 0; k < 30; k++) {
                    double v = mean[m][d] + sd[m][d] * gaussian(random);
                    draws.add(List.of(methods[m], datasets[d], k, v));
                    sum += v;
                }
                double avg = sum / 30;
                summary.add(List.of(methods[m], datasets[d], avg));
                published.add(new PublishedValue("bootstrap mean, " + methods[m] + ", " + datasets[d] + " images",
                        avg, mean[m][d], 0.02, "paper Table 4"));
            }
        }
        return new ExperimentResult("table4", "paper Table 4 (Pascal VOC, bootstrap)", "Bootstrap draws.",
                List.of(ResultTable.inferred("table4", "Bootstrap mean", List.of("method", "images", "mean"), summary,
                        published), ResultTable.inferred("table4-draws", "Bootstrap draws",
                                List.of("method", "images", "draw", "spearman"), draws)))
                .withCharts(ChartSpec.box("table4-draws", "images", "method", "spearman"));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: enough for a made-up spread.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static ExperimentResult curve(SplittableRandom random) {
        List<List<Object>> rows = new ArrayList<>();
        for (int images : new int[] {10, 20, 50, 100, 200, 500, 1000}) {
            double shrink = 1.0 / Math.sqrt(images);
            rows.add(List.of(images, 0.86 - 0.6 * shrink + 0.01 * random.nextDouble(),
                    0.85 - 0.5 * shrink + 0.01 * random.nextDouble()));
        }
        return new ExperimentResult("images", "paper Section 5.1 (images needed)", "More images, better rank.",
                List.of(ResultTable.inferred("images", "Mean Spearman vs. the number of images",
                        List.of("images", "cosine", "laplacian"), rows)))
                .withCharts(ChartSpec.line("images", "images", "cosine", "laplacian").withLogX());
    }

    private static ExperimentResult fig4() {
        List<List<Object>> rows = List.of(
                List.of("block 1", 0.71, 0.52, 0.38), List.of("block 2", 0.62, 0.60, 0.49),
                List.of("block 3", 0.55, 0.74, 0.58), List.of("block 4", 0.41, 0.59, 0.77));
        ResultTable t = ResultTable.inferred("fig4", "DDS between ResNet-50 blocks and task families",
                List.of("block", "2D", "3D", "semantic"), rows);
        return new ExperimentResult("fig4", "paper Fig. 4 (block selection)", "Blocks by family.", List.of(t))
                .withCharts(ChartSpec.heatmap("fig4"), ChartSpec.bars("fig4", "block", "2D", "3D", "semantic"));
    }

    private static ExperimentResult training(SplittableRandom random) {
        List<List<Object>> rows = new ArrayList<>();
        for (int epoch = 1; epoch <= 30; epoch++) {
            rows.add(List.of(epoch, 2.0 * Math.exp(-epoch / 8.0) + 0.05 * random.nextDouble(),
                    0.7 * (1 - Math.exp(-epoch / 6.0))));
        }
        return new ExperimentResult("training", "paper Section 5.2 (training)", "Loss and mIoU per epoch.",
                List.of(ResultTable.inferred("training", "Training curve", List.of("epoch", "loss", "mIoU"), rows)));
    }

    private static ExperimentResult escaping() {
        ResultTable t = ResultTable.inferred("escaping", "Labels with <b>markup</b> & quotes",
                List.of("name <i>", "value"), List.of(List.of(NASTY, 1), List.of("plain", 2L)));
        return new ExperimentResult("escaping & <friends>", "nothing <at all>",
                "Raw <b>html</b> stays text; a [link](javascript:alert(1)) is defused.", List.of(t));
    }
}
