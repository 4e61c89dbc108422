package org.dds.io.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte for tests: any member's method, CRC-32 and declared sizes, true or not, so that
 * archives that {@code numpy.savez} never writes (corrupt CRCs, lying sizes, deflate bombs) can be built. The layout
 * is PKWARE's APPNOTE 4.3.7 (local header, data) per member, then the central directory and its end record.
 */
public final class ZipBytes {
    /** Method 0 (stored). */
    public static final int STORED = 0;
    /** Method 8 (deflated). */
    public static final int DEFLATED = 8;

    private record Member(String name, int method, byte[] data, long crc, long size) {
    }

    private final List<Member> members = new ArrayList<>();

    /**
     * Adds a member stored as given, with its true CRC and size.
     *
     * @param name  the member name
     * @param bytes its content
     * @return this
     */
    public ZipBytes stored(String name, byte[] bytes) {
        return member(name, STORED, bytes, crc(bytes), bytes.length);
    }

    /**
     * Adds a deflated member with its true CRC and size.
     *
     * @param name  the member name
     * @param bytes its content (deflated here)
     * @return this
     */
    public ZipBytes deflated(String name, byte[] bytes) {
        return member(name, DEFLATED, deflate(bytes), crc(bytes), bytes.length);
    }

    /**
     * Adds a member with any declared values.
     *
     * @param name   the member name
     * @param method {@link #STORED} or {@link #DEFLATED}
     * @param data   the bytes as stored in the archive (already deflated for {@link #DEFLATED})
     * @param crc    the CRC-32 declared
     * @param size   the uncompressed size declared
     * @return this
     */
    public ZipBytes member(String name, int method, byte[] data, long crc, long size) {
        members.add(new Member(name, method, data.clone(), crc, size));
        return this;
    }

    /** @return the archive */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        for (Member m : members) {
            offsets.add((long) out.size());
            byte[] name = m.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = le(30 + name.length);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) m.method)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) m.crc).putInt(m.data.length)
                    .putInt((int) m.size).putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(h.array());
            out.writeBytes(m.data);
        }
        int cdStart = out.size();
        for (int k = 0; k < members.size(); k++) {
            Member m = members.get(k);
            byte[] name = m.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) m.method).putShort((short) 0).putShort((short) 0x21).putInt((int) m.crc)
                    .putInt(m.data.length).putInt((int) m.size).putShort((short) name.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt((int) (long) offsets.get(k)).put(name);
            out.writeBytes(c.array());
        }
        int cdSize = out.size() - cdStart;
        ByteBuffer e = le(22);
        e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) members.size())
                .putShort((short) members.size()).putInt(cdSize).putInt(cdStart).putShort((short) 0);
        out.writeBytes(e.array());
        return out.toByteArray();
    }

    /**
     * @param bytes content
     * @return its CRC-32
     */
    public static long crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }

    /**
     * @param bytes content
     * @return its raw deflate stream (as in a zip member)
     */
    public static byte[] deflate(byte[] bytes) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(bytes);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /**
     * A deflate bomb: a raw deflate stream of {@code blocks} MiB of zero bytes after {@code prefix}, built from one
     * compressed MiB repeated (each block is flushed with {@link Deflater#FULL_FLUSH}, which makes it independent of
     * what came before), so that gigabytes need never be compressed in a test.
     *
     * @param prefix bytes before the zeros (e.g. a .npy header)
     * @param blocks MiB of zeros after them
     * @return the deflate stream
     */
    public static byte[] zeroBomb(byte[] prefix, int blocks) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.setInput(prefix);
        drain(d, out, Deflater.FULL_FLUSH);
        d.setInput(zeros);
        byte[] first = drain(d, new ByteArrayOutputStream(), Deflater.FULL_FLUSH);
        d.setInput(zeros);
        byte[] unit = drain(d, new ByteArrayOutputStream(), Deflater.FULL_FLUSH);
        out.writeBytes(first);
        for (int k = 1; k < blocks; k++) {
            out.writeBytes(unit);
        }
        d.finish();
        drain(d, out, Deflater.NO_FLUSH);
        d.end();
        return out.toByteArray();
    }

    /**
     * @param prefix bytes before the zeros
     * @param blocks MiB of zeros after them
     * @return the CRC-32 of {@code prefix} followed by the zeros
     */
    public static long zeroCrc(byte[] prefix, int blocks) {
        CRC32 c = new CRC32();
        c.update(prefix);
        byte[] zeros = new byte[1 << 20];
        for (int k = 0; k < blocks; k++) {
            c.update(zeros);
        }
        return c.getValue();
    }

    private static byte[] drain(Deflater d, ByteArrayOutputStream out, int flush) {
        ByteArrayOutputStream mine = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, flush);
            mine.write(buf, 0, n);
            if (d.finished() || (n < buf.length && d.needsInput())) {
                break;
            }
        }
        byte[] b = mine.toByteArray();
        out.writeBytes(b);
        return b;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
