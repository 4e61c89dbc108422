package org.dds.experiments.taskonomy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.kernel.Laplacian;
import org.dds.core.stats.Correlation;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.MeanSpearmanTest;
import org.dds.experiments.evaluation.MethodComparison;
import org.dds.experiments.evaluation.Scoring;
import org.dds.core.stats.SeedMix;
import org.dds.experiments.evaluation.TaskonomyBenchmark;
import org.dds.experiments.evaluation.TaskonomyInputs;
import org.dds.experiments.evaluation.TaskonomyMatrix;
import org.dds.experiments.evaluation.TaskonomyMethods;
import org.dds.experiments.evaluation.TaskonomySettings;
import org.dds.experiments.evaluation.Vectors;
import org.dds.experiments.features.AuthorsFeatures;
import org.dds.experiments.published.PublishedTable;
import org.dds.groundtruth.TransferMatrix;
import org.dds.groundtruth.taskonomy.TaskonomyGroundTruth;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;

/**
 * Paper Table 3 (Dwivedi et al., ECCV 2020): DDS (f = cosine) and DDS (f = Laplacian), both with z-scoring and
 * unbiased CKA, and RSA (Dwivedi and Roig 2019: raw features, 1 - Pearson, Spearman of upper triangles), each scored
 * against the Taskonomy affinity and winrate matrices; the ground-truth rows (how well the two matrices agree,
 * computed as {@link TaskonomyAgreement} does); the attribution-map rows (saliency, DeepLIFT, epsilon-LRP) as
 * published reference rows; and the wall time, measured here: reading the features and computing each DDS matrix,
 * separately.
 */
public final class Table3 implements Experiment {
    /** The ground-truth rows. */
    public static final String TASKONOMY_WINRATE = "Taskonomy winrate";
    /** The ground-truth rows. */
    public static final String TASKONOMY_AFFINITY = "Taskonomy affinity";
    /** The published attribution-map rows, reference only (they need gradients through the Taskonomy networks). */
    public static final List<String> ATTRIBUTION_METHODS = List.of("saliency", "DeepLIFT", "epsilon-LRP");

    private static final Cell NA = Cell.missing("n/a");

    /**
     * The computed rows of Table 3 for one set of features.
     *
     * @param scores      scores by method, then matrix
     * @param ddsSeconds  wall time of one DDS matrix over the evaluated models, by method
     * @param agreement   Spearman(affinity[:, j], winrate[:, j]) per target (the ground-truth rows)
     * @param selfAgreement Spearman(M[:, j], M[:, j]) per target, 1 up to rounding (the ground-truth rows' other
     *                    column)
     */
    public record Computed(Map<String, Map<TaskonomyMatrix, Scoring.Score>> scores, Map<String, Double> ddsSeconds,
            double[] agreement, double[] selfAgreement) {
        /** Copies the fields. */
        public Computed {
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
            ddsSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(ddsSeconds));
            agreement = agreement.clone();
            selfAgreement = selfAgreement.clone();
        }

        /** @return a copy of the per-target agreement */
        @Override
        public double[] agreement() {
            return agreement.clone();
        }

