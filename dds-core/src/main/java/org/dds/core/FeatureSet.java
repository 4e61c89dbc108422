package org.dds.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The features of several models on the same images, in a fixed model order. Every model has the same number
 * of images (rows are aligned: row i of every model describes image i) and a distinct name.
 */
public final class FeatureSet {
    private final List<FeatureMatrix> models;

    /**
     * @param models the models, in order; at least one
     * @throws DdsInputException if names repeat or the numbers of images differ
     */
    public FeatureSet(List<FeatureMatrix> models) {
        Objects.requireNonNull(models, "models");
        if (models.isEmpty()) {
            throw new DdsInputException("no models were given: DDS needs the features of at least one model");
        }
        FeatureMatrix first = models.get(0);
        Set<String> seen = new HashSet<>();
        for (FeatureMatrix m : models) {
            if (!seen.add(m.name())) {
                throw new DdsInputException("model '" + m.name() + "' appears twice: give each model once");
            }
            if (m.rows() != first.rows()) {
                throw new DdsInputException("features of model '" + m.name() + "' have " + m.rows()
                        + " rows but '" + first.name() + "' has " + first.rows()
                        + ": all models must describe the same images");
            }
        }
        this.models = List.copyOf(models);
    }

    /** @return the models, in order (unmodifiable) */
    public List<FeatureMatrix> models() {
        return models;
    }

    /** @return the number of models T */
    public int size() {
        return models.size();
    }

    /** @return the number of images n shared by every model */
    public int images() {
        return models.get(0).rows();
    }

    /** @return the model names, in order */
    public List<String> names() {
        List<String> names = new ArrayList<>(models.size());
        for (FeatureMatrix m : models) {
            names.add(m.name());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * @param name a model name
     * @return its position in the order
     * @throws DdsInputException naming the known models if there is no such model
     */
    public int indexOf(String name) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new DdsInputException("unknown model '" + name + "': the features hold " + String.join(", ", names()));
    }

    /**
     * @param name a model name
     * @return that model's features
     */
    public FeatureMatrix get(String name) {
        return models.get(indexOf(name));
    }

    /**
     * @param n images to keep (the first n), 1..images()
     * @return every model restricted to its first n images
     */
    public FeatureSet firstImages(int n) {
        if (n < 1 || n > images()) {
            throw new DdsInputException(p -> "asked for the first " + n + " images but the features describe "
                    + images() + ": choose " + p.apply("images") + " between 1 and " + images());
        }
        if (n == images()) {
            return this;
        }
        List<FeatureMatrix> out = new ArrayList<>(models.size());
        for (FeatureMatrix m : models) {
            out.add(m.firstRows(n));
        }
        return new FeatureSet(out);
    }

    /**
     * @param indices image indices
     * @return every model restricted to those images, in that order
     */
    public FeatureSet selectImages(int[] indices) {
        List<FeatureMatrix> out = new ArrayList<>(models.size());
        for (FeatureMatrix m : models) {
            out.add(m.selectRows(indices));
        }
        return new FeatureSet(out);
    }

    /**
     * @param names the models to keep, in the order wanted
     * @return those models
     */
    public FeatureSet select(List<String> names) {
        List<FeatureMatrix> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(get(n));
        }
        return new FeatureSet(out);
    }

    @Override
    public String toString() {
        return "FeatureSet(" + models.size() + " models x " + images() + " images)";
    }
}
