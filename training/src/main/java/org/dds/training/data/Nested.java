package org.dds.training.data;

import java.lang.reflect.Array;

/** Flattens the nested primitive arrays jhdf returns (C order) into one array. */
final class Nested {
    private Nested() {
    }

    /**
     * @param nested a (possibly nested) array of byte, short, int, long, float or double
     * @param count  the number of values it holds
     * @return the values in C order as floats
     */
    static float[] floats(Object nested, int count) {
        float[] out = new float[count];
        int n = fill(nested, out, 0);
        if (n != count) {
            throw new IllegalStateException("expected " + count + " values, found " + n);
        }
        return out;
    }

    private static int fill(Object a, float[] out, int at) {
        if (a instanceof float[] f) {
            System.arraycopy(f, 0, out, at, f.length);
            return at + f.length;
        }
        if (a instanceof double[] d) {
            for (double v : d) {
                out[at++] = (float) v;
            }
            return at;
        }
        if (a instanceof byte[] b) {
            for (byte v : b) {
                out[at++] = v;
            }
            return at;
        }
        if (a instanceof short[] s) {
            for (short v : s) {
                out[at++] = v;
            }
            return at;
        }
        if (a instanceof int[] i) {
            for (int v : i) {
                out[at++] = v;
            }
            return at;
        }
        if (a instanceof long[] l) {
            for (long v : l) {
                out[at++] = v;
            }
            return at;
        }
        if (a != null && a.getClass().isArray()) {
            int n = Array.getLength(a);
            for (int k = 0; k < n; k++) {
                at = fill(Array.get(a, k), out, at);
            }
            return at;
        }
        throw new IllegalArgumentException("not a numeric array: " + (a == null ? "null" : a.getClass()));
    }
}
