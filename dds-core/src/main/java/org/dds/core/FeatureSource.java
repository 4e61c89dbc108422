package org.dds.core;

/**
 * One model's n x d features read as blocks of consecutive rows, so that a computation can stream them rather
 * than hold them: a {@link FeatureMatrix} in the heap ({@link #of}), or a file read in row blocks (dds-io's
 * memory-mapped {@code .npy}). Implementations are thread-safe: concurrent reads of different blocks are allowed.
 */
public interface FeatureSource {

    /** @return the model name, used in every error message */
    String name();

    /** @return n, the number of images */
    int rows();

    /** @return d, the number of features */
    int cols();

    /**
     * Reads rows {@code from .. to-1} into {@code out} as row-major float64 (float32 inputs widened).
     *
     * @param from first row, inclusive
     * @param to   last row, exclusive
     * @param out  at least (to - from) * d values
     * @throws DdsInputException if a value read is NaN or infinite (the model and the position named)
     */
    void read(int from, int to, double[] out);

    /**
     * @param n how many images to keep, 1 .. {@link #rows()}
     * @return the first n rows of this source
     */
    default FeatureSource firstRows(int n) {
        if (n < 1 || n > rows()) {
            throw new IllegalArgumentException("first " + n + " of " + rows() + " rows");
        }
        FeatureSource all = this;
        return of(name(), n, cols(), (from, to, out) -> {
            if (to > n) {
                throw new IndexOutOfBoundsException("rows " + from + ".." + to + " of " + n);
            }
            all.read(from, to, out);
        });
    }

    /** Reads a block of rows, as {@link FeatureSource#read}. */
    @FunctionalInterface
    interface BlockReader {
        /**
         * @param from first row, inclusive
         * @param to   last row, exclusive
         * @param out  at least (to - from) * d values
         */
        void read(int from, int to, double[] out);
    }

    /**
     * @param name   the model name
     * @param rows   n
     * @param cols   d
     * @param reader reads blocks of rows
     * @return the source
     */
    static FeatureSource of(String name, int rows, int cols, BlockReader reader) {
        return new FeatureSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int cols() {
                return cols;
            }

            @Override
            public void read(int from, int to, double[] out) {
                reader.read(from, to, out);
            }

            @Override
            public String toString() {
                return "'" + name + "' (" + rows + " x " + cols + ")";
            }
        };
    }

    /**
     * @param x features in the heap
     * @return x as a source (its rows are copied out on every read)
     */
    static FeatureSource of(FeatureMatrix x) {
        double[] data = FeatureMatrix.unsafeData(x);
        return of(x.name(), x.rows(), x.cols(),
                (from, to, out) -> System.arraycopy(data, from * x.cols(), out, 0, (to - from) * x.cols()));
    }

    /**
     * Checks that every value of a block just read is finite, as {@link FeatureMatrix} does for whole matrices.
     *
     * @param source the source the block came from
     * @param from   the block's first row
     * @param block  the values, row-major
     * @param count  the number of values to check
     * @throws DdsInputException naming the model and the first bad position
     */
    static void checkFinite(FeatureSource source, int from, double[] block, int count) {
        for (int p = 0; p < count; p++) {
            if (!Double.isFinite(block[p])) {
                int d = source.cols();
                throw new DdsInputException("features of model '" + source.name() + "' contain " + block[p]
                        + " at image " + (from + p / d) + ", feature " + (p % d)
                        + ": DDS needs finite values; fix or drop that image in every model");
            }
        }
    }
}
