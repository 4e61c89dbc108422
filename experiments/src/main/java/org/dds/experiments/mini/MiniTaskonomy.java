package org.dds.experiments.mini;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.comparison.Centering;
import org.dds.core.stats.Correlation;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.AblationGrid;
import org.dds.experiments.evaluation.ImageSubsampling;
import org.dds.experiments.evaluation.Interval;
import org.dds.experiments.evaluation.LayerSelection;
import org.dds.experiments.evaluation.MeanSpearmanTest;
import org.dds.experiments.evaluation.MethodComparison;
import org.dds.experiments.evaluation.RankingMetrics;
import org.dds.core.stats.SeedMix;
import org.dds.experiments.evaluation.Vectors;
import org.dds.mini.EstimatorScores;
import org.dds.mini.FashionMnist;
import org.dds.mini.MiniBenchmark;
import org.dds.mini.MiniConfig;
import org.dds.mini.MiniResults;
import org.dds.reports.Cell;
import org.dds.reports.CellType;
import org.dds.reports.ChartSpec;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;

/**
 * Mini-Taskonomy (SPEC section 7; beyond the paper): one small ResNet per Fashion-MNIST task trained here, a
 * brute-force transfer matrix and a winrate matrix from frozen-encoder readouts, and DDS on 200 held-out images
 * predicting them with the protocol of paper section 4 (Spearman per target column, averaged), with and without the
 * diagonal, against RSA and linear CKA, with bootstrap intervals over the probe images and permutation p-values;
 * then the Table-5 / Figure-4 analogue: the blocks of the 10-class encoder ranked by DDS with each task model
 * against the measured transfer from each block.
 *
 * <p>Nothing here is tuned towards a higher correlation: the readout, the sizes and the DDS variants were fixed
 * before the first run, and the 42-variant grid is reported whole, including where DDS loses.
 */
public final class MiniTaskonomy implements Experiment {
    /** The experiment's name. */
    public static final String NAME = "mini-taskonomy";
    /** Environment variable naming the Fashion-MNIST folder. */
    public static final String DATA_ENV = "DDS_FASHION_MNIST";
    /** Environment variable naming the cache folder of trained sources. */
    public static final String CACHE_ENV = "DDS_CACHE";

    /**
     * How thoroughly to test the correlations.
     *
     * @param replicates   bootstrap replicates over the probe images
     * @param permutations permutations per p-value
     * @param level        the intervals' confidence level
     */
    public record Settings(int replicates, int permutations, double level) {
        /**
         * @param quick the quick mode
         * @return the settings of that mode
         */
        public static Settings of(boolean quick) {
            return quick ? new Settings(50, 2000, 0.95) : new Settings(500, 10000, 0.95);
        }
    }

    private final Path data;
    private final Path cache;

    /** Reads Fashion-MNIST and caches sources where the environment says ({@link #dataDirectory}, {@link #cacheDirectory}). */
    public MiniTaskonomy() {
        this(null, null);
    }

    /**
     * @param data  the Fashion-MNIST folder, or null for {@link #dataDirectory}
     * @param cache the cache folder of trained sources, or null for {@link #cacheDirectory}
     */
    public MiniTaskonomy(Path data, Path cache) {
        this.data = data;
        this.cache = cache;
    }

    /** The DDS variants compared in the summary, first the project's default. */
    static Map<String, DdsConfig> methods() {
        Map<String, DdsConfig> m = new LinkedHashMap<>();
        m.put("DDS (zscore, cosine, unbiased CKA)", DdsConfig.defaults());
        m.put("DDS (zscore, laplacian, unbiased CKA)", LayerSelection.paperConfig());
        m.put("RSA (identity, 1 - pearson, spearman)", DdsConfig.rsa());
        m.put("linear CKA (identity, linear, unbiased CKA)", DdsConfig.linearCka(Centering.UNBIASED));
        return m;
    }

