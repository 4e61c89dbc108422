package org.dds.experiments.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.kernel.Laplacian;
import org.dds.core.normalization.ZScore;

/**
 * The three methods of paper Table 3 (Dwivedi et al., ECCV 2020): RSA (Dwivedi and Roig 2019: raw features,
 * 1 - Pearson, Spearman of upper triangles), DDS (f = cosine) and DDS (f = Laplacian), both with z-scoring and
 * unbiased CKA. Table 3, the per-task correlations and the image-count study score them.
 */
public final class TaskonomyMethods {
    /** The paper's name of the RSA row. */
    public static final String RSA = "RSA";
    /** The paper's name of the DDS cosine row. */
    public static final String DDS_COSINE = "DDS (f = cosine)";
    /** The paper's name of the DDS Laplacian row. */
    public static final String DDS_LAPLACIAN = "DDS (f = Laplacian)";

    private TaskonomyMethods() {
    }

    /** @return the three computed methods and their DDS, in the paper's row order */
    public static Map<String, DdsConfig> methods() {
        Map<String, DdsConfig> m = new LinkedHashMap<>();
        m.put(RSA, DdsConfig.rsa());
        m.put(DDS_COSINE, DdsConfig.defaults());
        m.put(DDS_LAPLACIAN, new DdsConfig(new ZScore(), new Laplacian(), new Cka(Centering.UNBIASED)));
        return m;
    }

    /** @return the three methods as scoring variants */
    public static Scoring.Variants variants() {
        Map<String, DdsConfig> methods = methods();
        return models -> {
            Map<String, AffinityMatrix> out = new LinkedHashMap<>();
            methods.forEach((name, config) -> out.put(name, AffinityMatrix.compute(models, config)));
            return out;
        };
    }
}
