package org.dds.io;

import org.dds.core.DdsInputException;

/** Small helpers shared by the readers: shape text for messages and guarded allocation. */
final class Shapes {
    private Shapes() {
    }

    /**
     * @param shape array dimensions
     * @return e.g. {@code 48 x 2048}; {@code 2048} for 1-D; {@code scalar} for 0-d
     */
    static String text(int[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < shape.length; k++) {
            sb.append(k == 0 ? "" : " x ").append(shape[k]);
        }
        return sb.toString();
    }

    /**
     * Allocates the values of one array, turning a failed allocation into an input error: a header can
     * legitimately declare more data than the heap holds.
     *
     * @param n     number of values
     * @param bytes bytes per value (4 or 8)
     * @param where how messages name the file
     * @return a new {@code float[n]} (bytes 4) or {@code double[n]} (bytes 8)
     */
    static Object allocate(long n, int bytes, String where) {
        if (n > NpyHeader.MAX_VALUES) {
            throw new DdsInputException(where + " holds " + n + " values, more than one Java array holds: split "
                    + "the features into smaller files");
        }
        requireHeap(n * bytes, where);
        try {
            return bytes == 4 ? new float[(int) n] : new double[(int) n];
        } catch (OutOfMemoryError e) {
            throw new DdsInputException(where + " needs " + (n * bytes >> 20) + " MiB for its values, more than "
                    + "the Java heap has free: give Java more memory (-Xmx) or fewer images", e);
        }
    }

    /**
     * Refuses data that cannot fit in the free heap, before it is read (or inflated).
     *
     * @param bytes the bytes the values need
     * @param free  the bytes free, e.g. {@link #freeHeap()}
     * @param where how messages name the source
     */
    static void checkFits(long bytes, long free, String where) {
        if (bytes > free) {
            throw new DdsInputException(where + " needs " + (bytes >> 20) + " MiB for its values but the Java heap "
                    + "has about " + (free >> 20) + " MiB free: give Java more memory (DDS_JAVA_OPTS=-Xmx...) or "
                    + "use fewer images");
        }
    }

    /**
     * Refuses data that cannot fit in the heap even after a collection.
     *
     * @param bytes the bytes the values need
     * @param where how messages name the source
     */
    static void requireHeap(long bytes, String where) {
        if (bytes > freeHeap()) {
            // Garbage counts as used until collected: collect once before refusing.
            System.gc();
            checkFits(bytes, freeHeap(), where);
        }
    }

    /** @return the bytes the heap can still grow by and has free */
    static long freeHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }
}
