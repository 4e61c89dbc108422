package org.dds.mini;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.dds.core.DdsInputException;

/**
 * Reader of the IDX format of (Fashion-)MNIST (LeCun et al.): a big-endian header — magic 0x00000803 for unsigned
 * byte images (count, rows, columns) or 0x00000801 for labels (count) — followed by the bytes. Plain or gzipped
 * files. The magic number, the sizes and the length are checked; a file that is cut short is refused with its
 * name and the counts.
 */
public final class IdxImages {
    /** Magic number of an unsigned-byte 3-D array (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte 1-D array (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxImages() {
    }

    /**
     * @param file an images file (idx3-ubyte, optionally .gz)
     * @param max  read at most this many images (the first ones)
     * @return the images
     */
    public static Images readImages(Path file, int max) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DdsInputException("'" + file + "' is not an IDX image file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x803): pass the *-images-idx3-ubyte(.gz) file");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows < 1 || cols < 1 || rows > 4096 || cols > 4096) {
                throw new DdsInputException("'" + file + "' declares " + count + " images of " + rows + " x " + cols
                        + ": the header is corrupt; download the file again");
            }
            int n = Math.min(count, max);
            byte[] pixels = new byte[Math.multiplyExact(n, rows * cols)];
            readFully(in, pixels, file, n + " images of " + rows + " x " + cols);
            return new Images(n, rows, cols, pixels);
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    /**
     * @param file a labels file (idx1-ubyte, optionally .gz)
     * @param max  read at most this many labels
     * @return the labels, 0..255
     */
    public static int[] readLabels(Path file, int max) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DdsInputException("'" + file + "' is not an IDX label file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x801): pass the *-labels-idx1-ubyte(.gz) file");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new DdsInputException("'" + file + "' declares " + count + " labels: the header is corrupt");
            }
            int n = Math.min(count, max);
            byte[] raw = new byte[n];
            readFully(in, raw, file, n + " labels");
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            raw = new GZIPInputStream(raw, 1 << 16);
        }
        return new DataInputStream(raw);
    }

    private static void readFully(DataInputStream in, byte[] into, Path file, String what) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new DdsInputException("'" + file + "' ends before the " + what + " its header declares: the file "
                    + "is truncated; download or reinstall it", e);
        }
    }

    private static DdsInputException ioError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DdsInputException("'" + file + "' does not exist", e);
        }
        if (e instanceof EOFException) {
            return new DdsInputException("'" + file + "' is shorter than an IDX header: the file is truncated", e);
        }
        return new DdsInputException("cannot read '" + file + "': " + e.getMessage(), e);
    }

    /**
     * Grey-level images, row-major, one byte per pixel.
     *
     * @param count  number of images
     * @param rows   height
     * @param cols   width
     * @param pixels count * rows * cols bytes (unsigned)
     */
    public record Images(int count, int rows, int cols, byte[] pixels) {

        /** Validates the size. */
        public Images {
            if ((long) count * rows * cols != pixels.length) {
                throw new IllegalArgumentException(pixels.length + " bytes for " + count + " images of " + rows + " x "
                        + cols);
            }
        }

        /**
         * @param i image
         * @return its pixels scaled to [0, 1], row-major
         */
        public float[] image(int i) {
            int size = rows * cols;
            float[] out = new float[size];
            for (int p = 0; p < size; p++) {
                out[p] = (pixels[i * size + p] & 0xff) / 255f;
            }
            return out;
        }
    }
}
