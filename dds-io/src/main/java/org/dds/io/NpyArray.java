package org.dds.io;

import java.util.Arrays;

/**
 * A numeric array of any rank (0-D included) read from a {@code .npy} or an {@code .npz} member, in C order
 * (last index fastest): float16 and float32 data as {@code float}s, every other numeric type as {@code double}s.
 * Exactly one of {@link #floats()} and {@link #doubles()} is non-null. The value arrays are shared, not copied:
 * they can be large.
 *
 * @param where   how messages name the source, e.g. {@code file '/data/a.npy'}
 * @param shape   the dimensions (empty for a 0-D array)
 * @param floats  the values, or null
 * @param doubles the values, or null
 */
public record NpyArray(String where, int[] shape, float[] floats, double[] doubles) {
    /** Checks that exactly one value array is given and that it holds as many values as the shape. */
    public NpyArray {
        shape = shape.clone();
        if ((floats == null) == (doubles == null)) {
            throw new IllegalArgumentException("exactly one of floats and doubles must be given");
        }
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        int size = floats != null ? floats.length : doubles.length;
        if (count != size) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count
                    + " values but " + size + " are given");
        }
    }

    /** @return a copy of the dimensions */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** @return the dimensions as longs (ND4J's shapes) */
    public long[] longShape() {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    /** @return the number of dimensions */
    public int rank() {
        return shape.length;
    }

    /** @return the number of values */
    public int size() {
        return floats != null ? floats.length : doubles.length;
    }

    /** @return true if the values are float32 (read as {@link #floats()}) */
    public boolean isFloat() {
        return floats != null;
    }

    /**
     * @param dst where to copy the values (widened to float64)
     * @param at  first index written
     */
    public void copyTo(double[] dst, int at) {
        if (floats != null) {
            for (int k = 0; k < floats.length; k++) {
                dst[at + k] = floats[k];
            }
        } else {
            System.arraycopy(doubles, 0, dst, at, doubles.length);
        }
    }

    /** @return e.g. {@code NpyArray(file 'a.npy', 2 x 3, float32)} */
    @Override
    public String toString() {
        return "NpyArray(" + where + ", " + Shapes.text(shape) + ", " + (floats != null ? "float32" : "float64")
                + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && where.equals(a.where) && Arrays.equals(shape, a.shape)
                && Arrays.equals(floats, a.floats) && Arrays.equals(doubles, a.doubles);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(floats)) + Arrays.hashCode(doubles);
    }
}
