package org.dds.io.pickle;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only Python callables a pickle may name, each re-implemented here for data only: numpy's dtype, scalar and
 * array constructors, and two helpers Python itself writes for plain bytes and protocol-5 arrays. Nothing named in a
 * pickle is ever looked up or run; an unknown name is refused when it is read.
 */
final class NumpyCalls {

    /** The accepted globals. */
    enum Global {
        /** {@code numpy.core.multiarray.scalar(dtype, bytes)}: a numpy scalar. */
        SCALAR,
        /** {@code numpy.dtype(typestr, align, copy)}: an element type, completed by BUILD. */
        DTYPE,
        /** {@code numpy.core.multiarray._reconstruct(ndarray, (0,), b'b')}: an empty array, filled by BUILD. */
        RECONSTRUCT,
        /** {@code numpy.ndarray}: only as the first argument of _reconstruct or NEWOBJ. */
        NDARRAY,
        /** {@code _codecs.encode(str, 'latin1')}: how Python 3 writes bytes in protocol 2. */
        CODECS_ENCODE,
        /** {@code numpy.core.numeric._frombuffer(buffer, dtype, shape, order)}: numpy arrays in protocol 5. */
        FROMBUFFER
    }

    /** "module name" as GLOBAL spells it -> the callable. */
    static final Map<String, Global> ALLOWED = Map.of(
            "numpy.core.multiarray scalar", Global.SCALAR,
            "numpy._core.multiarray scalar", Global.SCALAR,
            "numpy dtype", Global.DTYPE,
            "numpy.core.multiarray _reconstruct", Global.RECONSTRUCT,
            "numpy._core.multiarray _reconstruct", Global.RECONSTRUCT,
            "numpy ndarray", Global.NDARRAY,
            "_codecs encode", Global.CODECS_ENCODE,
            "numpy.core.numeric _frombuffer", Global.FROMBUFFER,
            "numpy._core.numeric _frombuffer", Global.FROMBUFFER);

    /** A {@code numpy.dtype} under construction: the type string, then the byte order and layout from BUILD. */
    static final class Dtype {
        final String typestr;
        char byteOrder = '<';
        boolean structured;

        Dtype(String typestr) {
            this.typestr = typestr;
        }

        Optional<NumpyDtype> resolve() {
            return structured ? Optional.empty() : NumpyDtype.parse(typestr).map(t -> t.withByteOrder(byteOrder));
        }
    }

    /** An array made by _reconstruct or ndarray.__new__, waiting for BUILD to give it shape, type and data. */
    static final class PendingArray {
    }

    /** Stands in the memo for array data already turned into an {@link NdArray}. */
    static final Object CONSUMED = new Object();

    private final PickleInput in;

    NumpyCalls(PickleInput in) {
        this.in = in;
    }

    /**
     * REDUCE: calls an accepted global.
     *
     * @param callable what the pickle calls
     * @param args     the argument tuple
     * @return the result
     */
    Object call(Object callable, List<Object> args) {
        if (!(callable instanceof Global g)) {
            throw in.corrupt("calls " + kind(callable) + ", which is not a function");
        }
        switch (g) {
            case DTYPE:
                return dtype(args);
            case SCALAR:
                return scalar(args);
            case RECONSTRUCT:
                need(args, 3, "_reconstruct");
                if (args.get(0) != Global.NDARRAY) {
                    throw in.corrupt("asks _reconstruct for " + kind(args.get(0)) + " instead of numpy.ndarray");
                }
                return new PendingArray();
            case CODECS_ENCODE:
                return encode(args);
            case FROMBUFFER:
                return fromBuffer(args);
            default:
                throw in.corrupt("calls numpy.ndarray directly, which numpy never writes");
        }
    }

    /**
     * NEWOBJ: {@code cls.__new__(cls, *args)} for numpy.ndarray and numpy.dtype.
     *
     * @param cls  the class
     * @param args the arguments
     * @return the new object
     */
    Object newObject(Object cls, List<Object> args) {
        if (cls == Global.NDARRAY) {
            return new PendingArray();
        }
        if (cls == Global.DTYPE) {
            return dtype(args);
        }
        throw in.corrupt("creates an object of " + kind(cls) + " with NEWOBJ; only numpy arrays and dtypes are read");
    }

