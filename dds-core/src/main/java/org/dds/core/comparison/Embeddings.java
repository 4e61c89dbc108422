package org.dds.core.comparison;

import org.dds.core.DdsInputException;
import org.dds.core.numeric.Scaling;

/** Helpers shared by the comparisons: upper triangles and scaling to unit length. */
final class Embeddings {
    private Embeddings() {
    }

    /** Strict upper triangle of a row-major n x n matrix, row by row (numpy's triu_indices order). */
    static double[] upperTriangle(double[] m, int n) {
        double[] v = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                v[p++] = m[i * n + j];
            }
        }
        return v;
    }

    /** Subtracts the mean (with one correction pass) in place. */
    static void centre(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        double m = s / v.length;
        double c = 0;
        for (double x : v) {
            c += x - m;
        }
        m += c / v.length;
        for (int k = 0; k < v.length; k++) {
            v[k] -= m;
        }
    }

    /** Scales v to unit length in place; refuses a zero vector. */
    static double[] unit(double[] v, String model, String what) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        if (!Double.isFinite(max)) {
            throw new DdsInputException("model '" + model + "': " + what + " overflows (its features are too large "
                    + "for this f): rescale the features, or choose a normalisation such as zscore");
        }
        if (!(max > 0)) {
            throw new DdsInputException("model '" + model + "': " + what + " is constant, so DDS with it is "
                    + "undefined (are all its images alike?): check its features or choose another f or g");
        }
        // Values far from 1 are scaled by a power of two (exactly), so that the sum of squares neither overflows
        // nor underflows; ordinary values are summed as they are.
        double f = Scaling.factor(max);
        double s = 0;
        for (double x : v) {
            double t = x * f;
            s += t * t;
        }
        double norm = Math.sqrt(s) / f;
        for (int k = 0; k < v.length; k++) {
            v[k] /= norm;
        }
        return v;
    }
}
