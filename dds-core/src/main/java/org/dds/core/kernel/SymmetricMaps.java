package org.dds.core.kernel;

import java.util.function.DoubleUnaryOperator;

/** Element-wise maps of symmetric matrices, evaluated on the diagonal and upper triangle only, then mirrored. */
final class SymmetricMaps {
    private SymmetricMaps() {
    }

    /**
     * @param m  symmetric n x n, row-major
     * @param n  order
     * @param op the map
     * @return op applied to every entry, exactly symmetric
     */
    static double[] apply(double[] m, int n, DoubleUnaryOperator op) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = op.applyAsDouble(m[i * n + j]);
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
        }
        return out;
    }
}
