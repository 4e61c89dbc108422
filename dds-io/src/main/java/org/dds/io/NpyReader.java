package org.dds.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;
import org.dds.io.pickle.NdArray;
import org.dds.io.pickle.NumpyDtype;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), parsing the header itself: one model's
 * features ({@link #read}, {@link #readModel}) or any N-d numeric array ({@link #readArray(Path)}, e.g. a weight
 * tensor). A model's array is n x d (one row per image) or n x H x W x C (feature maps, channels last, flattened
 * row-wise to n x (H*W*C) with the {@link MapShape} remembered). float32 is widened to float64; other integer,
 * bool and float16 types are converted; Fortran order and big-endian data are converted to C order in native
 * values.
 *
 * <p>The declared size is checked against the file's length before anything is allocated, and the data is
 * streamed in chunks. Every problem is a {@link DdsInputException} naming the file and the fix.
 */
public final class NpyReader {
    private static final Logger LOG = LoggerFactory.getLogger(NpyReader.class);
    /** A multiple of every element size. */
    private static final int CHUNK = 1 << 20;

    private NpyReader() {
    }

    /**
     * Reads a model named after the file (its name without {@code .npy}).
     *
     * @param file an n x d or n x H x W x C array
     * @return the features
     */
    public static FeatureMatrix read(Path file) {
        return read(file, stem(file));
    }

    /**
     * @param file  an n x d or n x H x W x C array
     * @param model the model name to give
     * @return the features
     */
    public static FeatureMatrix read(Path file, String model) {
        return readModel(file, model).matrix();
    }

    /**
     * Reads a model and, for an n x H x W x C array, its feature-map shape.
     *
     * @param file  an n x d or n x H x W x C array
     * @param model the model name to give
     * @return the features and the map shape (empty for n x d)
     */
    public static ModelFeatures readModel(Path file, String model) {
        Objects.requireNonNull(model, "model");
        return toModel(readArray(file), model);
    }

