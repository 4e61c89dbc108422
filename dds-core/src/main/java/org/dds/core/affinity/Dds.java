package org.dds.core.affinity;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.comparison.UnitVectorComparison;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.kernel.RowGeometry;
import org.dds.core.normalization.Normalization;
import org.dds.core.numeric.Scaling;

/**
 * Duality Diagram Similarity between two models (Dwivedi, Huang, Cichy, Roig, ECCV 2020):
 * DDS(X, Y) = g(f(Q_X X D_X), f(Q_Y Y D_Y)), computed in float64 whatever the input precision.
 *
 * <p>A model's side of the comparison is {@linkplain #prepare prepared} once: normalise, form the n x n matrix
 * f and, when g is a {@link UnitVectorComparison}, embed it as the unit vector g compares (DDS is then the dot
 * product of two embeddings). T models need T preparations, not T^2 (see {@link AffinityMatrix}).
 */
public final class Dds {
    private Dds() {
    }

    /**
     * DDS between two models computed from scratch.
     *
     * @param x      features of the first model
     * @param y      features of the second model, same images in the same order
     * @param config normalisation, f and g
     * @return the similarity (1 for identical features)
     * @throws DdsInputException if the models describe different numbers of images or DDS is undefined
     */
    public static double similarity(FeatureMatrix x, FeatureMatrix y, DdsConfig config) {
        if (x.rows() != y.rows()) {
            throw new DdsInputException("features of model '" + y.name() + "' have " + y.rows() + " rows but '"
                    + x.name() + "' has " + x.rows() + ": all models must describe the same images");
        }
        return prepare(x, config).similarity(prepare(y, config));
    }

    /**
     * One model's side of every comparison under {@code config}.
     *
     * @param x      features
     * @param config normalisation, f and g
     * @return the prepared model, such that DDS(X, Y) = prepare(X).similarity(prepare(Y))
     * @throws DdsInputException if the model has too few images for g or f or g is undefined on it
     */
    public static PreparedModel prepare(FeatureMatrix x, DdsConfig config) {
        checkImages(x, config.comparison());
        Normalization norm = config.normalization();
        FeatureMatrix z = norm.apply(x);
        if (config.function().scaleInvariant()) {
            // Exact, and changes no DDS for such f: keeps squares of features at 1e160 or 1e-200 finite and non-zero.
            z = Scaling.toModerateRange(z);
        }
        return prepare(new RowGeometry(z, norm.centresColumns()), config.function(), config.comparison());
    }

    /**
     * @param geometry the normalised rows
     * @param f        the function
     * @param g        the comparison
     * @return f's matrix prepared for g
     */
    static PreparedModel prepare(RowGeometry geometry, PairwiseFunction f, MatrixComparison g) {
        double[] m = g.removesRowAndColumnEffects() ? f.matrixForCentredComparison(geometry) : f.matrix(geometry);
        return PreparedModel.of(geometry.name(), geometry.rows(), g, m);
    }

    static void checkImages(FeatureMatrix x, MatrixComparison g) {
        checkImages(x.name(), x.rows(), g);
    }

    static void checkImages(String model, int rows, MatrixComparison g) {
        if (rows < g.minimumImages()) {
            throw new DdsInputException(p -> "model '" + model + "' has " + rows + " images but " + g
                    + " needs at least " + g.minimumImages() + ": give more images"
                    + (g.minimumImages() == 4 ? " or use " + p.apply("centering") + " biased" : ""));
        }
    }
}
