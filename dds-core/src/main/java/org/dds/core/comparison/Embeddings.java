package org.dds.core.comparison;

import org.dds.core.DdsInputException;

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
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        double norm = Math.sqrt(s);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new DdsInputException("model '" + model + "': " + what + " is constant, so DDS with it is "
                    + "undefined (are all its images alike?): check its features or choose another f or g");
        }
        for (int k = 0; k < v.length; k++) {
            v[k] /= norm;
        }
        return v;
    }
}
