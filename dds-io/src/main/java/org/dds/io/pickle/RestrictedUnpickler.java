package org.dds.io.pickle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dds.core.DdsInputException;
import org.dds.io.InputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Python pickles (protocols 0 to 5) that hold plain data and numpy arrays, such as the Taskonomy ground-truth files (a dict of str to numpy float64 scalars) and the features
 * numpy.save writes for a dict of arrays.
 *
 * <p>Unpickling in Python can call any function the file names, so this reader accepts only the globals numpy
 * writes for its data: {@code numpy.core.multiarray scalar}, {@code numpy dtype},
 * {@code numpy.core.multiarray _reconstruct}, {@code numpy ndarray} (and the numpy 2 spellings
 * {@code numpy._core.multiarray ...}), plus two data-only helpers Python and numpy write themselves:
 * {@code _codecs encode} (bytes in a protocol-2 pickle written by Python 3, accepted only as
 * {@code encode(text, 'latin1')}) and {@code numpy.core.numeric _frombuffer} (an array in a protocol-5 pickle).
 * Every other global is refused as soon as it is read, before anything is built. None of them is looked up or run:
 * each accepted name maps to a Java re-implementation.
 *
 * <p>Python values become: dict -> {@link LinkedHashMap} (insertion order kept), list -> {@link ArrayList}, tuple ->
 * unmodifiable {@link List}, str -> {@link String} (Python 2 byte strings decoded as latin1), int -> {@link Long}
 * ({@link BigInteger} beyond 64 bits), float -> {@link Double}, bool -> {@link Boolean}, None -> null, bytes and
 * bytearray -> {@code byte[]}, numpy scalar -> {@link Double} (float16/32/64) or {@link Long} (integers, bool),
 * numeric numpy array -> {@link NdArray} (C order, any byte order), 0-d object array -> the object it holds.
 *
 * <p>What is built stays finite and shallow ({@link Structure}): containers nested more than {@link #MAX_DEPTH}
 * levels deep, a container that holds itself, and a list or dict as a dict key (which Python refuses as
 * unhashable) are refused in one sentence, so no later walk of the value can overflow the stack.
 */
public final class RestrictedUnpickler {
    private static final Logger LOG = LoggerFactory.getLogger(RestrictedUnpickler.class);
    /** Raw array data at least this long is not kept in the memo once the array is built. */
    private static final int LARGE_RAW = 4096;
    /** The deepest nesting of containers read (Python's own recursion limit is 1000). */
    public static final int MAX_DEPTH = 1000;

    private final PickleInput in;
    private final NumpyCalls numpy;
    private ArrayList<Object> stack = new ArrayList<>();
    private final ArrayDeque<ArrayList<Object>> marks = new ArrayDeque<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    private RestrictedUnpickler(PickleInput in) {
        this.in = in;
        this.numpy = new NumpyCalls(in);
    }

    /**
     * Reads the pickle in a file.
     *
     * @param file the pickle
     * @return the value it holds, as described in the class comment
     * @throws DdsInputException naming the file (and the byte offset) if it is missing, truncated, corrupt, or names
     *                           a global other than numpy's data constructors
     */
    public static Object load(Path file) {
        Objects.requireNonNull(file, "file");
        InputFiles.requireRegular(file, "pickle '" + file + "'");
        long length;
        try {
            length = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DdsInputException("pickle '" + file + "' does not exist: check the path", e);
        } catch (IOException e) {
            throw new DdsInputException("cannot read pickle '" + file + "' (" + e.getMessage()
                    + "): check that it is a readable file", e);
        }
        try (InputStream s = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return run(new PickleInput(s, file.toString(), 0, length));
        } catch (IOException e) {
            throw new DdsInputException("cannot read pickle '" + file + "' (" + e.getMessage()
                    + "): check that it is a readable file", e);
        }
    }

    /**
     * Reads one pickle from a stream, up to its STOP opcode (the stream is not closed).
     *
     * @param in         the bytes, from the first byte of the pickle
     * @param sourceName the name shown in messages (e.g. the file name)
     * @return the value it holds
     * @throws DdsInputException naming the source and byte offset if the pickle is truncated, corrupt or unsafe
     */
    public static Object load(InputStream in, String sourceName) {
        return load(in, sourceName, 0);
    }

    /**
     * Reads one pickle that starts part-way into a file (e.g. after a {@code .npy} header), so that messages give
     * offsets within the file.
     *
     * @param in          the bytes, from the first byte of the pickle
     * @param sourceName  the name shown in messages
     * @param startOffset the offset of the pickle's first byte within the source
     * @return the value it holds
     */
    public static Object load(InputStream in, String sourceName, long startOffset) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        return run(new PickleInput(in, sourceName, startOffset, -1));
    }

    /**
     * @param value a value {@link #load} returned (or part of one)
     * @return the name of its Python type for messages: list, tuple, dict, str, int, float, bool, bytes or None
     */
    public static String typeName(Object value) {
        return NumpyCalls.typeName(value);
    }

    /**
     * @param value a value {@link #load} returned (or part of one)
     * @return its description for messages, e.g. {@code a list}, {@code an int}, {@code None}
     */
    public static String describe(Object value) {
        return NumpyCalls.kind(value);
    }

    private static Object run(PickleInput input) {
        try {
            Object value = new RestrictedUnpickler(input).loop();
            LOG.debug("read pickle {}", input.source());
            return value;
        } catch (DdsInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug or a case not foreseen must still reach the user as an input error naming the file.
            DdsInputException x = input.fail("could not be read (" + e + ")", "the file is corrupt or uses a "
                    + "pickle feature DDS does not read; re-save it with numpy and pickle protocol 2-5");
            x.initCause(e);
            throw x;
        } catch (StackOverflowError e) {
            // Structure bounds the nesting it builds; this is the safety net should anything else recurse.
            DdsInputException x = input.fail("holds a structure nested too deeply to read", "the file is "
                    + "corrupt or hostile; re-save the data with numpy");
            x.initCause(e);
            throw x;
        } catch (OutOfMemoryError e) {
            // Everything built so far is garbage now, so the heap is free again for the caller.
            DdsInputException x = input.fail("holds more data than the Java heap has free",
                    "give Java more memory (-Xmx) or save fewer images");
            x.initCause(e);
            throw x;
        }
    }

    private Object loop() {
        while (true) {
            int op = in.opcode();
            switch (op) {
                case -1 -> throw in.truncated();
                case Opcodes.PROTO -> {
                    int v = in.u8();
                    if (v > 5) {
                        throw in.fail("uses pickle protocol " + v, "this reader knows protocols up to 5; re-save "
                                + "it with protocol 4");
                    }
                }
                case Opcodes.FRAME -> in.s64();
                case Opcodes.STOP -> {
                    Object value = pop();
                    Structure.check(value, in);
                    return value;
                }
                case Opcodes.MARK -> {
                    marks.push(stack);
                    stack = new ArrayList<>();
                }
                case Opcodes.POP -> {
                    if (stack.isEmpty()) {
                        popMark();
                    } else {
                        pop();
                    }
                }
                case Opcodes.POP_MARK -> popMark();
                case Opcodes.DUP -> push(peek());
                case Opcodes.NONE -> push(null);
                case Opcodes.NEWTRUE -> push(Boolean.TRUE);
                case Opcodes.NEWFALSE -> push(Boolean.FALSE);
                case Opcodes.BININT -> push((long) in.s32());
                case Opcodes.BININT1 -> push((long) in.u8());
                case Opcodes.BININT2 -> push((long) in.u16());
                case Opcodes.LONG1 -> push(integer(in.bytes(in.u8())));
                case Opcodes.LONG4 -> push(integer(in.bytes(in.s32())));
                case Opcodes.INT -> push(intText(in.line()));
                case Opcodes.LONG -> push(longText(in.line()));
                case Opcodes.FLOAT -> push(floatText(in.line()));
                case Opcodes.BINFLOAT -> push(in.f64BigEndian());
                case Opcodes.SHORT_BINUNICODE -> push(utf8(in.bytes(in.u8())));
                case Opcodes.BINUNICODE -> push(utf8(in.bytes(in.u32())));
                case Opcodes.BINUNICODE8 -> push(utf8(in.bytes(in.s64())));
                case Opcodes.STRING -> push(ProtocolZero.string(in.longLine(), in));
                case Opcodes.UNICODE -> push(ProtocolZero.rawUnicodeEscape(in.longLine()));
                case Opcodes.SHORT_BINSTRING -> push(new String(in.bytes(in.u8()), StandardCharsets.ISO_8859_1));
                case Opcodes.BINSTRING -> push(new String(in.bytes(in.s32()), StandardCharsets.ISO_8859_1));
                case Opcodes.SHORT_BINBYTES -> push(in.bytes(in.u8()));
                case Opcodes.BINBYTES -> push(in.bytes(in.u32()));
                case Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> push(in.bytes(in.s64()));
                case Opcodes.EMPTY_DICT -> push(new LinkedHashMap<>());
                case Opcodes.EMPTY_LIST -> push(new ArrayList<>());
                case Opcodes.EMPTY_TUPLE -> push(tuple(List.of()));
                case Opcodes.DICT -> {
                    Map<Object, Object> d = new LinkedHashMap<>();
                    putAll(d, popMark());
                    push(d);
                }
                case Opcodes.LIST -> push(new ArrayList<>(popMark()));
                case Opcodes.TUPLE -> push(tuple(popMark()));
                case Opcodes.TUPLE1 -> push(tuple(popN(1)));
                case Opcodes.TUPLE2 -> push(tuple(popN(2)));
                case Opcodes.TUPLE3 -> push(tuple(popN(3)));
                case Opcodes.SETITEM -> {
                    List<Object> kv = popN(2);
                    putAll(dictOnTop(), kv);
                }
                case Opcodes.SETITEMS -> {
                    List<Object> items = popMark();
                    putAll(dictOnTop(), items);
                }
                case Opcodes.APPEND -> {
                    Object v = pop();
                    listOnTop().add(v);
                }
                case Opcodes.APPENDS -> {
                    List<Object> items = popMark();
                    listOnTop().addAll(items);
                }
                case Opcodes.PUT -> memoize(parseIndex(in.line()));
                case Opcodes.BINPUT -> memoize(in.u8());
                case Opcodes.LONG_BINPUT -> memoize(index(in.u32()));
                case Opcodes.MEMOIZE -> memoize(memo.size());
                case Opcodes.GET -> push(recall(parseIndex(in.line())));
                case Opcodes.BINGET -> push(recall(in.u8()));
                case Opcodes.LONG_BINGET -> push(recall(index(in.u32())));
                case Opcodes.GLOBAL -> {
                    String module = in.utf8Line();
                    String name = in.utf8Line();
                    push(global(module, name));
                }
                case Opcodes.STACK_GLOBAL -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw in.corrupt("names a global with " + NumpyCalls.kind(module) + " and "
                                + NumpyCalls.kind(name) + " instead of two strings");
                    }
                    push(global(m, n));
                }
                case Opcodes.REDUCE -> {
                    List<Object> args = args(pop());
                    Object callable = pop();
                    push(numpy.call(callable, args));
                }
                case Opcodes.NEWOBJ -> {
                    List<Object> args = args(pop());
                    Object cls = pop();
                    push(numpy.newObject(cls, args));
                }
                case Opcodes.BUILD -> build();
                default -> throw in.fail("has an opcode this reader does not run",
                        "this reader runs only the opcodes of plain data and numpy arrays; the file is corrupt, "
                                + "not a pickle, or needs Python to read");
            }
        }
    }

    private Object global(String module, String name) {
        NumpyCalls.Global g = NumpyCalls.ALLOWED.get(module + " " + name);
        if (g != null) {
            return g;
        }
        String qualified = clip(module + "." + name);
        throw new DdsInputException("pickle '" + in.source() + "' at byte " + in.opStart() + " names the global '"
                + qualified + "', which a feature or ground-truth pickle never needs; refusing to load it because "
                + "unpickling can run code");
    }

    private void build() {
        Object state = pop();
        Object target = peek();
        Object built = numpy.build(target, state);
        if (built == target) {
            return;
        }
        stack.set(stack.size() - 1, built);
        // The memo may hold the unfinished array: point it at the result. Large raw data is dropped from the memo
        // so that big arrays are not held twice; small bytes objects stay, as Python shares them between arrays.
        Object raw = state instanceof List<?> s && !s.isEmpty() ? s.get(s.size() - 1) : null;
        boolean large = raw instanceof byte[] b && b.length >= LARGE_RAW
                || raw instanceof String t && t.length() >= LARGE_RAW;
        for (Map.Entry<Integer, Object> e : memo.entrySet()) {
            if (e.getValue() == target) {
                e.setValue(built);
            } else if (large && e.getValue() == raw) {
                e.setValue(NumpyCalls.CONSUMED);
            }
        }
    }

    private void memoize(int index) {
        memo.put(index, peek());
    }

    private Object recall(int index) {
        if (!memo.containsKey(index)) {
            throw in.corrupt("refers to memo entry " + index + ", which was never stored");
        }
        Object v = memo.get(index);
        if (v == NumpyCalls.CONSUMED) {
            throw in.fail("reuses the raw data of a numpy array (memo entry " + index + ")",
                    "numpy never writes this; re-save the file with numpy");
        }
        return v;
    }

    private int index(long i) {
        if (i > Integer.MAX_VALUE) {
            throw in.corrupt("uses memo entry " + i);
        }
        return (int) i;
    }

    private int parseIndex(String text) {
        try {
            int i = Integer.parseInt(text.trim());
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw in.corrupt("uses memo entry '" + clip(text) + "'");
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw in.corrupt("takes a value from an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw in.corrupt("reads a value from an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        if (stack.size() < n) {
            throw in.corrupt("needs " + n + " values but the stack holds " + stack.size());
        }
        List<Object> top = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return top;
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw in.corrupt("closes a MARK that was never opened");
        }
        List<Object> items = stack;
        stack = marks.pop();
        return items;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop() {
        Object top = peek();
        if (!(top instanceof LinkedHashMap<?, ?>)) {
            throw in.corrupt("sets an item of " + NumpyCalls.kind(top) + ", which is not a dict");
        }
        return (Map<Object, Object>) top;
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOnTop() {
        Object top = peek();
        if (!(top instanceof ArrayList<?>)) {
            throw in.corrupt("appends to " + NumpyCalls.kind(top) + ", which is not a list");
        }
        return (List<Object>) top;
    }

    private void putAll(Map<Object, Object> d, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw in.corrupt("sets dict items from an odd number (" + items.size() + ") of keys and values");
        }
        for (int k = 0; k < items.size(); k += 2) {
            Structure.requireKey(items.get(k), in);
            d.put(items.get(k), items.get(k + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> args(Object o) {
        if (!(o instanceof List<?>)) {
            throw in.corrupt("passes " + NumpyCalls.kind(o) + " as the arguments of a call instead of a tuple");
        }
        return (List<Object>) o;
    }

    private static List<Object> tuple(List<Object> items) {
        // List.of refuses null, and tuples often hold None.
        return Collections.unmodifiableList(Arrays.asList(items.toArray()));
    }

    private static Object integer(byte[] littleEndianTwosComplement) {
        byte[] be = new byte[littleEndianTwosComplement.length];
        for (int k = 0; k < be.length; k++) {
            be[k] = littleEndianTwosComplement[be.length - 1 - k];
        }
        if (be.length == 0) {
            return 0L;
        }
        return shrink(new BigInteger(be));
    }

    private static Object shrink(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private Object intText(String text) {
        // Protocol 0 and 1 write booleans as INT 00 and 01.
        if (text.equals("00")) {
            return Boolean.FALSE;
        }
        if (text.equals("01")) {
            return Boolean.TRUE;
        }
        return longText(text);
    }

    private Object longText(String text) {
        String t = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        try {
            return shrink(new BigInteger(t.trim()));
        } catch (NumberFormatException e) {
            throw in.corrupt("has the integer '" + clip(text) + "'");
        }
    }

    private Object floatText(String text) {
        String t = text.trim();
        switch (t) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw in.corrupt("has the float '" + clip(text) + "'");
                }
        }
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
