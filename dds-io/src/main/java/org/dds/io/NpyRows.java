package org.dds.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSource;
import org.dds.io.pickle.NumpyDtype;

/**
 * One model's {@code .npy} features read as row blocks, streamed ({@link #open(Path, String)}: positioned reads of
 * just the block's bytes) or memory-mapped ({@link #map}), so that n x d x T need not fit in the heap: only the
 * block asked for is decoded. Reads what
 * {@link NpyReader} reads for a model (n x d or n x H x W x C, flattened row-wise; float32, float64 and the other
 * numeric types, either byte order, C or Fortran order), widening to float64 the same way, so a block is the same
 * rows as {@link NpyReader#read}. A mapped file is mapped in pieces of at most 1 GiB; a file elsewhere (HDFS, S3) is
 * read with positioned reads ({@link #open(String, String, long, InputStream, PositionedReader)}). Thread-safe.
 */
public final class NpyRows implements FeatureSource {
    /** Bytes per mapped piece: a MappedByteBuffer holds at most 2^31 - 1. */
    private static final long PIECE = 1L << 30;

    private final String name;
    private final String where;
    private final NumpyDtype type;
    private final int rows;
    private final int cols;
    private final boolean fortran;
    /** Fortran order: where column k's first value is, in values from the start of the data. */
    private final long[] columnStart;
    private final long dataOffset;
    private final List<MappedByteBuffer> pieces = new ArrayList<>();
    private final PositionedReader reader;

    /**
     * Reads bytes at a position of a file, as Hadoop's {@code PositionedReadable.readFully} does; safe to call from
     * several threads at once.
     */
    @FunctionalInterface
    public interface PositionedReader {
        /**
         * @param position bytes from the start of the file
         * @param buffer   where the bytes go
         * @param offset   first index of buffer to fill
         * @param length   bytes to read, all of them
         * @throws IOException if they cannot be read
         */
        void readFully(long position, byte[] buffer, int offset, int length) throws IOException;
    }

    private NpyRows(String model, NpyHeader h, long length, PositionedReader reader) {
        this.name = model;
        this.where = h.where();
        this.type = h.numericType();
        int[] s = h.shape();
        if (s.length != 2 && s.length != 4) {
            throw new DdsInputException(where + " holds a " + s.length + "-D array (" + Shapes.text(s)
                    + "): DDS reads n x d or n x H x W x C (channels last); reshape to n x d and save it again");
        }
        if (h.count() == 0) {
            throw new DdsInputException(where + " holds an empty " + Shapes.text(s) + " array: DDS needs at least one "
                    + "image and one feature");
        }
        this.rows = s[0];
        long d = 1;
        for (int k = 1; k < s.length; k++) {
            d *= s[k];
        }
        this.cols = (int) d;
        this.fortran = h.fortranOrder();
        this.columnStart = fortran ? fortranStarts(s) : null;
        this.dataOffset = h.dataOffset();
        this.reader = reader;
        long needed = h.count() * type.itemSize();
        if (length - dataOffset < needed) {
            throw new DdsInputException(where + " is truncated: its header declares a " + h.describe() + " ("
                    + needed + " bytes of data) but the file holds " + Math.max(0, length - dataOffset)
                    + ": write the file again");
        }
    }

