package org.dds.io.pickle;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A NumPy element type that DDS can turn into numbers, as the {@code descr} of a {@code .npy} header or the type
 * string of a pickled {@code numpy.dtype} spells it: an optional byte order ({@code <} little, {@code >} big,
 * {@code |} not applicable, {@code =} native, taken as little-endian), a kind and a size in bytes, e.g.
 * {@code <f8}, {@code >f4}, {@code |u1}, {@code |b1}, {@code |O}.
 *
 * <p>Supported kinds: {@code f} (float16/32/64), {@code i} and {@code u} (1, 2, 4, 8 bytes), {@code b} (bool, 1
 * byte) and {@code O} (Python objects, which only the pickle reader can hold). Complex, string, date and structured
 * types are not numbers DDS can use; {@link #parse} returns empty for them.
 *
 * @param byteOrder {@code '<'} or {@code '>'} (other spellings are normalised when parsing)
 * @param kind      {@code 'f'}, {@code 'i'}, {@code 'u'}, {@code 'b'} or {@code 'O'}
 * @param itemSize  bytes per element
 */
public record NumpyDtype(char byteOrder, char kind, int itemSize) {

    /** Validates the combination. */
    public NumpyDtype {
        if (byteOrder != '<' && byteOrder != '>') {
            throw new IllegalArgumentException("byte order must be '<' or '>': " + byteOrder);
        }
        boolean ok = switch (kind) {
            case 'f' -> itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'i', 'u' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'b' -> itemSize == 1;
            case 'O' -> itemSize == 8;
            default -> false;
        };
        if (!ok) {
            throw new IllegalArgumentException("unsupported numpy type " + kind + itemSize);
        }
    }

    /**
     * Parses a NumPy type string such as {@code <f8}, {@code f4}, {@code |b1}, {@code ?}, {@code |O} or {@code O8}.
     *
     * @param typestr the type string
     * @return the type, or empty if DDS cannot convert that type to numbers
     */
    public static Optional<NumpyDtype> parse(String typestr) {
        if (typestr == null || typestr.isEmpty() || typestr.length() > 8) {
            return Optional.empty();
        }
        char order = '<';
        String rest = typestr;
        char first = typestr.charAt(0);
        if (first == '<' || first == '>' || first == '|' || first == '=') {
            order = first == '>' ? '>' : '<';
            rest = typestr.substring(1);
        }
        if (rest.equals("?")) {
            return Optional.of(new NumpyDtype(order, 'b', 1));
        }
        if (rest.equals("O")) {
            return Optional.of(new NumpyDtype(order, 'O', 8));
        }
        if (rest.length() < 2 || !rest.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        char kind = rest.charAt(0);
        int size = Integer.parseInt(rest.substring(1));
        try {
            return Optional.of(new NumpyDtype(order, kind, size));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param order {@code '<'}, {@code '>'}, {@code '|'} or {@code '='} (the last two read as little-endian)
     * @return this type with that byte order
     */
    public NumpyDtype withByteOrder(char order) {
        return new NumpyDtype(order == '>' ? '>' : '<', kind, itemSize);
    }

    /** @return the byte order as a {@link ByteOrder} */
    public ByteOrder order() {
        return byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** @return true for Python objects ({@code O}), which have no numeric value */
    public boolean isObject() {
        return kind == 'O';
    }

    /** @return true for float16 and float32, which {@link #decode(ByteBuffer, float[], int, int)} reads exactly */
    public boolean fitsFloat() {
        return kind == 'f' && itemSize <= 4;
    }

    /** @return the type without byte order, e.g. {@code f8}, {@code u1}, {@code b1} */
    public String code() {
        return kind == 'O' ? "O" : "" + kind + itemSize;
    }

    /** @return the NumPy name, e.g. {@code float64}, {@code uint8}, {@code bool}, {@code object} */
    public String describe() {
        return switch (kind) {
            case 'f' -> "float" + itemSize * 8;
            case 'i' -> "int" + itemSize * 8;
            case 'u' -> "uint" + itemSize * 8;
            case 'b' -> "bool";
            default -> "object";
        };
    }

    /**
     * Reads {@code count} elements from {@code src} (from its position, which advances) into {@code dst}, widening
     * to float64. Integers above 2^53 are rounded to the nearest double.
     *
     * @param src   the raw bytes; its byte order is set to this type's
     * @param dst   where to put the values
     * @param at    first index written in {@code dst}
     * @param count number of elements
     */
    public void decode(ByteBuffer src, double[] dst, int at, int count) {
        src.order(order());
        if (kind == 'f' && itemSize == 8) {
            src.asDoubleBuffer().get(dst, at, count);
            src.position(src.position() + count * 8);
            return;
        }
        int end = at + count;
        for (int k = at; k < end; k++) {
            dst[k] = next(src);
        }
    }

    /**
     * Reads {@code count} float16 or float32 elements into a float array (exact).
     *
     * @param src   the raw bytes; its byte order is set to this type's
     * @param dst   where to put the values
     * @param at    first index written in {@code dst}
     * @param count number of elements
     * @throws IllegalStateException if this type is not float16 or float32
     */
    public void decode(ByteBuffer src, float[] dst, int at, int count) {
        if (!fitsFloat()) {
            throw new IllegalStateException(describe() + " does not fit a float");
        }
        src.order(order());
        if (itemSize == 4) {
            src.asFloatBuffer().get(dst, at, count);
            src.position(src.position() + count * 4);
            return;
        }
        int end = at + count;
        for (int k = at; k < end; k++) {
            dst[k] = halfToFloat(src.getShort());
        }
    }

    /**
     * Reads one element as a Java number: {@link Double} for floats, {@link Long} for integers and bools
     * ({@link java.math.BigInteger} for uint64 values above {@link Long#MAX_VALUE}).
     *
     * @param src the raw bytes, at least {@link #itemSize()} from its position
     * @return the value
     */
    public Number scalar(ByteBuffer src) {
        src.order(order());
        if (kind == 'f') {
            return Double.valueOf(next(src));
        }
        if (kind == 'u' && itemSize == 8) {
            long v = src.getLong();
            return v >= 0 ? Long.valueOf(v) : new BigInteger(Long.toUnsignedString(v));
        }
        // Every other integer and bool fits a long exactly; next() widens through double only for 64-bit types.
        if (kind == 'i' && itemSize == 8) {
            return Long.valueOf(src.getLong());
        }
        return Long.valueOf((long) next(src));
    }

    private double next(ByteBuffer src) {
        switch (kind) {
            case 'f':
                return itemSize == 8 ? src.getDouble() : itemSize == 4 ? src.getFloat() : halfToFloat(src.getShort());
            case 'b':
                return src.get() != 0 ? 1 : 0;
            case 'i':
                return switch (itemSize) {
                    case 1 -> src.get();
                    case 2 -> src.getShort();
                    case 4 -> src.getInt();
                    default -> (double) src.getLong();
                };
            case 'u':
                return switch (itemSize) {
                    case 1 -> src.get() & 0xFF;
                    case 2 -> src.getShort() & 0xFFFF;
                    case 4 -> src.getInt() & 0xFFFF_FFFFL;
                    default -> unsignedToDouble(src.getLong());
                };
            default:
                throw new IllegalStateException("objects have no numeric value");
        }
    }

    private static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        // Halve (keeping the low bit so rounding stays correct), convert, double again.
        return ((v >>> 1) | (v & 1)) * 2.0;
    }

    /**
     * Converts IEEE 754 binary16 bits to the float of equal value (every half is exactly a float).
     *
     * @param bits the 16 bits
     * @return the value
     */
    static float halfToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mant << 13));
        }
        if (exp == 0) {
            // Zero or subnormal: mant * 2^-24, exact in float.
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    @Override
    public String toString() {
        return kind == 'O' ? "|O" : "" + (itemSize == 1 ? '|' : byteOrder) + kind + itemSize;
    }
}
