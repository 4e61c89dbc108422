package org.dds.io.pickle;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric NumPy array read from a pickle: its shape and its values widened to float64 in C order (row-major,
 * last index fastest), whatever the order and byte order it was stored in. The record copies its arrays in and out.
 *
 * @param shape the dimensions (empty for a 0-d array); each at least 0
 * @param data  the values in C order; as many as the product of the dimensions
 * @param dtype the stored element type without byte order, e.g. {@code f4}, {@code f8}, {@code i2}, {@code b1}
 */
public record NdArray(int[] shape, double[] data, String dtype) {

    /** Validates and copies the arrays. */
    public NdArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        data = data.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values but " + data.length + " were given");
        }
    }

    /** @return a copy of the dimensions */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** @return a copy of the values, C order */
    @Override
    public double[] data() {
        return data.clone();
    }

    /** @return the number of dimensions */
    public int rank() {
        return shape.length;
    }

    /** @return the number of values */
    public int size() {
        return data.length;
    }

    /**
     * @param index one index per dimension
     * @return the value there
     */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("need " + shape.length + " indices, got " + index.length);
        }
        int flat = 0;
        for (int k = 0; k < index.length; k++) {
            flat = flat * shape[k] + Objects.checkIndex(index[k], shape[k]);
        }
        return data[flat];
    }

    /**
     * Reorders values stored in Fortran order (first index fastest) into C order (last index fastest).
     *
     * @param fortran the values in Fortran order
     * @param shape   the array's dimensions
     * @return a new array in C order
     */
    public static double[] fortranToC(double[] fortran, int[] shape) {
        double[] out = new double[fortran.length];
        new Permutation(shape).run((from, to) -> out[to] = fortran[from]);
        return out;
    }

    /**
     * Reorders float values stored in Fortran order into C order.
     *
     * @param fortran the values in Fortran order
     * @param shape   the array's dimensions
     * @return a new array in C order
     */
    public static float[] fortranToC(float[] fortran, int[] shape) {
        float[] out = new float[fortran.length];
        new Permutation(shape).run((from, to) -> out[to] = fortran[from]);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data)
                && dtype.equals(a.dtype);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(data)) + dtype.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NdArray(").append(dtype).append(", ");
        for (int k = 0; k < shape.length; k++) {
            sb.append(k == 0 ? "" : " x ").append(shape[k]);
        }
        return sb.append(shape.length == 0 ? "scalar)" : ")").toString();
    }

    /** Walks the C-order positions of an array and the Fortran-order position holding the same element. */
    private record Permutation(int[] shape) {
        interface Move {
            void apply(int from, int to);
        }

        void run(Move move) {
            int rank = shape.length;
            long total = 1;
            for (int d : shape) {
                total *= d;
            }
            if (total == 0) {
                return;
            }
            if (rank <= 1) {
                for (int k = 0; k < total; k++) {
                    move.apply(k, k);
                }
                return;
            }
            // Fortran strides: the first index moves by 1, index k by the product of the dimensions before it.
            int[] stride = new int[rank];
            stride[0] = 1;
            for (int k = 1; k < rank; k++) {
                stride[k] = stride[k - 1] * shape[k - 1];
            }
            int[] index = new int[rank];
            int last = rank - 1;
            int lastStride = stride[last];
            int lastDim = shape[last];
            int base = 0;
            int to = 0;
            while (to < total) {
                for (int j = 0, from = base; j < lastDim; j++, from += lastStride) {
                    move.apply(from, to++);
                }
                // Odometer over the leading indices, C order (index last-1 fastest).
                for (int k = last - 1; k >= 0; k--) {
                    index[k]++;
                    base += stride[k];
                    if (index[k] < shape[k]) {
                        break;
                    }
                    base -= index[k] * stride[k];
                    index[k] = 0;
                }
            }
        }
    }
}
