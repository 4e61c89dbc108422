package org.dds.core.affinity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.numeric.MatrixProducts;

/**
 * The T x T matrix A[i][j] = DDS(X_i, X_j) over a set of models, symmetric, with the model names.
 *
 * <p>{@link #compute} prepares each model once (normalise, f, embed for g: T preparations). When g is a
 * {@link org.dds.core.comparison.UnitVectorComparison} all pairs are compared with one matrix product V V^T of the
 * stacked embeddings ({@link MatrixProducts}); any other g compares the T models' matrices pair by pair with its
 * {@link org.dds.core.comparison.MatrixComparison#compare compare}. Memory is O(T n^2 + n d).
 */
public final class AffinityMatrix {
    private final List<String> names;
    private final double[][] values;

    /**
     * @param names  model names, in order
     * @param values T x T values (copied)
     */
    public AffinityMatrix(List<String> names, double[][] values) {
        this.names = List.copyOf(names);
        if (values.length != names.size()) {
            throw new IllegalArgumentException(values.length + " rows for " + names.size() + " names");
        }
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != names.size()) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values");
            }
            this.values[i] = values[i].clone();
        }
    }

    /**
     * @param set    the models (same images)
     * @param config normalisation, f and g
     * @return the affinity matrix
     */
    public static AffinityMatrix compute(FeatureSet set, DdsConfig config) {
        for (FeatureMatrix x : set.models()) {
            Dds.checkImages(x, config.comparison());
        }
        PreparedModel[] prepared = new PreparedModel[set.size()];
        PerModel.run(set.size(), m -> prepared[m] = Dds.prepare(set.models().get(m), config));
        return of(set.names(), new ArrayList<>(Arrays.asList(prepared)));
    }

    /**
     * The bytes {@link #compute} needs, roughly: the features in float64, every model's packed centred matrix
     * (n(n-1)/2 values) kept for the one V V^T product, and a few n x n temporaries per model being prepared
     * (one per core).
     *
     * @param models T
     * @param images n
     * @param cols   the largest d
     * @return bytes
     */
    public static double estimatedBytes(int models, int images, int cols) {
        double n2 = (double) images * images;
        int concurrent = Math.min(models, Runtime.getRuntime().availableProcessors());
        return 8.0 * ((double) models * images * cols + models * n2 / 2 + concurrent * 5 * n2);
    }

    /**
     * The naive computation the authors' code does: every pair recomputes both models from scratch. Kept as the
     * baseline of the benchmark and as a cross-check in tests.
     *
     * @param set    the models
     * @param config normalisation, f and g
     * @return the affinity matrix
     */
    public static AffinityMatrix computeNaive(FeatureSet set, DdsConfig config) {
        int t = set.size();
        double[][] a = new double[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = i; j < t; j++) {
                a[i][j] = Dds.similarity(set.models().get(i), set.models().get(j), config);
                a[j][i] = a[i][j];
            }
        }
        return new AffinityMatrix(set.names(), a);
    }

    /**
     * The affinity matrix of prepared models: V V^T when they are embedded, else every pair compared by g.
     *
     * @param names    model names
     * @param prepared one prepared model per name, all prepared under one configuration (consumed)
     * @return the affinity matrix
     */
    static AffinityMatrix of(List<String> names, List<PreparedModel> prepared) {
        return prepared.get(0).embedded() ? fromEmbeddings(names, prepared) : pairwise(names, prepared);
    }

    /** Compares every pair i <= j with g; the matrix is symmetric by construction. */
    private static AffinityMatrix pairwise(List<String> names, List<PreparedModel> prepared) {
        int t = prepared.size();
        double[][] a = new double[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = i; j < t; j++) {
                a[i][j] = prepared.get(i).similarity(prepared.get(j));
                a[j][i] = a[i][j];
            }
        }
        return new AffinityMatrix(names, a);
    }

    /** Stacks the embeddings as the rows of V and forms V V^T in one product, then symmetrises it. */
    private static AffinityMatrix fromEmbeddings(List<String> names, List<PreparedModel> prepared) {
        int t = prepared.size();
        int m = prepared.get(0).embedding().length;
        double[] flat = new double[Math.multiplyExact(t, m)];
        for (int i = 0; i < t; i++) {
            System.arraycopy(prepared.get(i).embedding(), 0, flat, i * m, m);
            prepared.set(i, null);
        }
        double[][] a = MatrixProducts.innerProducts(flat, t, m);
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                double s = (a[i][j] + a[j][i]) / 2.0;
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return new AffinityMatrix(names, a);
    }

    /** @return the model names, in order */
    public List<String> names() {
        return names;
    }

    /** @return T */
    public int size() {
        return names.size();
    }

    /**
     * @param i row model
     * @param j column model
     * @return DDS(X_i, X_j)
     */
    public double get(int i, int j) {
        return values[i][j];
    }

    /**
     * @param rowModel    a model name
     * @param columnModel a model name
     * @return DDS between them
     */
    public double get(String rowModel, String columnModel) {
        return values[index(rowModel)][index(columnModel)];
    }

    /**
     * @param name a model name
     * @return its index
     */
    public int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new DdsInputException("unknown model '" + name + "': the affinity matrix holds "
                    + String.join(", ", names));
        }
        return i;
    }

    /** @return a copy of the values */
    public double[][] toArray() {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    /**
     * @param keep model names to keep, in the order wanted
     * @return the sub-matrix over those models
     */
    public AffinityMatrix select(List<String> keep) {
        int[] idx = keep.stream().mapToInt(this::index).toArray();
        double[][] out = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                out[i][j] = values[idx[i]][idx[j]];
            }
        }
        return new AffinityMatrix(keep, out);
    }
}
