package org.dds.core.io.pickle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.core.DdsInputException;

/**
 * STAND-IN, to be replaced by the real restricted unpickler from the dds-core owner. It reads just enough of
 * pickle protocol 3 to load the two Taskonomy ground-truth files (a dict of str to numpy float64 scalars) and
 * accepts only the globals {@code numpy.core.multiarray scalar} / {@code numpy._core.multiarray scalar} and
 * {@code numpy dtype}.
 */
public final class RestrictedUnpickler {
    private static final Object MARK = new Object();
    private static final Object SCALAR = new Object();
    private static final Object DTYPE = new Object();

    private final byte[] in;
    private final Path file;
    private int pos;

    private RestrictedUnpickler(byte[] in, Path file) {
        this.in = in;
        this.file = file;
    }

    /**
     * @param file a pickle file
     * @return the unpickled object: dict as Map (insertion order), str as String, float64 as Double, int as Long
     * @throws DdsInputException for a missing or truncated file, or a refused global or opcode
     */
    public static Object load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DdsInputException("pickle file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new DdsInputException("cannot read pickle file " + file + ": " + e.getMessage(), e);
        }
        return new RestrictedUnpickler(bytes, file).run();
    }

    /** A numpy dtype under construction: only little-endian 'f8' is turned into scalars. */
    private static final class DType {
        final String code;
        String order = "<";

        DType(String code) {
            this.code = code;
        }
    }

    private Object run() {
        List<Object> stack = new ArrayList<>();
        Map<Long, Object> memo = new HashMap<>();
        while (true) {
            int op = u8();
            switch (op) {
                case 0x80 -> u8(); // PROTO
                case '}' -> stack.add(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
                case '(' -> stack.add(MARK);
                case 'X' -> stack.add(new String(bytes(u32()), StandardCharsets.UTF_8)); // BINUNICODE
                case 'C' -> stack.add(bytes(u8())); // SHORT_BINBYTES
                case 'c' -> stack.add(global(line(), line())); // GLOBAL
                case 'q' -> memo.put((long) u8(), top(stack)); // BINPUT
                case 'r' -> memo.put((long) u32(), top(stack)); // LONG_BINPUT
                case 'h' -> stack.add(memoGet(memo, u8())); // BINGET
                case 'j' -> stack.add(memoGet(memo, u32())); // LONG_BINGET
                case 'J' -> stack.add((long) le(4).getInt()); // BININT
                case 'K' -> stack.add((long) u8()); // BININT1
                case 'N' -> stack.add(null); // NONE
                case 't' -> stack.add(popToMark(stack)); // TUPLE
                case 0x85 -> stack.add(popN(stack, 1)); // TUPLE1
                case 0x86 -> stack.add(popN(stack, 2)); // TUPLE2
                case 0x87 -> stack.add(popN(stack, 3)); // TUPLE3
                case 'R' -> { // REDUCE
                    List<?> args = (List<?>) pop(stack);
                    stack.add(reduce(pop(stack), args));
                }
                case 'b' -> { // BUILD
                    Object state = pop(stack);
                    if (top(stack) instanceof DType d && state instanceof List<?> s && s.size() > 1) {
                        d.order = String.valueOf(s.get(1));
                    } else {
                        throw bad("BUILD on an unsupported object");
                    }
                }
                case 'u' -> { // SETITEMS
                    List<Object> items = popToMark(stack);
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> dict = (Map<Object, Object>) top(stack);
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        dict.put(items.get(i), items.get(i + 1));
                    }
                }
                case '.' -> { // STOP
                    return pop(stack);
                }
                default -> throw bad("unsupported opcode 0x" + Integer.toHexString(op));
            }
        }
    }

    private Object global(String module, String name) {
        if ((module.equals("numpy.core.multiarray") || module.equals("numpy._core.multiarray"))
                && name.equals("scalar")) {
            return SCALAR;
        }
        if (module.equals("numpy") && name.equals("dtype")) {
            return DTYPE;
        }
        throw new DdsInputException("pickle file " + file + " refers to the global '" + module + " " + name
                + "', which is refused: only numpy scalars and dtypes are read (a pickle can run code)");
    }

    private Object reduce(Object callable, List<?> args) {
        if (callable == DTYPE) {
            return new DType(String.valueOf(args.get(0)));
        }
        if (callable == SCALAR && args.size() == 2 && args.get(0) instanceof DType d && args.get(1) instanceof byte[] b
                && d.code.equals("f8") && b.length == 8) {
            ByteOrder order = d.order.equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return ByteBuffer.wrap(b).order(order).getDouble();
        }
        throw bad("REDUCE of an unsupported call");
    }

    private DdsInputException bad(String what) {
        return new DdsInputException("pickle file " + file + " is not supported: " + what + " at byte " + pos);
    }

    private Object memoGet(Map<Long, Object> memo, long key) {
        if (!memo.containsKey(key)) {
            throw bad("memo key " + key + " is undefined");
        }
        return memo.get(key);
    }

    private static Object top(List<Object> stack) {
        return stack.get(stack.size() - 1);
    }

    private Object pop(List<Object> stack) {
        if (stack.isEmpty()) {
            throw bad("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private List<Object> popN(List<Object> stack, int n) {
        if (stack.size() < n) {
            throw bad("stack underflow");
        }
        List<Object> out = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return out;
    }

    private List<Object> popToMark(List<Object> stack) {
        int m = stack.lastIndexOf(MARK);
        if (m < 0) {
            throw bad("no MARK");
        }
        List<Object> out = new ArrayList<>(stack.subList(m + 1, stack.size()));
        stack.subList(m, stack.size()).clear();
        return out;
    }

    private int u8() {
        need(1);
        return in[pos++] & 0xff;
    }

    private int u32() {
        int n = le(4).getInt();
        if (n < 0) {
            throw bad("negative length");
        }
        return n;
    }

    private ByteBuffer le(int n) {
        return ByteBuffer.wrap(bytes(n)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private byte[] bytes(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return out;
    }

    private String line() {
        int start = pos;
        while (pos < in.length && in[pos] != '\n') {
            pos++;
        }
        need(1);
        String s = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        return s;
    }

    private void need(int n) {
        if (n > in.length - pos) {
            throw new DdsInputException("pickle file " + file + " is truncated at byte " + in.length
                    + ": download it again");
        }
    }
}