    /**
     * Reads a numeric array of any rank, 0-D included, with its shape: float16 and float32 as floats, every other
     * numeric type as doubles, in C order whatever the file's order.
     *
     * @param file the file
     * @return its shape and values in C order
     * @throws DdsInputException naming the file if it is missing, truncated, malformed or not numeric
     */
    public static NpyArray readArray(Path file) {
        String where = where(file);
        long length = length(file, where);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return readArray(in, length, where);
        } catch (IOException e) {
            throw unreadable(where, e);
        }
    }

    /**
     * @param file a {@code .npy} file
     * @return whether its values are integers or booleans (numpy kinds {@code i}, {@code u}, {@code b}), not floats
     * @throws DdsInputException naming the file if it is missing, malformed or not numeric
     */
    public static boolean holdsIntegers(Path file) {
        return readHeader(file).numericType().kind() != 'f';
    }

    /**
     * Reads the header of a file.
     *
     * @param file the file
     * @return its header
     */
    static NpyHeader readHeader(Path file) {
        String where = where(file);
        long length = length(file, where);
        try (InputStream in = Files.newInputStream(file)) {
            return NpyHeader.read(in, length, where);
        } catch (IOException e) {
            throw unreadable(where, e);
        }
    }

    /**
     * Reads a numeric array from a stream (a file or a zip member).
     *
     * @param in     the bytes from the start of the .npy
     * @param length the number of bytes, or -1 if unknown
     * @param where  how messages name the source
     * @return its shape and values in C order
     */
    static NpyArray readArray(InputStream in, long length, String where) {
        return readArray(in, length, where, false);
    }

    /**
     * @param in     the bytes from the start of the .npy
     * @param length the number of bytes, or -1 if unknown
     * @param where  how messages name the source
     * @param exact  refuse bytes after the array (a zip member: numpy writes none) instead of warning
     * @return its shape and values in C order
     */
    static NpyArray readArray(InputStream in, long length, String where, boolean exact) {
        NpyHeader h = NpyHeader.read(in, length, where);
        NumpyDtype type = h.numericType();
        long count = h.count();
        long needed = count * type.itemSize();
        if (length >= 0) {
            long available = length - h.dataOffset();
            if (available < needed) {
                throw truncated(h, needed, available);
            }
            if (available > needed && exact) {
                throw new DdsInputException(where + " declares " + length + " bytes but its .npy header describes "
                        + "a " + h.describe() + " array of " + (h.dataOffset() + needed) + ": the archive is "
                        + "corrupt; re-create it with numpy.savez");
            }
            if (available > needed) {
                LOG.warn("{} has {} bytes after its {} array; ignoring them", where, available - needed,
                        h.describe());
            }
        }
        int[] shape = h.shape();
        if (type.fitsFloat()) {
            float[] values = (float[]) Shapes.allocate(count, 4, where);
            readData(in, h, type, count, values, null);
            return new NpyArray(where, shape, h.fortranOrder() && shape.length > 1
                    ? NdArray.fortranToC(values, shape) : values, null);
        }
        double[] values = (double[]) Shapes.allocate(count, 8, where);
        readData(in, h, type, count, null, values);
        return new NpyArray(where, shape, null, h.fortranOrder() && shape.length > 1
                ? NdArray.fortranToC(values, shape) : values);
    }

    private static void readData(InputStream in, NpyHeader h, NumpyDtype type, long count, float[] floats,
                                 double[] doubles) {
        long needed = count * type.itemSize();
        byte[] buf = new byte[(int) Math.min(CHUNK, needed)];
        long done = 0;
        int at = 0;
        while (done < needed) {
            int want = (int) Math.min(buf.length, needed - done);
            int got;
            try {
                got = in.readNBytes(buf, 0, want);
            } catch (IOException e) {
                throw unreadable(h.where(), e);
            }
            if (got < want) {
                throw truncated(h, needed, done + got);
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
            int n = want / type.itemSize();
            if (floats != null) {
                type.decode(bb, floats, at, n);
            } else {
                type.decode(bb, doubles, at, n);
            }
            at += n;
            done += want;
        }
    }

    /**
     * Turns an n x d or n x H x W x C array into a model's features.
     *
     * @param a     the array
     * @param model the model name
     * @return the features and map shape
     */
    static ModelFeatures toModel(NpyArray a, String model) {
        int[] s = a.shape();
        String where = a.where();
        switch (s.length) {
            case 2:
                return new ModelFeatures(matrix(a, model, s[0], s[1]), Optional.empty());
            case 4: {
                MapShape map;
                try {
                    map = new MapShape(s[1], s[2], s[3]);
                } catch (DdsInputException e) {
                    throw inFile(where, e);
                }
                return new ModelFeatures(matrix(a, model, s[0], map.size()), Optional.of(map));
            }
            case 1:
                throw new DdsInputException(where + " holds a 1-D array of " + s[0] + " values: DDS needs one row "
                        + "per image; reshape to n x d (x.reshape(n, -1), or x.reshape(1, -1) for one image) and "
                        + "save it again");
            case 0:
                throw new DdsInputException(where + " holds a single number: DDS needs an n x d array with one row "
                        + "per image");
            default:
                throw new DdsInputException(where + " holds a " + s.length + "-D array (" + Shapes.text(s)
                        + "): DDS reads n x d or n x H x W x C (channels last); reshape to n x d and save it again");
        }
    }

    private static FeatureMatrix matrix(NpyArray a, String model, int rows, int cols) {
        try {
            return a.floats() != null ? FeatureMatrix.ofFloats(model, rows, cols, a.floats())
                    : FeatureMatrix.wrap(model, rows, cols, a.doubles());
        } catch (DdsInputException e) {
            throw inFile(a.where(), e);
        }
    }

    /**
     * @param where how messages name the file
     * @param e     an error that does not name it
     * @return the same error with the file in front
     */
    static DdsInputException inFile(String where, DdsInputException e) {
        return new DdsInputException("in " + where + ", " + e.getMessage(), e);
    }

    /**
     * @param file a path
     * @return how messages name it
     */
    static String where(Path file) {
        return "file '" + file + "'";
    }

    /**
     * @param file a path
     * @return its file name without the last extension
     */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static long length(Path file, String where) {
        InputFiles.requireRegular(file, where);
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DdsInputException(where + " does not exist: check the path", e);
        } catch (IOException e) {
            throw unreadable(where, e);
        }
    }

    static DdsInputException unreadable(String where, IOException e) {
        return new DdsInputException("cannot read " + where + " (" + e.getMessage()
                + "): check that it exists and is readable", e);
    }

    private static DdsInputException truncated(NpyHeader h, long needed, long available) {
        return new DdsInputException(h.where() + " is truncated: its header declares a " + h.describe()
                + " array (" + needed + " bytes of data) but only " + Math.max(0, available)
                + " bytes follow the " + h.dataOffset() + "-byte header; copy or re-save the file");
    }
}
