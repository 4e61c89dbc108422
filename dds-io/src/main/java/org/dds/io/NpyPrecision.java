package org.dds.io;

/** The element type {@link NpyWriter} and {@link NpzWriter} store, always little-endian. */
public enum NpyPrecision {
    /** IEEE binary32, {@code <f4}: values are rounded to the nearest float. */
    FLOAT32("<f4", 4),
    /** IEEE binary64, {@code <f8}: values are stored exactly. */
    FLOAT64("<f8", 8);

    private final String descr;
    private final int bytes;

    NpyPrecision(String descr, int bytes) {
        this.descr = descr;
        this.bytes = bytes;
    }

    /** @return the .npy type string, e.g. {@code <f8} */
    public String descr() {
        return descr;
    }

    /** @return bytes per value */
    public int bytes() {
        return bytes;
    }
}