    /**
     * BUILD: completes a dtype (in place) or an array (replaced by its value).
     *
     * @param target the object being built
     * @param state  its state
     * @return the built value: the same dtype, or an {@link NdArray} (or the object inside a 0-d object array)
     */
    Object build(Object target, Object state) {
        if (target instanceof Dtype d) {
            buildDtype(d, state);
            return d;
        }
        if (target instanceof PendingArray) {
            return buildArray(state);
        }
        throw in.corrupt("sets the state of " + kind(target) + "; only numpy arrays and dtypes have one");
    }

    private Dtype dtype(List<Object> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String s)) {
            throw in.corrupt("makes a numpy.dtype without a type string");
        }
        return new Dtype(s);
    }

    private void buildDtype(Dtype d, Object state) {
        List<Object> s = tuple(state, "the state of numpy.dtype");
        // Version 3 and 4 states start with the version: (3, '<', subarray, names, fields, ...); older ones with
        // the byte order.
        int at = !s.isEmpty() && s.get(0) instanceof Long ? 1 : 0;
        if (s.size() <= at || !(s.get(at) instanceof String order) || order.length() != 1) {
            throw in.corrupt("gives numpy.dtype a state without a byte order");
        }
        d.byteOrder = order.charAt(0);
        if (d.byteOrder != '<' && d.byteOrder != '>' && d.byteOrder != '|' && d.byteOrder != '=') {
            throw in.corrupt("gives numpy.dtype the byte order '" + order + "'");
        }
        d.structured = (s.size() > at + 1 && s.get(at + 1) != null) || (s.size() > at + 2 && s.get(at + 2) != null);
    }

    private Object scalar(List<Object> args) {
        need(args, 2, "numpy scalar");
        NumpyDtype t = type(args.get(0), "a numpy scalar");
        if (t.isObject()) {
            return args.get(1);
        }
        byte[] raw = bytes(args.get(1), "the value of a numpy scalar");
        if (raw.length != t.itemSize()) {
            throw in.corrupt("gives a " + t.describe() + " scalar " + raw.length + " bytes instead of "
                    + t.itemSize());
        }
        return t.scalar(ByteBuffer.wrap(raw));
    }

    private Object buildArray(Object state) {
        List<Object> s = tuple(state, "the state of numpy.ndarray");
        // (version, shape, dtype, is_fortran, data); numpy before 1.0 wrote the same without the version.
        int at = s.size() == 5 ? 1 : 0;
        if (s.size() != 4 && s.size() != 5) {
            throw in.corrupt("gives numpy.ndarray a state of " + s.size() + " items instead of 5");
        }
        int[] shape = shape(s.get(at));
        Object fortran = s.get(at + 2);
        boolean isFortran = Boolean.TRUE.equals(fortran) || Long.valueOf(1).equals(fortran);
        Object raw = s.get(at + 3);
        NumpyDtype t = type(s.get(at + 1), "an array");
        if (t.isObject()) {
            if (!(raw instanceof List<?> items) || items.size() != size(shape)) {
                throw in.corrupt("gives a numpy object array data that is not a list of its elements");
            }
            if (shape.length != 0) {
                throw in.fail("holds a numpy object array of shape " + shapeText(shape),
                        "only 0-d object arrays (what numpy.save writes for a dict) are read; store numbers in a "
                                + "numeric array or a dict");
            }
            return items.get(0);
        }
        return array(shape, t, bytes(raw, "the data of a numpy array"), isFortran);
    }

    private Object fromBuffer(List<Object> args) {
        need(args, 4, "_frombuffer");
        NumpyDtype t = type(args.get(1), "an array");
        if (t.isObject()) {
            throw in.corrupt("reads a numpy object array from raw bytes");
        }
        return array(shape(args.get(2)), t, bytes(args.get(0), "the data of a numpy array"),
                "F".equals(args.get(3)));
    }

    private NdArray array(int[] shape, NumpyDtype t, byte[] raw, boolean fortran) {
        long count = size(shape);
        if (count * t.itemSize() != raw.length) {
            throw in.corrupt("gives a " + shapeText(shape) + " " + t.describe() + " array " + raw.length
                    + " bytes of data instead of " + count * t.itemSize());
        }
        double[] values = new double[(int) count];
        t.decode(ByteBuffer.wrap(raw), values, 0, (int) count);
        if (fortran && shape.length > 1) {
            values = NdArray.fortranToC(values, shape);
        }
        return new NdArray(shape, values, t.code());
    }

    private byte[] encode(List<Object> args) {
        need(args, 2, "_codecs.encode");
        if (!(args.get(0) instanceof String text) || !(args.get(1) instanceof String enc)
                || !(enc.equals("latin1") || enc.equals("latin-1") || enc.equals("iso-8859-1"))) {
            throw in.fail("calls _codecs.encode with arguments other than (text, 'latin1')",
                    "this reader accepts it only as Python's spelling of bytes in protocol 2; re-save the file "
                            + "with pickle protocol 3 or higher");
        }
        return latin1(text);
    }

    private NumpyDtype type(Object o, String what) {
        if (!(o instanceof Dtype d)) {
            throw in.corrupt("gives " + what + " " + kind(o) + " instead of a numpy.dtype");
        }
        return d.resolve().orElseThrow(() -> in.fail("holds " + what + " of numpy dtype '" + d.typestr + "'",
                "DDS reads only float16/32/64, int, uint and bool data; convert it with .astype(numpy.float64)"));
    }

    private byte[] bytes(Object o, String what) {
        if (o instanceof byte[] b) {
            return b;
        }
        if (o instanceof String s) {
            // Python 2 wrote bytes as str; Python 3 reads them back as latin1 text (encoding='latin1').
            return latin1(s);
        }
        throw in.corrupt("gives " + kind(o) + " as " + what);
    }

    private byte[] latin1(String s) {
        byte[] out = new byte[s.length()];
        for (int k = 0; k < out.length; k++) {
            char c = s.charAt(k);
            if (c > 0xFF) {
                throw in.corrupt("has binary data with a character above U+00FF");
            }
            out[k] = (byte) c;
        }
        return out;
    }

    private int[] shape(Object o) {
        List<Object> dims = tuple(o, "an array shape");
        int[] shape = new int[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            if (!(dims.get(k) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw in.corrupt("has an array dimension " + dims.get(k) + " that is not a size");
            }
            shape[k] = (int) (long) d;
        }
        if (size(shape) > PickleInput.MAX_ARRAY) {
            throw in.fail("declares an array of shape " + shapeText(shape),
                    "that is more values than one Java array holds; split the array");
        }
        return shape;
    }

    private static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d == 0) {
                return 0;
            }
            // Saturate instead of overflowing: anything past 2^31 is refused anyway.
            n = n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
        }
        return n;
    }

    static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < shape.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(shape[k]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object> tuple(Object o, String what) {
        if (!(o instanceof List<?>)) {
            throw in.corrupt("gives " + kind(o) + " as " + what);
        }
        return (List<Object>) o;
    }

    private void need(List<Object> args, int n, String what) {
        if (args.size() != n) {
            throw in.corrupt("calls " + what + " with " + args.size() + " arguments instead of " + n);
        }
    }

    /**
     * @param o a value on the pickle stack
     * @return its Python-facing description, for messages
     */
    static String kind(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Global g) {
            return "the global " + g;
        }
        if (o instanceof Dtype) {
            return "a numpy.dtype";
        }
        if (o instanceof PendingArray) {
            return "an unfinished numpy array";
        }
        if (o instanceof byte[]) {
            return "bytes";
        }
        String t = typeName(o);
        return (t.startsWith("int") ? "an " : "a ") + t;
    }

    /**
     * @param o a value the unpickler built
     * @return the name of its Python type (list, tuple, dict, str, int, float, bool, bytes, None), else its Java
     *         class's simple name
     */
    static String typeName(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof ArrayList<?>) {
            return "list";
        }
        if (o instanceof List<?>) {
            return "tuple";
        }
        if (o instanceof Map<?, ?>) {
            return "dict";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof Long || o instanceof BigInteger) {
            return "int";
        }
        if (o instanceof Double) {
            return "float";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (o instanceof byte[]) {
            return "bytes";
        }
        return o.getClass().getSimpleName();
    }
}