    /** The ground truths: the (frozen-encoder) transfer matrix, the winrate matrix, the fine-tuned transfers. */
    enum Truth {
        TRANSFER("transfer"), WINRATE("winrate"), FINE_TUNED("fine-tuned");

        final String label;

        Truth(String label) {
            this.label = label;
        }

        double[][] of(MiniResults r) {
            return switch (this) {
                case TRANSFER -> r.transfer();
                case WINRATE -> r.winrate();
                case FINE_TUNED -> r.fineTuned();
            };
        }

        /** @return the ground truths a run has */
        static List<Truth> available(MiniResults r) {
            return r.hasFineTuned() ? List.of(values()) : List.of(TRANSFER, WINRATE);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String paperReference() {
        return "beyond the paper (SPEC section 7): the Taskonomy evaluation of section 4 / Table 2 and the layer"
                + " selection of section 5.2 / Figure 4, rerun end to end on Fashion-MNIST with sources trained here";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of(new RequiredInput("Fashion-MNIST (IDX files)",
                c -> Optional.of(imagesFile(data())),
                "install it with 'sudo apt-get install dataset-fashion-mnist' (files in "
                        + FashionMnist.DEFAULT_DIRECTORY + ") or set " + DATA_ENV
                        + " to the folder that holds the four IDX files"));
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        Path cacheDir = cache != null ? cache : cacheDirectory(System::getenv);
        MiniConfig config = context.quick() ? MiniConfig.quick(data(), cacheDir, context.seed())
                : MiniConfig.full(data(), cacheDir, context.seed());
        context.progress().accept("  mini: " + (context.quick() ? "quick" : "full") + " mode, " + config.describe()
                + ", cache " + cacheDir);
        MiniResults r = MiniBenchmark.run(config, context.progress());
        return evaluate(r, Settings.of(context.quick()), context.seed(), context.progress());
    }

    /**
     * @param env the environment
     * @return {@value #DATA_ENV} if set, else the OS package's folder
     */
    public static Path dataDirectory(Function<String, String> env) {
        String d = env.apply(DATA_ENV);
        return d == null || d.isBlank() ? Paths.get(FashionMnist.DEFAULT_DIRECTORY) : Paths.get(d);
    }

    /**
     * @param env the environment
     * @return {@value #CACHE_ENV}/mini if set, else $XDG_CACHE_HOME/dds/mini, else ~/.cache/dds/mini
     */
    public static Path cacheDirectory(Function<String, String> env) {
        String d = env.apply(CACHE_ENV);
        if (d != null && !d.isBlank()) {
            return Paths.get(d, "mini");
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("dds").resolve("mini");
    }

    private Path data() {
        return data != null ? data : dataDirectory(System::getenv);
    }

    private static Path imagesFile(Path dir) {
        Path gz = dir.resolve("train-images-idx3-ubyte.gz");
        return Files.exists(gz) ? gz : dir.resolve("train-images-idx3-ubyte");
    }

    /**
     * Evaluates DDS on measured results.
     *
     * @param r        the measurements
     * @param settings replicates, permutations, level
     * @param seed     the run's seed
     * @param progress progress lines
     * @return the tables, charts and a summary that says what DDS got right and wrong
     */
    public static ExperimentResult evaluate(MiniResults r, Settings settings, long seed, Consumer<String> progress) {
        long start = System.nanoTime();
        List<String> sources = r.sources();
        List<String> targets = r.targetNames();
        List<ResultTable> tables = new ArrayList<>();
        tables.add(matrix("mini-transfer", "Transfer matrix: target metric through a ridge readout from each"
                + " frozen source encoder (accuracy or R^2; rows sources, columns targets)", sources, targets,
                r.transfer()));
        tables.add(matrix("mini-winrate", "Winrate matrix: share of (evaluation image, other source) pairs each"
                + " source's readout wins", sources, targets, r.winrate()));
        if (r.hasFineTuned()) {
            tables.add(matrix("mini-finetune", "Fine-tuned transfers: target metric after fine-tuning each source"
                    + " encoder with a new head on the label budget (" + r.config().fineTuneEpochs() + " epochs)",
                    sources, targets, r.fineTuned()));
        }

        // DDS of every method on the probe images.
        Map<String, DdsConfig> methods = methods();
        Map<String, AffinityMatrix> observed = new LinkedHashMap<>();
        methods.forEach((name, config) -> observed.put(name, AffinityMatrix.compute(r.probe(), config)));
        AffinityMatrix defaultDds = observed.values().iterator().next();
        tables.add(matrix("mini-dds", "DDS (zscore, cosine, unbiased CKA) of each source with each target task's"
                + " own encoder, on " + r.probe().images() + " held-out images", sources, targets,
                columns(defaultDds, sources, targets)));

        progress.accept("  mini: subsampling the probe images (" + settings.replicates() + " subsamples)");
        ImageSubsampling subsampling = ImageSubsampling.half(r.probe().images());
        List<Map<String, double[]>> boot = subsampling.replicates(settings.replicates(),
                SeedMix.derive(seed, NAME, "bootstrap"), idx -> {
                    FeatureSet resampled = r.probe().selectImages(idx);
                    Map<String, double[]> means = new LinkedHashMap<>();
                    methods.forEach((name, config) -> means.put(name,
                            summaryMeans(r, AffinityMatrix.compute(resampled, config))));
                    return means;
                });

        ResultTable.Builder summary = ResultTable.builder("mini-summary", "Mean over the targets of Spearman(ground"
                + " truth, DDS) per column, with a " + subsampling.describe(settings.replicates(), settings.level())
                .replaceFirst("intervals", "interval") + " of the probe images and a permutation p-value ("
                + settings.permutations() + " shufflings; a random ranking scores 0)")
                .text("method", "ground truth", "diagonal").real("mean spearman", "ci lower", "ci upper", "p value");
        Map<String, double[]> observedMeans = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, AffinityMatrix> e : observed.entrySet()) {
            double[] means = summaryMeans(r, e.getValue());
            observedMeans.put(e.getKey(), means);
            int k = 0;
            for (Truth truth : Truth.available(r)) {
                for (boolean diagonal : new boolean[] {true, false}) {
                    int slot = k++;
                    Interval ci = subsampling.correlationInterval(means[slot], boot.stream()
                            .mapToDouble(b -> b.get(e.getKey())[slot]).toArray(), settings.level());
                    if (!ci.contains(means[slot])) {
                        missed.add(String.format(Locale.ROOT, "%s vs %s %s the diagonal, %.4f outside [%.4f, %.4f]",
                                e.getKey(), truth.label, diagonal ? "with" : "without", means[slot], ci.lower(),
                                ci.upper()));
                    }
                    double p = MeanSpearmanTest.pValueOfColumns(truthColumns(r, truth.of(r), diagonal),
                            ddsColumns(r, e.getValue(), diagonal), settings.permutations(),
                            SeedMix.derive(seed, NAME, e.getKey(), truth.label, diagonal));
                    summary.row(e.getKey(), truth.label, diagonal ? "with" : "without", means[slot], ci.lower(),
                            ci.upper(), p);
                }
            }
        }
        ResultTable summaryTable = summary.build();
        tables.add(summaryTable);
        ResultTable answer = answer(summaryTable);
        tables.add(0, answer);
        MethodComparison.Output comparison = compareMethods(r, observed, settings, seed);
        tables.addAll(comparison.tables());

        tables.add(perTarget(r, observed));

        // The 42-variant grid, as paper Table 2.
        progress.accept("  mini: the 42 (Q,D) x f variants");
        Map<String, AffinityMatrix> grid = AblationGrid.variants(r.probeShape()).compute(r.probe());
        for (Truth truth : Truth.available(r)) {
            for (boolean diagonal : new boolean[] {true, false}) {
                Map<String, Double> means = new LinkedHashMap<>();
                grid.forEach((key, m) -> means.put(key, Correlation.mean(perTargetRho(r, truth.of(r), m,
                        diagonal))));
                tables.add(AblationGrid.grid("mini-table2-" + truth.label + (diagonal ? "" : "-nodiag"),
                        "Table-2 analogue against the " + truth.label + " matrix, " + (diagonal ? "with" : "without")
                                + " the diagonal: mean Spearman per (Q,D) row and f column, g = unbiased CKA",
                        means, List.of()));
            }
        }

        // Layer selection.
        LayerSelection.Matrix layers = LayerSelection.blocksVersusTasks(r.blocks(),
                r.probe().select(targets), LayerSelection.paperConfig());
        List<String> blocks = r.blocks().names();
        tables.add(matrix("mini-layer-transfer", "Transfer from each block of the " + r.layerModel()
                + " encoder (ridge readout; accuracy or R^2)", blocks, targets, r.blockTransfer()));
        tables.add(matrix("mini-layer-dds", "DDS (zscore, laplacian, unbiased CKA) of each block of the "
                + r.layerModel() + " encoder with each target task's encoder", blocks, targets, layers.dds()));
        ResultTable.Builder agreement = ResultTable.builder("mini-layer-agreement", "Layer selection: the block with"
                + " the best measured transfer and the block DDS ranks first, per target, and the ranking measures"
                + " over the " + blocks.size() + " blocks").text("target", "family", "best block (measured)",
                        "best block (DDS)", "agree").real("spearman", "pearson", "weighted tau", "relative regret");
        int hits = 0;
        double rhoSum = 0;
        int rhoCount = 0;
        double[][] layerDds = layers.dds();
        for (int j = 0; j < targets.size(); j++) {
            double[] measured = Vectors.column(r.blockTransfer(), j);
            double[] predicted = Vectors.column(layerDds, j);
            int best = Vectors.argmax(measured);
            int chosen = Vectors.argmax(predicted);
            // DDS agrees when the block it ranks first has the best measured transfer (ties included).
            boolean agrees = measured[chosen] == measured[best];
            StringBuilder bestBlocks = new StringBuilder();
            for (int b = 0; b < measured.length; b++) {
                if (measured[b] == measured[best]) {
                    bestBlocks.append(bestBlocks.length() == 0 ? "" : " = ").append(blocks.get(b));
                }
            }
            boolean defined = !constant(measured) && !constant(predicted);
            double rho = defined ? Correlation.spearman(measured, predicted) : 0;
            hits += agrees ? 1 : 0;
            rhoSum += rho;
            rhoCount += defined ? 1 : 0;
            List<Object> row = new ArrayList<>(List.of(targets.get(j), r.targets().get(j).family().label(),
                    bestBlocks.toString(), blocks.get(chosen), agrees ? "yes" : "no"));
            if (defined && measured.length >= 3) {
                RankingMetrics m = RankingMetrics.of(measured, predicted);
                row.addAll(List.of(rho, m.pearson(), m.weightedTau(), m.regret().isPresent()
                        ? (Object) m.regret().getAsDouble() : Cell.missing("undefined (best transfer is 0)")));
            } else {
                Cell undefined = Cell.missing("undefined (constant)");
                row.addAll(List.of(defined ? (Object) rho : undefined, undefined, undefined, undefined));
            }
            agreement.row(row);
        }
        tables.add(agreement.build());

        tables.add(sources(r));
        ResultTable.Builder timing = ResultTable.builder("mini-timing",
                "Time of each stage (seconds: wall time, or worker-seconds where the stage says so)")
                .text("stage").real("seconds");
        r.seconds().forEach((stage, s) -> timing.row(stage, s));
        timing.row("evaluate DDS (bootstrap, permutations, 42 variants, layers)", (System.nanoTime() - start) / 1e9);
        tables.add(timing.build());

        String text = answerSentence(answer, targets.size(), settings) + " " + summaryText(r, observedMeans, missed,
                hits, rhoCount == 0 ? Double.NaN : rhoSum / rhoCount, targets.size(), grid.size()) + " "
                + comparison.note() + " " + estimatorText(r.estimators());
        ChartSpec matrices = r.hasFineTuned() ? ChartSpec.heatmap("mini-transfer", "mini-finetune", "mini-dds")
                : ChartSpec.heatmap("mini-transfer", "mini-winrate", "mini-dds");
        return new ExperimentResult(NAME, new MiniTaskonomy().paperReference(), text, tables).withCharts(
                ChartSpec.bars(ANSWER, "method", "mean spearman", "ci lower", "ci upper"), matrices,
                ChartSpec.heatmap("mini-layer-transfer", "mini-layer-dds"), comparison.chart());
    }

    /** The id of the table that answers the experiment's question. */
    static final String ANSWER = "mini-answer";

    /**
     * @param summary the summary table
     * @return the rows that answer the question: how well the default DDS, RSA and linear CKA rank the other
     *         sources by their measured transfer (transfer matrix, without the diagonal)
     */
    private static ResultTable answer(ResultTable summary) {
        ResultTable.Builder out = ResultTable.builder(ANSWER, "How well each method predicts transfer: mean over the"
                + " targets of Spearman(transfer, method) over the other sources (the target's own source left"
                + " out), with its interval and permutation p-value")
                .text("method").real("mean spearman", "ci lower", "ci upper", "p value");
        for (String method : List.of("DDS (zscore, cosine", "RSA", "linear CKA")) {
            for (int row = 0; row < summary.rowCount(); row++) {
                if (summary.text(row, "method").startsWith(method)
                        && summary.text(row, "ground truth").equals("transfer")
                        && summary.text(row, "diagonal").equals("without")) {
                    out.row(summary.text(row, "method"), summary.real(row, "mean spearman"),
                            summary.real(row, "ci lower"), summary.real(row, "ci upper"),
                            summary.real(row, "p value"));
                }
            }
        }
        return out.build();
    }

    /** @return the answer in one sentence, from {@link #answer}'s rows (DDS, RSA, linear CKA) */
    private static String answerSentence(ResultTable answer, int targets, Settings settings) {
        List<String> parts = new ArrayList<>();
        for (int row = 0; row < answer.rowCount(); row++) {
            parts.add(String.format(Locale.ROOT, "%s %.3f [%.3f, %.3f], p = %s", answer.text(row, "method"),
                    answer.real(row, "mean spearman"), answer.real(row, "ci lower"), answer.real(row, "ci upper"),
                    pValue(answer.real(row, "p value"), settings.permutations())));
        }
        return String.format(Locale.ROOT, "Answer: over the %d targets, ranking the other sources by their"
                + " similarity to the target's own encoder agrees with their measured transfer with a mean Spearman"
                + " (%s interval, permutation p-value; 0 is a random ranking, 1 the measured order) of %s.", targets,
                pct(settings.level()), String.join("; against ", parts));
    }

    private static String pValue(double p, int permutations) {
        double floor = 1.0 / (permutations + 1);
        return p <= floor ? String.format(Locale.ROOT, "%.4f (the floor of %d permutations)", p, permutations)
                : String.format(Locale.ROOT, "%.4f", p);
    }

    /** @return what the estimators' rows of the method comparison rest on, or where to find them */
    static String estimatorText(EstimatorScores e) {
        if (!e.present()) {
            return "The transferability estimators (LogME, H-score, NCE, LEEP, PARC, GBC, TransRate, kNN) join this"
                    + " comparison in the full mode, which computes them.";
        }
        return String.format(Locale.ROOT, "The transferability estimators score each source from its last-block"
                + " features (the readouts' features) on the first %d labelled images of each target's budget, with"
                + " that target's labels (GBC on the features' 64 leading principal components, as its authors'"
                + " code); regression targets drop the values that are the same for all of those images. Where an"
                + " estimator does not apply to a source or a target, its cells say why.",
                e.images());
    }

    /**
     * The methods side by side with the five ranking measures ({@link MethodComparison}), each target's own source
     * left out: DDS, RSA and linear CKA, then every transferability estimator the run computed
     * ({@link EstimatorScores}). An estimator that does not apply to some source of a target (LEEP and NCE read a
     * classifier's probabilities) says so for that target rather than ranking a subset of the sources.
     */
    static MethodComparison.Output compareMethods(MiniResults r, Map<String, AffinityMatrix> observed,
            Settings settings, long seed) {
        Map<String, List<MethodComparison.Scores>> methods = new LinkedHashMap<>();
        observed.forEach((name, dds) -> methods.put(name, r.targetNames().stream().map(t -> MethodComparison.Scores
                .of(r.sources().stream().mapToDouble(s -> dds.get(s, t)).toArray())).toList()));
        EstimatorScores e = r.estimators();
        for (int m = 0; m < e.methods().size(); m++) {
            List<MethodComparison.Scores> perTarget = new ArrayList<>();
            for (int j = 0; j < r.targetNames().size(); j++) {
                perTarget.add(estimatorScores(r, e, m, j));
            }
            methods.put(e.methods().get(m), perTarget);
        }
        List<MethodComparison.Truth> truths = Truth.available(r).stream()
                .map(t -> new MethodComparison.Truth(t.label, t.of(r))).toList();
        return MethodComparison.compare("mini-methods", r.sources(), r.targetNames(), truths, methods, false,
                new MethodComparison.Settings(settings.replicates(), settings.permutations(), settings.level(), seed));
    }

    /**
     * @return one estimator's scores of every source for target j, or why it does not apply: the reason of each
     *         source it does not apply to, the sources named when not all of them share it
     */
    static MethodComparison.Scores estimatorScores(MiniResults r, EstimatorScores e, int m, int j) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        double[] values = new double[r.sources().size()];
        for (int s = 0; s < values.length; s++) {
            String reason = e.reasons()[m][s][j];
            if (reason != null) {
                byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(r.sources().get(s));
            }
            values[s] = e.values()[m][s][j];
        }
        if (byReason.isEmpty()) {
            return MethodComparison.Scores.of(values);
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, sources) -> parts.add(e.methods().get(m) + " " + reason
                + (sources.size() == values.length ? "" : ": " + String.join(", ", sources))));
        return MethodComparison.Scores.notApplicable(String.join("; ", parts));
    }

