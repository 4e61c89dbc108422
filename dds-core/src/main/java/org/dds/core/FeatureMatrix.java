package org.dds.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * The features one model gives for n images: an immutable n x d matrix of finite float64 values, one row per
 * image, stored row-major. Float32 inputs are widened to float64 when the matrix is made, so every later step
 * computes in float64.
 *
 * <p>Construction refuses NaN and infinities with the model name and the first bad position.
 */
public final class FeatureMatrix {
    private final String name;
    private final int rows;
    private final int cols;
    private final double[] data;

    private FeatureMatrix(String name, int rows, int cols, double[] data) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Makes a matrix from row-major values (copied).
     *
     * @param name model name, used in every error message
     * @param rows n, the number of images (at least 1)
     * @param cols d, the number of features (at least 1)
     * @param data n * d values, row-major
     * @return the matrix
     * @throws DdsInputException if the sizes disagree or a value is NaN or infinite
     */
    public static FeatureMatrix of(String name, int rows, int cols, double[] data) {
        return wrap(name, rows, cols, data.clone());
    }

    /**
     * Makes a matrix from row-major float32 values, widened to float64.
     *
     * @param name model name
     * @param rows n
     * @param cols d
     * @param data n * d values, row-major
     * @return the matrix
     */
    public static FeatureMatrix ofFloats(String name, int rows, int cols, float[] data) {
        double[] wide = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            wide[i] = data[i];
        }
        return wrap(name, rows, cols, wide);
    }

    /**
     * Makes a matrix from an array of rows (copied).
     *
     * @param name model name
     * @param rows one array per image, all of the same length
     * @return the matrix
     */
    public static FeatureMatrix of(String name, double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new DdsInputException("features of model '" + name + "' have no images: give at least one row");
        }
        int d = rows[0].length;
        double[] flat = new double[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new DdsInputException("features of model '" + name + "': image " + i + " has "
                        + rows[i].length + " values but image 0 has " + d + ": every image needs the same number");
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return wrap(name, rows.length, d, flat);
    }

    /**
     * Takes ownership of {@code data} without copying; for code in this library that made the array itself.
     *
     * @param name model name
     * @param rows n
     * @param cols d
     * @param data n * d values, row-major; must not be modified afterwards
     * @return the matrix
     */
    public static FeatureMatrix wrap(String name, int rows, int cols, double[] data) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (rows < 1 || cols < 1) {
            throw new DdsInputException("features of model '" + name + "' are " + rows + " x " + cols
                    + ": need at least one image and one feature");
        }
        if ((long) rows * cols != data.length) {
            throw new DdsInputException("features of model '" + name + "' declare " + rows + " x " + cols
                    + " but hold " + data.length + " values: the file is truncated or its header is wrong");
        }
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                throw new DdsInputException("features of model '" + name + "' contain " + data[k] + " at image "
                        + (k / cols) + ", feature " + (k % cols)
                        + ": DDS needs finite values; fix or drop that image in every model");
            }
        }
        return new FeatureMatrix(name, rows, cols, data);
    }

    /** @return the model name */
    public String name() {
        return name;
    }

    /** @return n, the number of images */
    public int rows() {
        return rows;
    }

    /** @return d, the number of features per image */
    public int cols() {
        return cols;
    }

    /**
     * @param i image
     * @param j feature
     * @return X[i][j]
     */
    public double get(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        return data[i * cols + j];
    }

    /** @return a row-major copy of the values */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * The backing row-major array, not copied: callers inside the library must not modify it.
     *
     * @return the values
     */
    double[] data() {
        return data;
    }

    /**
     * Read-only access to the backing array for the library's numerical kernels.
     *
     * @param x a matrix
     * @return its row-major values; must not be modified
     */
    public static double[] unsafeData(FeatureMatrix x) {
        return x.data;
    }

    /**
     * @param n how many images to keep, 1..rows
     * @return the first n images
     */
    public FeatureMatrix firstRows(int n) {
        if (n < 1 || n > rows) {
            throw new DdsInputException("cannot take the first " + n + " images of model '" + name + "', which has "
                    + rows + ": choose a number between 1 and " + rows);
        }
        return n == rows ? this : new FeatureMatrix(name, n, cols, Arrays.copyOf(data, n * cols));
    }

    /**
     * @param indices image indices, in the order wanted (repeats allowed)
     * @return the selected images
     */
    public FeatureMatrix selectRows(int[] indices) {
        double[] out = new double[Math.multiplyExact(indices.length, cols)];
        for (int r = 0; r < indices.length; r++) {
            Objects.checkIndex(indices[r], rows);
            System.arraycopy(data, indices[r] * cols, out, r * cols, cols);
        }
        return new FeatureMatrix(name, indices.length, cols, out);
    }

    /**
     * @param newName the name to give
     * @return the same values under another name
     */
    public FeatureMatrix withName(String newName) {
        return new FeatureMatrix(Objects.requireNonNull(newName, "newName"), rows, cols, data);
    }

    @Override
    public String toString() {
        return "FeatureMatrix(" + name + ", " + rows + " x " + cols + ")";
    }
}
