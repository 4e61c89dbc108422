package org.dds.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.Dds;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.affinity.PreparedModel;
import org.dds.core.transfer.EstimatorInput;
import org.dds.core.transfer.Knn;
import org.dds.core.transfer.TargetKind;
import org.dds.core.transfer.TargetLabels;
import org.dds.core.transfer.TransferabilityEstimator;
import org.dds.core.transfer.TransferabilityMethods;
import org.dds.io.LabelReader;
import org.dds.reports.ResultTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dds rank}: source models ranked for a target task, by DDS with a model trained on the target task, or by
 * a transferability estimator from the target labels ({@code --labels}), or by all of them at once.
 */
@Command(name = "rank", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Source models ranked for a target task (DDS or a transferability estimator), as CSV.",
        description = {
            "Ranks candidate source models for a target task, best first. Without --labels: by DDS between each"
                    + " source's features and the target model's (--target) on the same images (Dwivedi et al., ECCV"
                    + " 2020: the most similar source is the best initialisation to transfer from).",
            "With --labels (the target task's labels of the same images, in the same order): by a transferability"
                    + " estimator, --method logme (default), hscore, hscore-reg, nce, leep, parc, gbc, transrate or"
                    + " knn; or --method all: every method that applies, dds included when --target is given.",
            "Writes CSV 'rank,model,<method>', one row per source (the --target model is left out). With --method"
                    + " all: 'rank,model,<method>...,rank_<method>...', rows in the order of the first column, each"
                    + " method's own rank beside; a method that cannot apply is left out with one line on stderr"
                    + " saying why."
        },
        footer = {
            "%nExamples:",
            "  ./dds rank --features feats/ --target segmentsemantic",
            "  ./dds rank --features feats/ --labels labels.npy --method logme",
            "  ./dds rank --features feats/ --labels labels.csv --method all --source-probabilities probs/",
            "%nThe target of DDS is one of the models in the features: extract the features of a small model"
                    + " trained on the new task (or of its probe) on the same images as the sources.",
            "%nLabels: a .npy of n integers (classes) or of n floats or n x m floats (regression targets), or a CSV"
                    + " with one row per image (optional header; one integer column = classes, otherwise regression"
                    + " targets); --label-kind overrides the guess. Every class needs at least 2 images.",
            "%nLEEP and NCE read the source classifiers' class probabilities on the same images, not features:"
                    + " --source-probabilities names a directory of <model>.npy files (n x C_s, rows summing to 1),"
                    + " one per source model, named as in --features.",
            "%nWith --labels every image is used unless --images N is given (then the first N of features and"
                    + " labels).",
            "%n" + Help.FEATURES,
            "%n" + Help.EXIT_CODES
        })
final class RankCommand extends DdsSubcommand {
    /** The method names besides the estimators'. */
    private static final String DDS = "dds";
    private static final String ALL = "all";

    @Option(names = "--features", required = true, paramLabel = "PATH",
            description = "the features of the sources (and of the target model for DDS; see below)")
    Path features;

