package org.dds.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.dds.core.FeatureSet;
import org.dds.io.FeatureReader;

/**
 * Access to ../shared/oracle: the oracle's feature sets and expected affinity matrices (written by
 * ../shared/oracle/dds_ref.py, float64, repr precision).
 */
public final class Oracle {
    private Oracle() {
    }

    /** Oracle normalisation names in Table-2 row order. */
    public static final List<String> NORMS = List.of("None", "centering", "znorm", "group_norm", "instance_norm",
            "layer_norm", "batch_norm");
    /** Oracle f names in Table-2 column order. */
    public static final List<String> FUNCS = List.of("rbf", "lap", "linear", "pearson", "euclidean", "cosine");
    /** Oracle g names. */
    public static final List<String> GS = List.of("cka_unbiased", "cka_biased", "cka_none", "spearman", "pearson");

    /**
     * @param dir directory relative to ../shared/oracle (models in models.txt order)
     * @return the models, read by the project's {@link FeatureReader}
     */
    public static FeatureSet features(String dir) {
        return FeatureReader.read(SharedData.require("oracle/" + dir));
    }

    /**
     * @param relative path under ../shared/oracle/expected
     * @return the matrix in the CSV (header of names skipped)
     */
    public static double[][] expectedMatrix(String relative) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("oracle/expected/" + relative));
        double[][] m = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",");
            int first = isNumber(parts[0]) ? 0 : 1;
            m[i - 1] = new double[parts.length - first];
            for (int k = first; k < parts.length; k++) {
                m[i - 1][k - first] = parts[k].equals("nan") ? Double.NaN : Double.parseDouble(parts[k]);
            }
        }
        return m;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