        /** @return a copy of the per-target self-agreement */
        @Override
        public double[] selfAgreement() {
            return selfAgreement.clone();
        }
    }

    @Override
    public String name() {
        return "table3";
    }

    @Override
    public String paperReference() {
        return "paper Table 3: DDS (cosine, Laplacian; z-score) and RSA against the Taskonomy affinity and winrate,"
                + " the ground-truth rows, the attribution-map rows (published only) and the time taken";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of(AuthorsFeatures.input(AuthorsFeatures.TASKONOMY_IMAGES),
                RequiredInput.groundTruth("Taskonomy affinity matrix", TaskonomyGroundTruth.AFFINITY_FILE),
                RequiredInput.groundTruth("Taskonomy winrate matrix", TaskonomyGroundTruth.WINRATE_FILE));
    }

    /**
     * Reads the features (timed) and returns them with the seconds it took.
     *
     * @param path the features
     * @return the features and the seconds spent reading them from disk
     */
    public static Map.Entry<FeatureSet, Double> readTimed(Path path) {
        long t0 = System.nanoTime();
        FeatureSet all = AuthorsFeatures.readFromDisk(path);
        return Map.entry(all, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Scores the three methods, times one DDS matrix of each (after the scoring run, which warms the code up), and
     * computes the ground-truth rows from the unaligned matrices exactly as {@link TaskonomyAgreement} does.
     *
     * @param inputs               the features and ground truth
     * @param groundTruthDirectory where the two matrices are
     * @return the computed rows
     */
    public static Computed compute(TaskonomyInputs inputs, Path groundTruthDirectory) {
        Map<String, Map<TaskonomyMatrix, Scoring.Score>> scores = Scoring.scores(inputs.models(),
                inputs.benchmark(), TaskonomyMethods.variants());
        Map<String, Double> seconds = new LinkedHashMap<>();
        TaskonomyMethods.methods().forEach((name, config) -> {
            long t0 = System.nanoTime();
            AffinityMatrix.compute(inputs.models(), config);
            seconds.put(name, (System.nanoTime() - t0) / 1e9);
        });
        TransferMatrix affinity = TaskonomyGroundTruth.affinity(groundTruthDirectory);
        TransferMatrix winrate = TaskonomyGroundTruth.winrate(groundTruthDirectory);
        return new Computed(scores, seconds, TaskonomyBenchmark.agreement(affinity, winrate),
                TaskonomyBenchmark.agreement(winrate, winrate));
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
        Path path = TaskonomyInputs.locate(context);
        Map.Entry<FeatureSet, Double> read = readTimed(path);
        TaskonomyInputs inputs = TaskonomyInputs.of(path, read.getKey(), TaskonomyBenchmark.load(
                context.groundTruthDirectory(), read.getKey().names(), path.toString()), settings.images());
        Computed computed = compute(inputs, context.groundTruthDirectory());
        context.progress().accept("  table3: bootstrap and permutations for RSA and the two DDS");
        Map<String, Map<TaskonomyMatrix, Scoring.Cell>> cells = Scoring.withSignificance(inputs.models(),
                inputs.benchmark(), TaskonomyMethods.variants(), settings, name(), context.progress());

        TransferMatrix affinity = TaskonomyGroundTruth.affinity(context.groundTruthDirectory());
        TransferMatrix winrate = TaskonomyGroundTruth.winrate(context.groundTruthDirectory());
        double agreementP = MeanSpearmanTest.pValue(affinity.values(), winrate.values(), settings.permutations(),
                SeedMix.derive(settings.seed(), name(), "agreement"));

        PublishedTable published = PublishedTable.table3();
        ResultTable.Builder rows = ResultTable.builder(name(), "Table 3: mean Spearman against the Taskonomy"
                + " matrices, with " + settings.levelPercent() + " bootstrap intervals and permutation p-values")
                .text("method").real("affinity", "affinity_ci_lower", "affinity_ci_upper", "affinity_p", "winrate",
                        "winrate_ci_lower", "winrate_ci_upper", "winrate_p", "published_affinity",
                        "published_winrate", "affinity_difference", "winrate_difference");
        List<PublishedValue> values = new ArrayList<>();
        double agreement = Correlation.mean(computed.agreement());
        double self = Correlation.mean(computed.selfAgreement());
        Cell identity = Cell.missing("n/a (a matrix with itself)");
        rows.row(groundTruthRow(TASKONOMY_WINRATE, agreement, agreementP, self, identity, published, values));
        rows.row(groundTruthRow(TASKONOMY_AFFINITY, self, identity, agreement, agreementP, published, values));
        for (String method : ATTRIBUTION_METHODS) {
            Cell note = Cell.missing("not reproduced (published reference row)");
            rows.row(method, note, NA, NA, NA, note, NA, NA, NA, published.value(method, "affinity"),
                    published.value(method, "winrate"), NA, NA);
        }
        for (String method : TaskonomyMethods.methods().keySet()) {
            List<Object> row = new ArrayList<>(List.of(method));
            for (TaskonomyMatrix m : List.of(TaskonomyMatrix.AFFINITY, TaskonomyMatrix.WINRATE)) {
                Scoring.Cell c = cells.get(method).get(m);
                row.addAll(List.of(c.score().mean(), c.significance().meanInterval().lower(),
                        c.significance().meanInterval().upper(), c.significance().meanP()));
            }
            addPublished(method, cells.get(method).get(TaskonomyMatrix.AFFINITY).score().mean(),
                    cells.get(method).get(TaskonomyMatrix.WINRATE).score().mean(), published, row, values);
            rows.row(row);
        }
        List<ResultTable> tables = new ArrayList<>();
        tables.add(rows.published(values).build());
        tables.add(timeTable(computed, read.getValue(), inputs, published));
        MethodComparison.Output ranking = rankingMeasures(inputs, settings);
        tables.addAll(ranking.tables());

        String summary = "Each number is the mean over the 17 Taskonomy target tasks of the per-target Spearman"
                + " correlation. " + inputs.describe() + " DDS: z-score, unbiased CKA; RSA: raw features, 1 -"
                + " Pearson, Spearman of upper triangles. The ground-truth rows are the agreement of the public"
                + " affinity and winrate matrices (as in the taskonomy-agreement experiment); the attribution-map"
                + " rows are the paper's numbers only. The table3-ranking tables score the same rankings with all"
                + " five ranking measures (Spearman as above, Pearson, weighted Kendall's tau, top-1 hit, relative"
                + " regret), with intervals over the targets. " + settings.describe()
                + Scoring.intervalNote(cells, inputs.benchmark().targets())
                + " The wall time (table3-time) is"
                + " measured on this machine, reading the features and computing each DDS matrix separately; the"
                + " paper's times include 74.8 s of forward passes on a V100, which the released features spare."
                + " It is the one part of the report that changes from run to run.";
        return new ExperimentResult(name(), paperReference(), summary + " " + ranking.note(), tables)
                .withCharts(ranking.chart());
    }

    /**
     * The three methods' rankings scored with the five measures of {@link MethodComparison}, with the protocol's
     * sources (all 17, diagonal included).
     */
    private MethodComparison.Output rankingMeasures(TaskonomyInputs inputs, TaskonomySettings settings) {
        TaskonomyBenchmark benchmark = inputs.benchmark();
        Map<String, List<MethodComparison.Scores>> methods = new LinkedHashMap<>();
        TaskonomyMethods.variants().compute(inputs.models()).forEach((method, dds) -> {
            double[][] scores = benchmark.scores(dds);
            List<MethodComparison.Scores> perTarget = new ArrayList<>();
            for (int j = 0; j < benchmark.targets().size(); j++) {
                perTarget.add(MethodComparison.Scores.of(Vectors.column(scores, j)));
            }
            methods.put(method, perTarget);
        });
        List<MethodComparison.Truth> truths = List.of(TaskonomyMatrix.AFFINITY, TaskonomyMatrix.WINRATE).stream()
                .map(m -> new MethodComparison.Truth(m.cliName(), benchmark.matrix(m).values())).toList();
        return MethodComparison.compare(name() + "-ranking", benchmark.featureModels(), benchmark.targets(), truths,
                methods, true, new MethodComparison.Settings(settings.replicates(), settings.permutations(),
                        settings.level(), settings.seed()));
    }

    /**
     * Table 3 as {@code dds table3} prints it (table {@code table3}, see {@link #cliTable}), on inputs the command
     * has read.
     *
     * @param inputs               the features and ground truth on the chosen images
     * @param loadSeconds          the seconds it took to read the features
     * @param groundTruthDirectory where the two matrices are
     * @return the experiment
     */
    public static Experiment asPrinted(TaskonomyInputs inputs, double loadSeconds, Path groundTruthDirectory) {
        return new AsPrinted(inputs, loadSeconds, groundTruthDirectory);
    }

    /** The computed rows with measured times; see {@link #asPrinted}. */
    private record AsPrinted(TaskonomyInputs inputs, double loadSeconds, Path groundTruthDirectory)
            implements Experiment {
        @Override
        public String name() {
            return "table3";
        }

        @Override
        public String paperReference() {
            return "paper Table 3: DDS (cosine, Laplacian; z-score) and RSA against the Taskonomy affinity and"
                    + " winrate, with the time taken";
        }

        @Override
        public List<RequiredInput> requiredInputs() {
            return List.of();
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            context.progress().accept("table3: RSA and two DDS on " + inputs.models().size() + " models x "
                    + inputs.images() + " images");
            Computed computed = compute(inputs, groundTruthDirectory);
            return new ExperimentResult(name(), paperReference(), inputs.describe(),
                    List.of(cliTable(computed, loadSeconds, inputs)));
        }
    }

    /**
     * The table {@code dds table3} prints: the computed and ground-truth rows with the published numbers, and the
     * measured times.
     *
     * @param computed    the computed rows
     * @param loadSeconds seconds spent reading the features
     * @param inputs      what was read
     * @return the table
     */
    public static ResultTable cliTable(Computed computed, double loadSeconds, TaskonomyInputs inputs) {
        PublishedTable published = PublishedTable.table3();
        ResultTable.Builder rows = ResultTable.builder("table3", "Table 3 on " + inputs.path()).text("method")
                .real("affinity", "winrate", "published_affinity", "published_winrate", "affinity_difference",
                        "winrate_difference", "features_load_s", "dds_s", "published_total_s");
        double agreement = Correlation.mean(computed.agreement());
        double self = Correlation.mean(computed.selfAgreement());
        rows.row(cliRow(TASKONOMY_WINRATE, agreement, self, NA, NA, published));
        rows.row(cliRow(TASKONOMY_AFFINITY, self, agreement, NA, NA, published));
        for (String method : ATTRIBUTION_METHODS) {
            rows.row(method, NA, NA, published.value(method, "affinity"), published.value(method, "winrate"), NA, NA,
                    NA, NA, published.value(method, "total_time_s"));
        }
        for (String method : TaskonomyMethods.methods().keySet()) {
            rows.row(cliRow(method, computed.scores().get(method).get(TaskonomyMatrix.AFFINITY).mean(),
                    computed.scores().get(method).get(TaskonomyMatrix.WINRATE).mean(), loadSeconds,
                    computed.ddsSeconds().get(method), published));
        }
        return rows.build();
    }

    private static List<Object> cliRow(String method, double affinity, double winrate, Object load, Object dds,
            PublishedTable published) {
        double pa = published.value(method, "affinity");
        double pw = published.value(method, "winrate");
        return new ArrayList<>(List.of(method, affinity, winrate, pa, pw, affinity - pa, winrate - pw, load, dds,
                published.value(method, "total_time_s")));
    }

    private static List<Object> groundTruthRow(String method, double affinity, Object affinityP, double winrate,
            Object winrateP, PublishedTable published, List<PublishedValue> values) {
        Cell noImages = Cell.missing("n/a (no images)");
        List<Object> row = new ArrayList<>(List.of(method, affinity, noImages, noImages, affinityP, winrate,
                noImages, noImages, winrateP));
        addPublished(method, affinity, winrate, published, row, values);
        return row;
    }

    private static void addPublished(String method, double affinity, double winrate, PublishedTable published,
            List<Object> row, List<PublishedValue> values) {
        double pa = published.value(method, "affinity");
        double pw = published.value(method, "winrate");
        row.addAll(List.of(pa, pw, affinity - pa, winrate - pw));
        values.add(new PublishedValue("Table 3, " + method + " vs affinity", affinity, pa,
                PublishedTable.THREE_DECIMALS, "paper Table 3"));
        values.add(new PublishedValue("Table 3, " + method + " vs winrate", winrate, pw,
                PublishedTable.THREE_DECIMALS, "paper Table 3"));
    }

    private static ResultTable timeTable(Computed computed, double loadSeconds, TaskonomyInputs inputs,
            PublishedTable published) {
        ResultTable.Builder rows = ResultTable.builder("table3-time", "Table 3, wall time (measured here; it varies"
                + " from run to run, so it is kept out of table3.csv, which is byte-identical for the same inputs)")
                .text("method").real("features_load_s", "dds_s", "total_s", "published_total_s").text("what");
        for (String method : List.of(TASKONOMY_WINRATE, TASKONOMY_AFFINITY)) {
            rows.row(method, NA, NA, NA, published.value(method, "total_time_s"),
                    "published only: training the Taskonomy transfer networks");
        }
        for (String method : ATTRIBUTION_METHODS) {
            rows.row(method, NA, NA, NA, published.value(method, "total_time_s"),
                    "published only: attribution maps of the Taskonomy networks");
        }
        for (String method : TaskonomyMethods.methods().keySet()) {
            double dds = computed.ddsSeconds().get(method);
            rows.row(method, loadSeconds, dds, loadSeconds + dds, published.value(method, "total_time_s"),
                    "measured: reading " + inputs.path().getFileName() + " (all models and images), then one DDS"
                            + " matrix over " + inputs.models().size() + " models x " + inputs.images()
                            + " images; published: 74.8 s of forward passes plus DDS");
        }
        return rows.build();
    }
}
