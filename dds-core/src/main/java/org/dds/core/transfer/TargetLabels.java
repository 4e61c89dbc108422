package org.dds.core.transfer;

import java.util.Arrays;
import java.util.Objects;

import org.dds.core.DdsInputException;

/**
 * The labels of the n target images, in the images' order: classes (any integers, renamed 0..C-1 in increasing
 * order, so a renaming of the classes changes no score) or regression targets (n x m reals). Immutable; arrays are
 * copied in and out.
 *
 * <p>Refused when made, in one sentence naming the parameter {@code labels}: fewer than 2 classes, a class with
 * a single image (no spread to estimate), non-finite or ragged regression targets, a constant target column (it
 * says nothing about any source).
 */
public final class TargetLabels {
    private final TargetKind kind;
    private final int[] classes;
    private final int classCount;
    private final int[] classSizes;
    private final int[] classNames;
    private final double[][] values;

    private TargetLabels(TargetKind kind, int[] classes, int[] classNames, int[] classSizes, double[][] values) {
        this.kind = kind;
        this.classes = classes;
        this.classNames = classNames;
        this.classCount = classNames == null ? 0 : classNames.length;
        this.classSizes = classSizes;
        this.values = values;
    }

    /**
     * @param labels one class per image, any integers
     * @return classification labels
     * @throws DdsInputException if there are fewer than 2 classes or a class has a single image
     */
    public static TargetLabels classes(int[] labels) {
        Objects.requireNonNull(labels, "labels");
        int[] names = Arrays.stream(labels).distinct().sorted().toArray();
        if (names.length < 2) {
            throw new DdsInputException(p -> "the " + p.apply("labels") + " hold "
                    + (names.length == 0 ? "no images" : "a single class (" + names[0] + ")")
                    + ": ranking sources for a classification task needs at least 2 classes");
        }
        int[] coded = new int[labels.length];
        int[] sizes = new int[names.length];
        for (int i = 0; i < labels.length; i++) {
            coded[i] = Arrays.binarySearch(names, labels[i]);
            sizes[coded[i]]++;
        }
        for (int c = 0; c < names.length; c++) {
            if (sizes[c] < 2) {
                int name = names[c];
                int image = indexOf(labels, name);
                throw new DdsInputException(p -> "class " + name + " of the " + p.apply("labels")
                        + " has a single image (image " + image + "): every class needs at least 2 images; add"
                        + " images of it or drop that image");
            }
        }
        return new TargetLabels(TargetKind.CLASSIFICATION, coded, names, sizes, null);
    }

    /**
     * @param targets one real per image (a single regression target)
     * @return regression labels with one column
     */
    public static TargetLabels regression(double[] targets) {
        Objects.requireNonNull(targets, "targets");
        double[][] rows = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            rows[i] = new double[] {targets[i]};
        }
        return regression(rows);
    }

    /**
     * @param targets n x m: m real targets per image
     * @return regression labels
     * @throws DdsInputException if rows differ in length, a value is not finite, or a column is constant
     */
    public static TargetLabels regression(double[][] targets) {
        Objects.requireNonNull(targets, "targets");
        if (targets.length < 2 || targets[0].length == 0) {
            throw new DdsInputException(p -> "the " + p.apply("labels") + " hold " + targets.length
                    + " images with " + (targets.length == 0 ? 0 : targets[0].length)
                    + " targets: give at least 2 images and 1 target per image");
        }
        int m = targets[0].length;
        double[][] copy = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            int row = i;
            if (targets[i].length != m) {
                throw new DdsInputException(p -> "image " + row + " of the " + p.apply("labels") + " has "
                        + targets[row].length + " targets but image 0 has " + m + ": every image needs the same"
                        + " number");
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(targets[i][j])) {
                    int col = j;
                    throw new DdsInputException(p -> "the " + p.apply("labels") + " hold " + targets[row][col]
                            + " at image " + row + ", target " + col + ": every target must be a finite number");
                }
            }
            copy[i] = targets[i].clone();
        }
        for (int j = 0; j < m; j++) {
            boolean constant = true;
            for (int i = 1; i < copy.length && constant; i++) {
                constant = copy[i][j] == copy[0][j];
            }
            if (constant) {
                int col = j;
                throw new DdsInputException(p -> "target " + col + " of the " + p.apply("labels")
                        + " is the same for every image (" + copy[0][col] + "): it cannot tell sources apart;"
                        + " drop that column");
            }
        }
        return new TargetLabels(TargetKind.REGRESSION, null, null, null, copy);
    }

    /**
     * @param n how many images to keep, from the first
     * @return the labels of the first n images (refused as {@link #classes} or {@link #regression} would refuse
     *         them, e.g. when a class is left with one image)
     */
    public TargetLabels firstImages(int n) {
        if (n < 1 || n > size()) {
            throw new DdsInputException(p -> "cannot keep the first " + n + " of the " + size() + " images of the "
                    + p.apply("labels") + ": choose between 1 and " + size());
        }
        if (kind == TargetKind.CLASSIFICATION) {
            int[] named = new int[n];
            for (int i = 0; i < n; i++) {
                named[i] = classNames[classes[i]];
            }
            return classes(named);
        }
        return regression(Arrays.copyOf(values, n));
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** @return classification or regression */
    public TargetKind kind() {
        return kind;
    }

    /** @return n, the number of images labelled */
    public int size() {
        return kind == TargetKind.CLASSIFICATION ? classes.length : values.length;
    }

    /** @return C, the number of classes (classification), or 0 */
    public int classCount() {
        return classCount;
    }

    /** @return each image's class, renamed 0..C-1 in increasing order of the given names (a copy) */
    public int[] classIndices() {
        requireKind(TargetKind.CLASSIFICATION);
        return classes.clone();
    }

    /** @return the number of images of each class 0..C-1 (a copy) */
    public int[] classSizes() {
        requireKind(TargetKind.CLASSIFICATION);
        return classSizes.clone();
    }

    /** @return the given name of each class 0..C-1 (a copy) */
    public int[] classNames() {
        requireKind(TargetKind.CLASSIFICATION);
        return classNames.clone();
    }

    /** @return m, the number of regression targets per image (regression), or 0 */
    public int targetCount() {
        return kind == TargetKind.REGRESSION ? values[0].length : 0;
    }

    /** @return the n x m regression targets (a copy) */
    public double[][] values() {
        requireKind(TargetKind.REGRESSION);
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    /**
     * The targets as columns: the one-hot columns of the classes (classification) or the regression columns.
     *
     * @return m x n, one array per target column
     */
    public double[][] targetColumns() {
        int n = size();
        if (kind == TargetKind.CLASSIFICATION) {
            double[][] out = new double[classCount][n];
            for (int i = 0; i < n; i++) {
                out[classes[i]][i] = 1;
            }
            return out;
        }
        double[][] out = new double[values[0].length][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j][i] = values[i][j];
            }
        }
        return out;
    }

    private void requireKind(TargetKind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException("these are " + kind.word() + " labels, not " + wanted.word());
        }
    }

    @Override
    public String toString() {
        return kind == TargetKind.CLASSIFICATION
                ? "TargetLabels(classification, n=" + size() + ", classes=" + classCount + ")"
                : "TargetLabels(regression, n=" + size() + ", targets=" + targetCount() + ")";
    }
}