    @Option(names = "--target", paramLabel = "NAME",
            description = "the target model's name, for DDS (needed without --labels)")
    String target;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "the target task's labels of the same images (.npy or .csv; see below)")
    Path labels;

    @Option(names = "--label-kind", paramLabel = "KIND",
            description = "read --labels as classification or regression (default: from the file)")
    String labelKind;

    @Option(names = "--method", paramLabel = "NAME",
            description = "logme, hscore, hscore-reg, nce, leep, parc, gbc, transrate, knn, dds or all (default: dds"
                    + " without --labels, logme with)")
    String method;

    @Option(names = "--k", paramLabel = "N", defaultValue = "1",
            description = "neighbours of --method knn (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--source-probabilities", paramLabel = "PATH",
            description = "the source classifiers' probabilities on the same images, for leep and nce (see below)")
    Path sourceProbabilities;

    @Mixin
    DdsOptions dds;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the CSV to FILE (complete or not at all) instead of stdout")
    Path out;

    /** One method's scores of the candidates, in the candidates' order. */
    private record Column(String method, double[] scores) {
    }

    @Override
    List<Outputs.Output> outputs() {
        return Outputs.given(new Outputs.Output("--out", out, Outputs.Kind.FILE));
    }

    @Override
    List<Outputs.Input> inputs() {
        return Outputs.given(new Outputs.Input("--features", features));
    }

    @Override
    void execute() {
        String chosen = method == null ? (labels == null ? DDS : "logme") : method.trim().toLowerCase(Locale.ROOT);
        List<String> known = new ArrayList<>(TransferabilityMethods.names());
        known.add(DDS);
        known.add(ALL);
        if (!known.contains(chosen)) {
            throw new DdsInputException("unknown --method '" + method + "': expected one of "
                    + String.join(", ", known));
        }
        if (labels == null && !chosen.equals(DDS)) {
            throw new DdsInputException("--method " + chosen + " scores sources against the target task's labels:"
                    + " give them with --labels FILE (or rank by DDS with --target)");
        }
        FeatureSet set = dds.features(features, "--features");
        if (target != null && !set.names().contains(target)) {
            throw new DdsInputException("--target '" + target + "' is not a model in " + features + ", which holds "
                    + String.join(", ", set.names()) + ": choose one of those");
        }
        if (labels == null) {
            set = dds.firstImages(set);
            List<String> candidates = candidates(set);
            emitRanking(candidates, new Column(DDS, ddsScores(set, candidates)));
            return;
        }
        TargetLabels y = LabelReader.read(labels, kind());
        if (y.size() != set.images()) {
            throw new DdsInputException("--labels " + labels + " holds " + y.size() + " labels but the features in "
                    + features + " describe " + set.images() + " images: give one label per image, in the features'"
                    + " image order");
        }
        FeatureSet probabilities = sourceProbabilities == null ? null
                : DdsOptions.read(sourceProbabilities, "--source-probabilities");
        if (probabilities != null && probabilities.images() != set.images()) {
            throw new DdsInputException("--source-probabilities " + sourceProbabilities + " describe "
                    + probabilities.images() + " images but the features describe " + set.images()
                    + ": give the source classifiers' probabilities of the same images");
        }
        if (dds.images != null) {
            int n = dds.imageCount(set.images());
            set = set.firstImages(n);
            y = y.firstImages(n);
            probabilities = probabilities == null ? null : probabilities.firstImages(n);
        }
        List<String> candidates = candidates(set);
        if (!chosen.equals(ALL)) {
            Column column = chosen.equals(DDS) ? ddsColumn(set, candidates)
                    : estimatorColumn(estimator(chosen), set, probabilities, y, candidates);
            emitRanking(candidates, column);
            return;
        }
        List<Column> columns = new ArrayList<>();
        for (String name : TransferabilityMethods.names()) {
            try {
                columns.add(estimatorColumn(estimator(name), set, probabilities, y, candidates));
            } catch (DdsInputException e) {
                err().println(name + ": left out: " + e.messageFor(Flags::of));
            }
        }
        if (target == null) {
            err().println("dds: left out: DDS compares each source with a model trained on the target task: name"
                    + " it with --target");
        } else {
            columns.add(ddsColumn(set, candidates));
        }
        if (columns.isEmpty()) {
            throw new DdsInputException("no method applies to these features and --labels " + labels
                    + " (the reasons are above): see --help for what each method needs");
        }
        emitAll(candidates, columns);
    }

    private Optional<TargetKind> kind() {
        if (labelKind == null) {
            return Optional.empty();
        }
        for (TargetKind k : TargetKind.values()) {
            if (k.word().equals(labelKind.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        throw new DdsInputException("unknown --label-kind '" + labelKind + "': expected classification or regression");
    }

    private TransferabilityEstimator estimator(String name) {
        return name.equals("knn") ? new Knn(k) : TransferabilityMethods.byName(name);
    }

    /** @return the models to rank: all but the DDS target, in the features' order */
    private List<String> candidates(FeatureSet set) {
        List<String> out = new ArrayList<>(set.names());
        if (target != null) {
            out.remove(target);
        }
        if (out.isEmpty()) {
            throw new DdsInputException(features + " holds only the target '" + target
                    + "': add the features of the source models to rank");
        }
        return out;
    }

    private Column ddsColumn(FeatureSet set, List<String> candidates) {
        return new Column(DDS, ddsScores(set, candidates));
    }

    private double[] ddsScores(FeatureSet set, List<String> candidates) {
        if (target == null) {
            throw new DdsInputException("--target is needed to rank by DDS, which compares each source with a model"
                    + " trained on the target task: name that model (or rank by the target labels with --labels and"
                    + " another --method)");
        }
        DdsConfig config = dds.config();
        PreparedModel t = Dds.prepare(set.get(target), config);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Dds.prepare(set.get(candidates.get(i)), config).similarity(t);
        }
        return scores;
    }

    private Column estimatorColumn(TransferabilityEstimator e, FeatureSet set, FeatureSet probabilities,
            TargetLabels y, List<String> candidates) {
        TransferabilityMethods.requireSupport(e, y.kind());
        boolean readsProbabilities = e.input() == EstimatorInput.SOURCE_PROBABILITIES;
        if (readsProbabilities && probabilities == null) {
            throw new DdsInputException(e.name() + " reads the source classifiers' class probabilities, not features:"
                    + " give --source-probabilities DIR with one <model>.npy (n x C_s, rows summing to 1) per source"
                    + " model");
        }
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            String model = candidates.get(i);
            if (readsProbabilities && !probabilities.names().contains(model)) {
                throw new DdsInputException("--source-probabilities " + sourceProbabilities + " holds no"
                        + " probabilities for model '" + model + "': give one <model>.npy per source model");
            }
            FeatureMatrix x = readsProbabilities ? probabilities.get(model) : set.get(model);
            try {
                scores[i] = e.score(rows(x), y);
            } catch (DdsInputException ex) {
                throw new DdsInputException(p -> "model '" + model + "': " + ex.messageFor(p), ex);
            }
        }
        return new Column(e.name(), scores);
    }

    private static double[][] rows(FeatureMatrix x) {
        double[][] out = new double[x.rows()][x.cols()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = x.get(i, j);
            }
        }
        return out;
    }

    /** @return the candidates' indices, best first; ties keep the features' order, so the ranking is deterministic */
    private static List<Integer> order(double[] scores) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed().thenComparingInt(i -> i));
        return order;
    }

    private void emitRanking(List<String> candidates, Column column) {
        String title = column.method().equals(DDS) ? "Sources ranked by DDS with " + target
                : "Sources ranked by " + column.method() + " for the labels " + labels.getFileName();
        ResultTable.Builder table = ResultTable.builder("rank", title)
                .integer("rank").text("model").real(column.method());
        List<Integer> order = order(column.scores());
        for (int r = 0; r < order.size(); r++) {
            table.row(r + 1, candidates.get(order.get(r)), column.scores()[order.get(r)]);
        }
        emit(table.build(), out);
    }

    private void emitAll(List<String> candidates, List<Column> columns) {
        Map<String, int[]> ranks = new LinkedHashMap<>();
        for (Column c : columns) {
            List<Integer> order = order(c.scores());
            int[] rank = new int[candidates.size()];
            for (int r = 0; r < order.size(); r++) {
                rank[order.get(r)] = r + 1;
            }
            ranks.put(c.method(), rank);
        }
        ResultTable.Builder table = ResultTable.builder("rank", "Sources ranked by every applicable method, in the"
                + " order of " + columns.get(0).method()).integer("rank").text("model");
        for (Column c : columns) {
            table.real(c.method());
        }
        for (Column c : columns) {
            table.integer("rank_" + c.method());
        }
        List<Integer> order = order(columns.get(0).scores());
        for (int r = 0; r < order.size(); r++) {
            int i = order.get(r);
            List<Object> row = new ArrayList<>();
            row.add(r + 1);
            row.add(candidates.get(i));
            for (Column c : columns) {
                row.add(c.scores()[i]);
            }
            for (Column c : columns) {
                row.add(ranks.get(c.method())[i]);
            }
            table.row(row);
        }
        emit(table.build(), out);
    }
}
