package org.dds.io.pickle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dds.core.DdsInputException;

/**
 * The bytes of one pickle with their offsets, and the messages that name the source and the offset of the opcode
 * being read. A length prefix is checked against the bytes left (when the length of the source is known) before
 * anything is allocated, and otherwise read in growing chunks, so a corrupt prefix cannot exhaust memory.
 */
final class PickleInput {
    /** Java arrays hold at most about 2^31 - 8 elements. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int MAX_LINE = 1 << 16;
    private static final int FIRST_CHUNK = 1 << 20;

    private final InputStream in;
    private final String source;
    private final long end;
    private long offset;
    private long opStart;
    private String opName = "PROTO";

    /**
     * @param in     the bytes, from the first byte of the pickle
     * @param source the file name shown in messages
     * @param start  the offset of the pickle's first byte within the source
     * @param length the number of bytes of the pickle, or -1 if unknown
     */
    PickleInput(InputStream in, String source, long start, long length) {
        this.in = in;
        this.source = source;
        this.offset = start;
        this.end = length < 0 ? -1 : start + length;
    }

    /** @return the source name used in messages */
    String source() {
        return source;
    }

    /**
     * Reads the next opcode and remembers where it started.
     *
     * @return the opcode byte, or -1 at the end of the input
     */
    int opcode() {
        opStart = offset;
        int b = read();
        opName = b < 0 ? "STOP" : Opcodes.name(b);
        return b;
    }

    /** @return the offset of the opcode being read */
    long opStart() {
        return opStart;
    }

    int u8() {
        int b = read();
        if (b < 0) {
            throw truncated();
        }
        return b;
    }

    int u16() {
        return u8() | u8() << 8;
    }

    int s32() {
        return u16() | u16() << 16;
    }

    long u32() {
        return s32() & 0xFFFF_FFFFL;
    }

    long s64() {
        return u32() | u32() << 32;
    }

    double f64BigEndian() {
        return Double.longBitsToDouble(Long.reverseBytes(s64()));
    }

    /**
     * @param n the length prefix just read
     * @return exactly n bytes
     */
    byte[] bytes(long n) {
        if (n < 0 || n > MAX_ARRAY) {
            throw fail("declares an object of " + Long.toUnsignedString(n) + " bytes",
                    "that is corrupt or larger than one Java array can hold; re-create the file");
        }
        if (end >= 0 && offset + n > end) {
            throw truncated();
        }
        int size = (int) n;
        byte[] out = new byte[end >= 0 ? size : Math.min(size, FIRST_CHUNK)];
        int got = 0;
        while (got < size) {
            if (got == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(size, 2L * out.length));
            }
            int r;
            try {
                r = in.read(out, got, out.length - got);
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (r < 0) {
                offset += got;
                throw truncated();
            }
            got += r;
        }
        offset += size;
        return out;
    }

    /** @return the text up to the next newline (protocol 0 style arguments), without the newline */
    String line() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = u8();
            if (b == '\n') {
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw fail("has a text argument longer than " + MAX_LINE + " bytes", "it is corrupt");
            }
            sb.append((char) b);
        }
    }

    /**
     * @return the bytes up to the next newline, without it, as latin1 text: a protocol-0 string, which may be as
     *         long as the data of an array (bounded by the bytes left, not by {@link #MAX_LINE})
     */
    String longLine() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = u8();
            if (c == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
            if (b.size() >= MAX_ARRAY) {
                throw fail("has a text argument longer than one Java array holds", "it is corrupt");
            }
            b.write(c);
        }
    }

    /** @return the text up to the next newline, decoded as UTF-8 */
    String utf8Line() {
        return new String(line().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * @param what what is wrong, after "pickle 'source'"
     * @param fix  how to fix it
     * @return an exception naming the source and the offset of the current opcode
     */
    DdsInputException fail(String what, String fix) {
        return new DdsInputException("pickle '" + source + "' " + what + " (opcode " + opName + " at byte "
                + opStart + "): " + fix);
    }

    /**
     * @param what what is wrong
     * @return an exception saying the pickle is corrupt at the current opcode
     */
    DdsInputException corrupt(String what) {
        return fail(what, "the file is corrupt or not a pickle of plain data and numpy arrays; re-create it");
    }

    DdsInputException truncated() {
        return new DdsInputException("pickle '" + source + "' ends at byte " + offset + " in the middle of opcode "
                + opName + " (at byte " + opStart + "): the file is truncated; copy or download it again");
    }

    DdsInputException unreadable(IOException e) {
        return new DdsInputException("cannot read pickle '" + source + "' at byte " + offset + " (" + e.getMessage()
                + "): check that the file is readable", e);
    }

    private int read() {
        if (end >= 0 && offset >= end) {
            return -1;
        }
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (b >= 0) {
            offset++;
        }
        return b;
    }
}
