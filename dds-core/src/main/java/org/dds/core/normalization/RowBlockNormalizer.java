package org.dds.core.normalization;

import java.io.Serializable;
import java.util.stream.IntStream;

import org.dds.core.FeatureMatrix;

/**
 * A normalisation fitted to all n rows of one model, applied to any block of its rows: the block's rows come out
 * as the same rows of {@link Normalization#apply} on the whole matrix. This is how tiled computations normalise
 * features they never hold whole. Serializable, so that a distributed job can ship it to its workers.
 */
@FunctionalInterface
public interface RowBlockNormalizer extends Serializable {

    /**
     * @param rows  row-major block of {@code count} rows of d values, normalised in place
     * @param count the number of rows in the block
     */
    void normalize(double[] rows, int count);

    /**
     * @param normalization a normalisation that treats every row on its own (identity, group, instance or layer
     *                      normalisation), so that a block normalises as the whole matrix does
     * @param model         the model name
     * @param d             the number of features
     * @return the normaliser that applies it to each block
     */
    static RowBlockNormalizer rowwise(Normalization normalization, String model, int d) {
        return (rows, count) -> {
            double[] out = FeatureMatrix.unsafeData(normalization.apply(FeatureMatrix.wrap(model, count, d, rows)));
            if (out != rows) {
                System.arraycopy(out, 0, rows, 0, count * d);
            }
        };
    }

    /**
     * The per-column affine map (x - shift) / divisor, with a divisor of exactly 0 sending the column to 0: column
     * centring (divisor 1), z-scoring and batch normalisation.
     *
     * @param shift   d values subtracted
     * @param divisor d divisors, 0 for a constant column
     * @return the normaliser
     */
    static RowBlockNormalizer columnAffine(double[] shift, double[] divisor) {
        double[] s = shift.clone();
        double[] v = divisor.clone();
        int d = s.length;
        int[] constant = IntStream.range(0, d).filter(k -> v[k] == 0.0).toArray();
        return (rows, count) -> {
            // Large blocks on all cores (the whole-matrix engine's passes); the tiled engine gives a few rows at a
            // time, which one core does faster. The loop has no branch, so that the JIT vectorises it; the columns
            // with divisor 0 are set to 0 afterwards.
            IntStream range = IntStream.range(0, count);
            if ((long) count * d >= 1 << 18) {
                range = range.parallel();
            }
            range.forEach(i -> {
                int off = i * d;
                for (int k = 0; k < d; k++) {
                    // Division, not multiplication by 1/s, to round like the whole-matrix normalisations.
                    rows[off + k] = (rows[off + k] - s[k]) / v[k];
                }
                for (int k : constant) {
                    rows[off + k] = 0.0;
                }
            });
        };
    }
}