    /** The summary means of one DDS matrix: per ground truth, with and without the diagonal. */
    static double[] summaryMeans(MiniResults r, AffinityMatrix dds) {
        List<Truth> truths = Truth.available(r);
        double[] out = new double[2 * truths.size()];
        int k = 0;
        for (Truth truth : truths) {
            for (boolean diagonal : new boolean[] {true, false}) {
                out[k++] = Correlation.mean(perTargetRho(r, truth.of(r), dds, diagonal));
            }
        }
        return out;
    }

    /**
     * @param r        the measurements
     * @param truth    sources x targets
     * @param dds      DDS over (at least) the sources
     * @param diagonal whether each target's own source is included
     * @return Spearman(truth[:, j], DDS[:, j]) per target j
     */
    static double[] perTargetRho(MiniResults r, double[][] truth, AffinityMatrix dds, boolean diagonal) {
        double[][] t = truthColumns(r, truth, diagonal);
        double[][] d = ddsColumns(r, dds, diagonal);
        double[] rho = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            rho[j] = Correlation.spearman(t[j], d[j]);
        }
        return rho;
    }

    /** @return per target, the ground truth over the sources (without the target's own source if asked) */
    static double[][] truthColumns(MiniResults r, double[][] truth, boolean diagonal) {
        List<String> targets = r.targetNames();
        double[][] out = new double[targets.size()][];
        for (int j = 0; j < targets.size(); j++) {
            List<Double> v = new ArrayList<>();
            for (int s = 0; s < r.sources().size(); s++) {
                if (diagonal || !r.sources().get(s).equals(targets.get(j))) {
                    v.add(truth[s][j]);
                }
            }
            out[j] = v.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    /** @return per target, DDS(source, target model) over the same sources as {@link #truthColumns} */
    static double[][] ddsColumns(MiniResults r, AffinityMatrix dds, boolean diagonal) {
        List<String> targets = r.targetNames();
        double[][] out = new double[targets.size()][];
        for (int j = 0; j < targets.size(); j++) {
            List<Double> v = new ArrayList<>();
            for (String source : r.sources()) {
                if (diagonal || !source.equals(targets.get(j))) {
                    v.add(dds.get(source, targets.get(j)));
                }
            }
            out[j] = v.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    private static ResultTable perTarget(MiniResults r, Map<String, AffinityMatrix> observed) {
        List<String> targets = r.targetNames();
        List<String> names = new ArrayList<>(observed.keySet());
        AffinityMatrix dds = observed.get(names.get(0));
        AffinityMatrix rsa = observed.get(names.get(2));
        double[] ddsRho = perTargetRho(r, r.transfer(), dds, false);
        double[] rsaRho = perTargetRho(r, r.transfer(), rsa, false);
        double[] ddsWin = perTargetRho(r, r.winrate(), dds, false);
        double[] rsaWin = perTargetRho(r, r.winrate(), rsa, false);
        ResultTable.Builder rows = ResultTable.builder("mini-per-target", "Per target, without the diagonal:"
                + " Spearman of DDS (zscore, cosine) and of RSA with the transfer and winrate columns, and the best"
                + " other source measured and as each ranks it").text("target", "family")
                .real("dds vs transfer", "rsa vs transfer", "dds vs winrate", "rsa vs winrate")
                .text("best source (measured)", "best source (DDS)", "best source (RSA)");
        for (int j = 0; j < targets.size(); j++) {
            String t = targets.get(j);
            rows.row(t, r.targets().get(j).family().label(), ddsRho[j], rsaRho[j], ddsWin[j], rsaWin[j],
                    bestSource(r, r.transfer(), j), bestBy(r, dds, j), bestBy(r, rsa, j));
        }
        return rows.build();
    }

    private static String bestSource(MiniResults r, double[][] truth, int j) {
        String target = r.targetNames().get(j);
        int best = -1;
        for (int s = 0; s < r.sources().size(); s++) {
            if (!r.sources().get(s).equals(target) && (best < 0 || truth[s][j] > truth[best][j])) {
                best = s;
            }
        }
        return r.sources().get(best);
    }

    private static String bestBy(MiniResults r, AffinityMatrix dds, int j) {
        String target = r.targetNames().get(j);
        String best = null;
        for (String s : r.sources()) {
            if (!s.equals(target) && (best == null || dds.get(s, target) > dds.get(best, target))) {
                best = s;
            }
        }
        return best;
    }

    private static ResultTable sources(MiniResults r) {
        ResultTable.Builder rows = ResultTable.builder("mini-sources", "The sources: each task's own score through"
                + " its own frozen encoder (the transfer diagonal), last-epoch training loss, training time and"
                + " whether it came from the cache").text("source", "family")
                .real("own-task score", "last training loss", "train seconds").text("obtained");
        Cell none = Cell.missing("-");
        for (int s = 0; s < r.sourceRuns().size(); s++) {
            MiniResults.SourceRun run = r.sourceRuns().get(s);
            int j = r.targetNames().indexOf(run.name());
            rows.row(run.name(), j < 0 ? "control" : r.targets().get(j).family().label(),
                    j < 0 ? none : Double.valueOf(r.transfer()[s][j]),
                    Double.isNaN(run.lastLoss()) ? none : Double.valueOf(run.lastLoss()), run.seconds(),
                    run.fromCache() ? "cache" : j < 0 ? "untrained" : "trained");
        }
        return rows.build();
    }

    private static String summaryText(MiniResults r, Map<String, double[]> means, List<String> missed,
            int layerHits, double layerRho, int targets, int variants) {
        List<String> names = new ArrayList<>(means.keySet());
        double[] dds = means.get(names.get(0));
        double[] rsa = means.get(names.get(2));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d source encoders (%d tasks on Fashion-MNIST and an untrained"
                + " control) trained here (%s); transfer by ridge readouts from frozen encoders on %d labelled"
                + " images, evaluated on %d test images; DDS on %d other test images. ", r.sources().size(), targets,
                r.config().sourceKey(), r.config().budget(), r.config().evalImages(), r.probe().images()));
        s.append(String.format(Locale.ROOT, "DDS (zscore, cosine, unbiased CKA) vs the transfer matrix: mean"
                + " Spearman %.3f with the diagonal, %.3f without; RSA %.3f and %.3f. Against the winrate matrix:"
                + " DDS %.3f and %.3f, RSA %.3f and %.3f. ", dds[0], dds[1], rsa[0], rsa[1], dds[2], dds[3], rsa[2],
                rsa[3]));
        if (r.hasFineTuned()) {
            s.append(String.format(Locale.ROOT, "Against the fine-tuned transfers: DDS %.3f and %.3f, RSA %.3f and"
                    + " %.3f. ", dds[4], dds[5], rsa[4], rsa[5]));
        }
        s.append(dds[1] > rsa[1] ? "Here DDS ranks the other sources better than RSA does (without the diagonal,"
                + " transfer matrix)" : "Here DDS does NOT rank the other sources better than RSA (without the"
                + " diagonal, transfer matrix)");
        s.append(dds[1] > 0 ? "; " : " and not better than a random ranking (expected 0); ");
        s.append(String.format(Locale.ROOT, "see the permutation p-values for whether either is distinguishable"
                + " from random. Layer selection: DDS picks the block with the best measured transfer for %d of %d"
                + " targets (mean Spearman over the blocks %s). The grid tables show all %d (Q,D) x f variants;"
                + " none was chosen by looking at them.", layerHits, targets, Double.isNaN(layerRho) ? "undefined"
                : String.format(Locale.ROOT, "%.3f", layerRho), variants));
        int total = means.size() * dds.length;
        s.append(missed.isEmpty() ? String.format(Locale.ROOT, " Every one of the %d summary intervals contains its"
                + " estimate.", total) : String.format(Locale.ROOT, " %d of the %d summary intervals do not contain"
                + " their own estimate: %s.", missed.size(), total, String.join("; ", missed)));
        return s.toString();
    }

    private static ResultTable matrix(String id, String title, List<String> rows, List<String> columns,
            double[][] values) {
        ResultTable.Builder out = ResultTable.builder(id, title).text(id.startsWith("mini-layer") ? "block" : "source")
                .columns(columns, CellType.REAL);
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(rows.get(i));
            for (int j = 0; j < columns.size(); j++) {
                row.add(values[i][j]);
            }
            out.row(row);
        }
        return out.build();
    }

    private static double[][] columns(AffinityMatrix dds, List<String> rows, List<String> columns) {
        double[][] out = new double[rows.size()][columns.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                out[i][j] = dds.get(rows.get(i), columns.get(j));
            }
        }
        return out;
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static String pct(double level) {
        return String.format(Locale.ROOT, "%.0f%%", level * 100);
    }
}
