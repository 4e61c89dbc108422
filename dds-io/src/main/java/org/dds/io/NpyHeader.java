package org.dds.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dds.core.DdsInputException;
import org.dds.io.pickle.NumpyDtype;

/**
 * The header of a {@code .npy} file (NumPy format versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY}, the
 * version, the header length (2 bytes little-endian in 1.0, 4 bytes later) and a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}. The data starts at {@link #dataOffset()}.
 *
 * @param where        how messages name the file, e.g. {@code file '/data/autoencoder.npy'}
 * @param descr        the type string as written, e.g. {@code <f8}
 * @param dtype        the parsed type, empty if DDS cannot convert it to numbers
 * @param fortranOrder true if the data is stored first index fastest
 * @param shape        the dimensions
 * @param dataOffset   bytes before the data
 */
record NpyHeader(String where, String descr, Optional<NumpyDtype> dtype, boolean fortranOrder, int[] shape,
                 long dataOffset) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself refuses headers above 10000 bytes unless told otherwise; allow far more but not without end. */
    private static final long MAX_HEADER = 1 << 20;
    /** The largest Java array. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /**
     * Reads and checks the header.
     *
     * @param in     the file's bytes from its start; left at the first data byte
     * @param length the file's length in bytes, or -1 if unknown
     * @param where  how messages name the file
     * @return the header
     * @throws DdsInputException for a short file, wrong magic, unknown version or malformed header
     */
    static NpyHeader read(InputStream in, long length, String where) {
        byte[] start = readUpTo(in, 8, where);
        if (start.length == 0) {
            throw new DdsInputException(where + " is empty: write the features with numpy.save");
        }
        if (start.length < 6 || !Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
            boolean zip = start.length >= 2 && start[0] == 'P' && start[1] == 'K';
            throw new DdsInputException(where + " is not a NumPy .npy file (it does not start with \\x93NUMPY"
                    + (zip ? " but with PK, the start of a zip archive: if it is an .npz, name it so)"
                    : "): save the features with numpy.save"));
        }
        if (start.length < 8) {
            throw new DdsInputException(where + " ends inside its .npy header: the file is truncated; copy or "
                    + "re-save it");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw new DdsInputException(where + " uses .npy format version " + major + "." + minor
                    + ", but DDS reads versions 1.0, 2.0 and 3.0: re-save it with numpy.save");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = readUpTo(in, lengthBytes, where);
        if (len.length < lengthBytes) {
            throw new DdsInputException(where + " ends inside its .npy header: the file is truncated; copy or "
                    + "re-save it");
        }
        long headerLength = (len[0] & 0xFF) | (len[1] & 0xFF) << 8;
        if (lengthBytes == 4) {
            headerLength |= ((long) (len[2] & 0xFF)) << 16 | ((long) (len[3] & 0xFF)) << 24;
        }
        long dataOffset = 8 + lengthBytes + headerLength;
        if (headerLength > MAX_HEADER || (length >= 0 && dataOffset > length)) {
            throw new DdsInputException(where + " declares a " + headerLength + "-byte .npy header"
                    + (length >= 0 ? " but the file has " + length + " bytes" : "")
                    + ": the file is truncated or corrupt; copy or re-save it");
        }
        byte[] raw = readUpTo(in, (int) headerLength, where);
        if (raw.length < headerLength) {
            throw new DdsInputException(where + " ends inside its .npy header: the file is truncated; copy or "
                    + "re-save it");
        }
        String text = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(text.strip(), where, dataOffset);
    }

    private static NpyHeader parse(String text, String where, long dataOffset) {
        Object literal;
        try {
            literal = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(where, text, e.getMessage());
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw bad(where, text, "it is not a dict");
        }
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw bad(where, text, "it needs exactly the keys 'descr', 'fortran_order' and 'shape'");
        }
        if (!(dict.get("descr") instanceof String descr)) {
            // A list descr is a structured (record) type.
            throw new DdsInputException(where + " holds a structured array (descr " + clip(dict.get("descr"))
                    + "), which DDS cannot use: save the features as a plain float32 or float64 array");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw bad(where, text, "'fortran_order' is not True or False");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw bad(where, text, "'shape' is not a tuple");
        }
        int[] shape = new int[dims.size()];
        long count = 1;
        for (int k = 0; k < shape.length; k++) {
            if (!(dims.get(k) instanceof Long d) || d < 0) {
                throw bad(where, text, "'shape' holds " + dims.get(k) + ", which is not a size");
            }
            if (d > Integer.MAX_VALUE || (d > 0 && count > MAX_VALUES / d)) {
                throw new DdsInputException(where + " declares an array of shape " + clip(dict.get("shape"))
                        + ", more values than one Java array holds: split the features into smaller files");
            }
            shape[k] = (int) (long) d;
            count *= d;
        }
        return new NpyHeader(where, descr, NumpyDtype.parse(descr), fortran, shape, dataOffset);
    }

    /** @return a copy of the dimensions */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of values the shape declares */
    long count() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** @return the number of dimensions */
    int rank() {
        return shape.length;
    }

    /**
     * @return the numeric type
     * @throws DdsInputException naming the file if the type is not numeric
     */
    NumpyDtype numericType() {
        NumpyDtype t = dtype.orElseThrow(() -> new DdsInputException(where + " holds dtype '" + descr
                + "', which DDS cannot use: save the features as float32 or float64 (x.astype(numpy.float32))"));
        if (t.isObject()) {
            throw new DdsInputException(where + " holds pickled Python objects (dtype object) rather than numbers: "
                    + "pass such a file (the authors' pickled dict of models) on its own, or save each model as a "
                    + "float32 or float64 array");
        }
        return t;
    }

    /** @return e.g. {@code 48 x 2048 float64} */
    String describe() {
        return Shapes.text(shape) + " " + dtype.map(NumpyDtype::describe).orElse(descr);
    }

    private static DdsInputException bad(String where, String text, String why) {
        return new DdsInputException(where + " has a malformed .npy header " + clip(text) + " (" + why
                + "): re-save the file with numpy.save");
    }

    private static String clip(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static byte[] readUpTo(InputStream in, int n, String where) {
        try {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new DdsInputException("cannot read " + where + " (" + e.getMessage()
                    + "): check that it is a readable file", e);
        }
    }
}
