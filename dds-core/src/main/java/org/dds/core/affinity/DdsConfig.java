package org.dds.core.affinity;

import java.io.Serializable;

import org.dds.core.DdsInputException;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.comparison.UpperTriangleSpearman;
import org.dds.core.kernel.CosineDistance;
import org.dds.core.kernel.Linear;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.kernel.PearsonDistance;
import org.dds.core.kernel.Rbf;
import org.dds.core.normalization.Identity;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.ZScore;

/**
 * One duality-diagram similarity: normalisation (Q, D), function f and comparison g.
 *
 * @param normalization (Q, D)
 * @param function      f
 * @param comparison    g
 */
public record DdsConfig(Normalization normalization, PairwiseFunction function, MatrixComparison comparison)
        implements Serializable {

    /** Validates that all three parts are given. */
    public DdsConfig {
        if (normalization == null || function == null || comparison == null) {
            throw new DdsInputException("a DDS configuration needs a normalisation, an f and a g");
        }
    }

    /** @return the paper's recommended DDS: z-score, f = cosine, g = unbiased CKA */
    public static DdsConfig defaults() {
        return new DdsConfig(new ZScore(), new CosineDistance(), new Cka(Centering.UNBIASED));
    }

    /**
     * Representational similarity analysis (Dwivedi and Roig 2019): raw features, 1 - Pearson RDMs, Spearman of
     * their upper triangles.
     *
     * @return RSA as a DDS
     */
    public static DdsConfig rsa() {
        return new DdsConfig(new Identity(), new PearsonDistance(), new UpperTriangleSpearman());
    }

    /**
     * Linear CKA (Kornblith et al. 2019): raw features, linear kernel, centred alignment.
     *
     * @param centering unbiased (debiased CKA) or biased (the original estimator)
     * @return linear CKA as a DDS
     */
    public static DdsConfig linearCka(Centering centering) {
        return new DdsConfig(new Identity(), new Linear(), new Cka(centering));
    }

    /**
     * RBF CKA (Kornblith et al. 2019) with the median-distance bandwidth.
     *
     * @param threshold the bandwidth factor t (Kornblith et al. use 0.5 among others)
     * @param centering CKA centring
     * @return RBF CKA as a DDS
     */
    public static DdsConfig rbfCka(double threshold, Centering centering) {
        return new DdsConfig(new Identity(), new Rbf(threshold), new Cka(centering));
    }

    /** @return a short label such as {@code zscore/cosine/Cka(centering=unbiased)} */
    public String label() {
        return normalization.name() + "/" + function.name() + "/" + comparison;
    }
}
