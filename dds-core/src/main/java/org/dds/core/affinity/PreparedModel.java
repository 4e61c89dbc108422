package org.dds.core.affinity;

import org.dds.core.DdsInputException;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.comparison.UnitVectorComparison;

/**
 * One model's side of a DDS comparison, computed once: its n x n matrix f (normalised features), or, when g is a
 * {@link UnitVectorComparison}, the unit vector g embeds that matrix as. {@link #similarity} then compares two
 * prepared models without redoing either side, so T models need T preparations, not T^2.
 */
public final class PreparedModel {
    private final String name;
    private final int images;
    private final MatrixComparison comparison;
    /** The embedding when {@link #embedded}, else the n x n matrix f, row-major. Never exposed. */
    private final double[] values;
    private final boolean embedded;

    private PreparedModel(String name, int images, MatrixComparison comparison, double[] values, boolean embedded) {
        this.name = name;
        this.images = images;
        this.comparison = comparison;
        this.values = values;
        this.embedded = embedded;
    }

    /**
     * @param name       the model
     * @param images     n
     * @param comparison g
     * @param matrix     the model's n x n matrix f, row-major (kept, not copied: the caller hands it over)
     * @return the model prepared for g: embedded when g has a unit-vector embedding, else the matrix itself
     */
    static PreparedModel of(String name, int images, MatrixComparison comparison, double[] matrix) {
        if (comparison instanceof UnitVectorComparison u) {
            return new PreparedModel(name, images, comparison, u.embed(matrix, images, name), true);
        }
        return new PreparedModel(name, images, comparison, matrix, false);
    }

    /** @return the model name */
    public String name() {
        return name;
    }

    /** @return n, the number of images */
    public int images() {
        return images;
    }

    /** @return true when this model is held as g's unit-vector embedding (the fast path) */
    public boolean embedded() {
        return embedded;
    }

    /**
     * @param other another model prepared under the same configuration
     * @return DDS between the two models
     * @throws DdsInputException if the two were prepared for different numbers of images or different g
     */
    public double similarity(PreparedModel other) {
        if (other.images != images) {
            throw new DdsInputException("features of model '" + other.name + "' have " + other.images
                    + " rows but '" + name + "' has " + images + ": all models must describe the same images");
        }
        if (!other.comparison.equals(comparison)) {
            throw new DdsInputException("model '" + other.name + "' was prepared for g = " + other.comparison
                    + " but '" + name + "' for g = " + comparison + ": prepare both with the same comparison");
        }
        return embedded ? UnitVectorComparison.dot(values, other.values)
                : comparison.compare(values, other.values, images);
    }

    /** @return the embedding, for stacking into V (the caller must not modify it) */
    double[] embedding() {
        if (!embedded) {
            throw new IllegalStateException("model '" + name + "' has no embedding under " + comparison);
        }
        return values;
    }
}
