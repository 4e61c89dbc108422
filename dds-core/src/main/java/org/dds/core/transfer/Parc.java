package org.dds.core.transfer;

import java.util.EnumSet;
import java.util.Set;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.kernel.RowGeometry;
import org.dds.core.normalization.ZScore;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.Ranks;

/**
 * PARC, pairwise annotation representation comparison (Bolya, Mittapalli, Hoffman, "Scalable Diverse Model
 * Selection for Accessible Transfer Learning", NeurIPS 2021): a representational-similarity comparison of the
 * features with the labels,
 *
 * <pre>
 *   PARC = Spearman( triu(1 - corr(z(F))), triu(1 - corr(Y)) ),
 * </pre>
 *
 * corr the Pearson correlation between rows (images), z the column z-score (population sd; a constant column
 * becomes 0, as the authors' {@code StandardScaler}), triu the strict upper triangle and Y the one-hot labels
 * (whose correlation distance is exactly 0 within a class and C / (C - 1) between classes) or the regression
 * targets (which need m >= 2 per image for a correlation between images). Ties get their average rank;
 * distances within 1e-10 of each other are one tie, since rounding splits distances that are equal in exact
 * arithmetic (the label distances of two targets per image are all 0 or 2). The
 * authors' code first reduces the features to 32 dimensions by PCA and multiplies by 100; neither is part of the
 * formula, and neither is done here (reduce the features beforehand to follow that pipeline). It is the paper's
 * DDS with Q,D = z-score, f = 1 - Pearson, g = Spearman, taken between the features and the labels.
 */
public record Parc() implements TransferabilityEstimator {
    /** Distances closer than this (relative to 1 + d, so about absolute) are one tie. */
    static final double TIE = 1e-10;

    @Override
    public String name() {
        return "parc";
    }

    @Override
    public EstimatorInput input() {
        return EstimatorInput.FEATURES;
    }

    @Override
    public Set<TargetKind> targetKinds() {
        return EnumSet.allOf(TargetKind.class);
    }

    @Override
    public double score(double[][] features, TargetLabels labels) {
        Inputs.check(this, features, labels);
        int n = features.length;
        if (n < 3) {
            throw new DdsInputException(p -> "PARC compares pairs of images and needs at least 3, the "
                    + p.apply("labels") + " have " + n + ": give more images");
        }
        FeatureMatrix z = new ZScore().apply(FeatureMatrix.of("features", features));
        requireVaryingRows(z, "features", "z-scored features");
        double[] fd = upperTriangle(new RowGeometry(z, true).correlationDistances(), n);
        double[] yd;
        if (labels.kind() == TargetKind.CLASSIFICATION) {
            int[] y = labels.classIndices();
            double between = labels.classCount() / (labels.classCount() - 1.0);
            yd = new double[n * (n - 1) / 2];
            int p = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    yd[p++] = y[i] == y[j] ? 0 : between;
                }
            }
        } else {
            if (labels.targetCount() < 2) {
                throw new DdsInputException(p -> "PARC correlates the targets of two images and needs at least 2"
                        + " targets per image, the " + p.apply("labels") + " have 1: use logme or knn for a"
                        + " single regression target");
            }
            FeatureMatrix targets = FeatureMatrix.of("labels", labels.values());
            requireVaryingRows(targets, "labels", "regression targets");
            yd = upperTriangle(new RowGeometry(targets).correlationDistances(), n);
        }
        return Correlation.pearson(ranks(fd), ranks(yd));
    }

    /** A row with the same value everywhere has no correlation with any other row. */
    private static void requireVaryingRows(FeatureMatrix x, String parameter, String what) {
        double[] v = FeatureMatrix.unsafeData(x);
        int d = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            boolean constant = true;
            for (int k = 1; k < d && constant; k++) {
                constant = v[i * d + k] == v[i * d];
            }
            if (constant) {
                int image = i;
                throw new DdsInputException(p -> "image " + image + " has the same value in all its " + what
                        + " (" + p.apply(parameter) + "), so PARC's correlation between images is undefined for"
                        + " it: remove that image");
            }
        }
    }

    /**
     * Average ranks of distances in [0, 2], those within {@value #TIE} of each other tied: ranked as 1 + d, in
     * [1, 3], so that the relative tolerance is an absolute one. Distances that are equal in exact arithmetic
     * (two targets per image give only 0 and 2) differ by rounding, up to 1e-11 for the Gram-matrix shortcut.
     */
    private static double[] ranks(double[] distances) {
        double[] shifted = new double[distances.length];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = 1 + distances[i];
        }
        return Ranks.average(shifted, TIE);
    }

    private static double[] upperTriangle(double[] m, int n) {
        double[] v = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                v[p++] = m[i * n + j];
            }
        }
        return v;
    }
}