    private void map(Path file) {
        long needed = (long) rows * cols * type.itemSize();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long at = 0; at < needed; at += PIECE) {
                pieces.add(ch.map(FileChannel.MapMode.READ_ONLY, dataOffset + at, Math.min(PIECE, needed - at)));
            }
        } catch (IOException e) {
            throw NpyReader.unreadable(where, e);
        }
    }

    /**
     * @param file an n x d or n x H x W x C numeric {@code .npy}
     * @return its rows, the model named after the file
     * @throws DdsInputException naming the file if it is missing, malformed, truncated or not numeric
     */
    public static NpyRows open(Path file) {
        return open(file, NpyReader.stem(file));
    }

    /**
     * @param file  an n x d or n x H x W x C numeric {@code .npy}
     * @param model the model name to give
     * @return its rows
     * @throws DdsInputException naming the file if it is missing, malformed, truncated or not numeric
     */
    public static NpyRows open(Path file, String model) {
        return new NpyRows(model, NpyReader.readHeader(file), NpyReader.length(file, NpyReader.where(file)),
                (position, buffer, offset, length) -> {
                    // A channel per block: T models never hold T file handles, and the cost is small next to a tile.
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        ByteBuffer b = ByteBuffer.wrap(buffer, offset, length);
                        long at = position;
                        while (b.hasRemaining()) {
                            int got = ch.read(b, at);
                            if (got < 0) {
                                throw new java.io.EOFException("end of file at byte " + at);
                            }
                            at += got;
                        }
                    }
                });
    }

    /**
     * Like {@link #open(Path, String)}, but the file is memory-mapped rather than read: the operating system pages
     * it in, and the pages a process touched count towards its resident memory until they are evicted.
     *
     * @param file  an n x d or n x H x W x C numeric {@code .npy}
     * @param model the model name to give
     * @return its rows
     * @throws DdsInputException naming the file if it is missing, malformed, truncated or not numeric
     */
    public static NpyRows map(Path file, String model) {
        NpyRows rows = new NpyRows(model, NpyReader.readHeader(file), NpyReader.length(file, NpyReader.where(file)),
                null);
        rows.map(file);
        return rows;
    }

    /**
     * Rows read by positioned reads rather than a memory map: for files on other file systems (HDFS, S3 through
     * Hadoop's FileSystem API).
     *
     * @param where  how messages name the file, e.g. {@code file 'hdfs://nn/feats/edge.npy'}
     * @param model  the model name to give
     * @param length the file's length in bytes
     * @param header the file's bytes from its start (only the header is read; the caller closes it)
     * @param reader positioned reads of the same file
     * @return its rows
     * @throws DdsInputException naming the file if it is malformed, truncated or not numeric
     */
    public static NpyRows open(String where, String model, long length, InputStream header, PositionedReader reader) {
        return new NpyRows(model, NpyHeader.read(header, length, where), length, reader);
    }

    /** Fortran order: the position of the first value of every C-flattened column (h, w, c) of n x H x W x C. */
    private static long[] fortranStarts(int[] s) {
        int d = 1;
        for (int k = 1; k < s.length; k++) {
            d *= s[k];
        }
        long[] start = new long[d];
        for (int k = 0; k < d; k++) {
            // Split the C-order column index into its axes (last fastest) and lay them out first-fastest.
            long rest = k;
            long pos = 0;
            long[] idx = new long[s.length];
            for (int a = s.length - 1; a >= 1; a--) {
                idx[a] = rest % s[a];
                rest /= s[a];
            }
            long stride = s[0];
            for (int a = 1; a < s.length; a++) {
                pos += idx[a] * stride;
                stride *= s[a];
            }
            start[k] = pos;
        }
        return start;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public void read(int from, int to, double[] out) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + ".." + to + " of " + rows);
        }
        if (!fortran) {
            decode((long) from * cols, (to - from) * cols, out);
            return;
        }
        int count = to - from;
        double[] column = new double[count];
        for (int k = 0; k < cols; k++) {
            decode(columnStart[k] + from, count, column);
            for (int i = 0; i < count; i++) {
                out[i * cols + k] = column[i];
            }
        }
    }

    /** Decodes {@code count} consecutive values starting at value {@code first} of the data into out. */
    private void decode(long first, int count, double[] out) {
        int size = type.itemSize();
        long byteAt = first * size;
        int done = 0;
        while (done < count) {
            ByteBuffer b;
            int n;
            if (reader == null) {
                int piece = (int) (byteAt / PIECE);
                int offset = (int) (byteAt % PIECE);
                b = pieces.get(piece).duplicate();
                n = (int) Math.min(count - done, (b.limit() - offset) / size);
                b.position(offset);
                b.limit(offset + n * size);
            } else {
                n = (int) Math.min(count - done, PIECE / size);
                byte[] bytes = new byte[n * size];
                try {
                    reader.readFully(dataOffset + byteAt, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw NpyReader.unreadable(where, e);
                }
                b = ByteBuffer.wrap(bytes);
            }
            if (type.fitsFloat()) {
                float[] f = new float[n];
                type.decode(b, f, 0, n);
                for (int k = 0; k < n; k++) {
                    out[done + k] = f[k];
                }
            } else {
                type.decode(b, out, done, n);
            }
            done += n;
            byteAt += (long) n * size;
        }
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + rows + " x " + cols + " " + type.describe() + ", memory-mapped from " + where
                + ")";
    }
}
