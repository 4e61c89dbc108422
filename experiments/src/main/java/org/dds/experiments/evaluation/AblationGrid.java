package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.affinity.Ablation;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.kernel.FunctionType;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.NormalizationType;
import org.dds.experiments.published.PublishedTable;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;

/**
 * The 7 x 6 grid of paper Table 2 (Dwivedi et al., ECCV 2020): DDS with each (Q,D) normalisation (rows) and each
 * function f (columns), g = unbiased-centred CKA. Table 2, the g ablations and Mini-Taskonomy score it.
 *
 * <p>Rows: identity, centering, zscore, batch_norm, instance_norm, layer_norm, group_norm, the paper's order with
 * the authors' notebook's extra centering row after identity. Columns: linear, rbf, laplacian, pearson, euclidean,
 * cosine.
 */
public final class AblationGrid {
    /** The rows, in report order. */
    public static final List<NormalizationType> NORMALIZATIONS = List.of(NormalizationType.IDENTITY,
            NormalizationType.CENTERING, NormalizationType.ZSCORE, NormalizationType.BATCH_NORM,
            NormalizationType.INSTANCE_NORM, NormalizationType.LAYER_NORM, NormalizationType.GROUP_NORM);

    /** The columns, in report order. */
    public static final List<FunctionType> FUNCTIONS = List.of(FunctionType.LINEAR, FunctionType.RBF,
            FunctionType.LAPLACIAN, FunctionType.PEARSON, FunctionType.EUCLIDEAN, FunctionType.COSINE);

    private AblationGrid() {
    }

    /**
     * @param shape the feature-map shape of the map normalisations
     * @return the 42 variants, keyed by {@link #key}, rows then columns
     */
    public static Scoring.Variants variants(MapShape shape) {
        List<Normalization> norms = NORMALIZATIONS.stream().map(n -> n.create(shape)).toList();
        List<PairwiseFunction> functions = FUNCTIONS.stream().map(FunctionType::create).toList();
        return models -> {
            Map<String, Map<String, AffinityMatrix>> ablation = Ablation.compute(models, norms, functions,
                    new Cka(Centering.UNBIASED));
            Map<String, AffinityMatrix> out = new LinkedHashMap<>();
            for (int a = 0; a < norms.size(); a++) {
                for (int b = 0; b < functions.size(); b++) {
                    out.put(key(NORMALIZATIONS.get(a), FUNCTIONS.get(b)),
                            ablation.get(norms.get(a).name()).get(functions.get(b).name()));
                }
            }
            return out;
        };
    }

    /**
     * @param norm a row
     * @param f    a column
     * @return the variant's key, e.g. {@code zscore/cosine}
     */
    public static String key(NormalizationType norm, FunctionType f) {
        return norm.cliName() + "/" + f.cliName();
    }

    /**
     * The 7 x 6 means without p-values or intervals.
     *
     * @param models    the evaluated models on the chosen images
     * @param benchmark the ground truth
     * @param shape     the feature-map shape
     * @return scores by {@link #key}, then by matrix
     */
    public static Map<String, Map<TaskonomyMatrix, Scoring.Score>> scores(FeatureSet models,
            TaskonomyBenchmark benchmark, MapShape shape) {
        return Scoring.scores(models, benchmark, variants(shape));
    }

    /**
     * The grid as a table: header {@code norm,linear,rbf,laplacian,pearson,euclidean,cosine}, one row per
     * normalisation.
     *
     * @param id        the table id
     * @param title     its title
     * @param means     the mean of each cell, by {@link #key}
     * @param published the published values beside them
     * @return the table
     */
    public static ResultTable grid(String id, String title, Map<String, Double> means,
            List<PublishedValue> published) {
        ResultTable.Builder table = ResultTable.builder(id, title).text("norm");
        FUNCTIONS.forEach(f -> table.real(f.cliName()));
        for (NormalizationType n : NORMALIZATIONS) {
            List<Object> row = new ArrayList<>();
            row.add(n.cliName());
            for (FunctionType f : FUNCTIONS) {
                row.add(means.get(key(n, f)));
            }
            table.row(row);
        }
        return table.published(published).build();
    }

    /**
     * @param against a matrix
     * @return the authors' notebook table for it
     */
    public static PublishedTable notebook(TaskonomyMatrix against) {
        return PublishedTable.notebookTable2(against.cliName());
    }

    /**
     * @param against a matrix
     * @return the name of the notebook table for it in reports
     */
    public static String notebookName(TaskonomyMatrix against) {
        return "authors' notebook, " + against.cliName() + " table";
    }
}
