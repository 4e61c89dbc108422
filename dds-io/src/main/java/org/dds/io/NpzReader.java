package org.dds.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;

/**
 * Reads an {@code .npz} (what {@code numpy.savez} and {@code numpy.savez_compressed} write): a zip archive with one
 * {@code <model>.npy} member per model, stored or deflated. Models come in archive order, each named after its
 * member without {@code .npy}; each member is read as by {@link NpyReader}, after checks numpy makes too or that
 * keep a hostile archive harmless: its CRC-32 must match, it must inflate to exactly its declared size (never
 * inflated past it) with a .npy header that describes exactly that many bytes, and that size must fit in the free
 * Java heap before a byte is inflated. {@link #readArrays} reads any archive
 * of N-d arrays (e.g. an exported {@code state_dict}).
 */
public final class NpzReader {
    /** Deflate cannot compress by more than 1032:1; a larger declared ratio is a corrupt or hostile entry. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NpzReader() {
    }

    /**
     * @param file the archive
     * @return the models, in archive order
     */
    public static FeatureSet read(Path file) {
        return load(file).features();
    }

    /**
     * Reads the models and the feature-map shapes of the members that hold n x H x W x C arrays.
     *
     * @param file the archive
     * @return the models, in archive order
     * @throws DdsInputException naming the archive (and member) for a missing, corrupt or empty archive, a member
     *                           that is not a numeric .npy, or models with different numbers of images
     */
    public static LoadedFeatures load(Path file) {
        String where = NpyReader.where(file);
        List<ModelFeatures> models = new ArrayList<>();
        members(file, where, "an .npz for DDS holds one <model>.npy per model (numpy.savez(path, model=array, ...))",
                (name, array) -> models.add(NpyReader.toModel(array, name)));
        if (models.isEmpty()) {
            throw new DdsInputException(where + " holds no arrays: save one array per model with "
                    + "numpy.savez(path, model=array, ...)");
        }
        return LoadedFeatures.of(models, FeatureFormat.NPZ, file, where);
    }

    /**
     * Reads every member as an N-d array of any rank (e.g. the tensors of an exported PyTorch {@code state_dict}).
     *
     * @param file the archive
     * @return member name without {@code .npy} -> array (as {@link NpyReader#readArray(Path)} reads it), in archive
     *         order; empty for an empty archive
     * @throws DdsInputException naming the archive (and member) for a missing or corrupt archive or a member that
     *                           is not a numeric .npy
     */
    public static Map<String, NpyArray> readArrays(Path file) {
        String where = NpyReader.where(file);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        members(file, where, "an .npz holds one <name>.npy per array (numpy.savez(path, name=array, ...))",
                arrays::put);
        return arrays;
    }

    /**
     * Reads the archive's members in order.
     *
     * @param file   the archive
     * @param where  how messages name it
     * @param layout what a member should be, for the message on a member that is not a .npy
     * @param sink   receives each member's name without {@code .npy} and its array
     */
    private static void members(Path file, String where, String layout, BiConsumer<String, NpyArray> sink) {
        long fileLength = NpyReader.length(file, where);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String member = "member '" + e.getName() + "' of " + where;
                if (!e.getName().endsWith(".npy")) {
                    throw new DdsInputException(member + " is not a .npy array: " + layout);
                }
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size < 0 || (e.getMethod() == ZipEntry.STORED ? size > fileLength
                        : packed >= 0 && size > packed * MAX_DEFLATE_RATIO + 1024)) {
                    throw new DdsInputException(member + " declares " + size + " bytes, more than its "
                            + (packed >= 0 ? packed : fileLength) + " stored bytes can hold: the archive is "
                            + "corrupt; re-create it with numpy.savez");
                }
                // Bounded by memory before a byte is inflated; bounded by the declared size while inflating.
                Shapes.requireHeap(size, member);
                String name = e.getName().substring(0, e.getName().length() - ".npy".length());
                sink.accept(name, member(zip, e, member));
            }
        } catch (NoSuchFileException e) {
            throw new DdsInputException(where + " does not exist: check the path", e);
        } catch (ZipException e) {
            throw new DdsInputException(where + " is not a readable .npz (zip) archive (" + e.getMessage()
                    + "): re-create it with numpy.savez", e);
        } catch (IOException e) {
            throw NpyReader.unreadable(where, e);
        } catch (DdsInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // java.util.zip reports some malformed entries (e.g. bad names) as unchecked exceptions.
            throw new DdsInputException(where + " is not a readable .npz (zip) archive (" + e.getMessage()
                    + "): re-create it with numpy.savez", e);
        }
    }

    /**
     * Reads one member: never more bytes than it declares, and its CRC-32 checked against the archive's.
     *
     * @param zip    the archive
     * @param e      the member
     * @param member how messages name it
     * @return its array
     */
    private static NpyArray member(ZipFile zip, ZipEntry e, String member) throws IOException {
        long size = e.getSize();
        try (Declared declared = new Declared(zip.getInputStream(e), size);
             InputStream in = new BufferedInputStream(declared, 1 << 16)) {
            NpyArray array;
            try {
                array = NpyReader.readArray(in, size, member, true);
            } catch (DdsInputException x) {
                // A member cut short of its header's array may hold more than it declares: say so, but inflate
                // nothing beyond the declared bytes to find out.
                if (x.getCause() instanceof ZipException z) {
                    throw new DdsInputException(member + " cannot be inflated (" + z.getMessage() + "): the "
                            + "archive is corrupt; copy or re-create it with numpy.savez", z);
                }
                if (declared.exhaustedWithMore()) {
                    throw longer(member, size);
                }
                throw x;
            }
            if (declared.longer()) {
                throw longer(member, size);
            }
            if (declared.crc() != e.getCrc()) {
                throw new DdsInputException(member + " fails its CRC-32 check (the archive says "
                        + String.format("%08x", e.getCrc()) + ", its data gives " + String.format("%08x",
                        declared.crc()) + "): the archive is corrupt; copy or re-create it with numpy.savez");
            }
            return array;
        }
    }

    private static DdsInputException longer(String member, long size) {
        return new DdsInputException(member + " inflates to more than the " + size + " bytes it declares: the "
                + "archive is corrupt or hostile; re-create it with numpy.savez");
    }

    /**
     * A member's bytes, at most as many as it declares, with their CRC-32; {@link #longer} says whether the
     * member holds more than it declares (reading at most one byte past the declared size).
     */
    private static final class Declared extends FilterInputStream {
        private final CRC32 crc = new CRC32();
        private long left;

        Declared(InputStream in, long size) {
            super(in);
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                crc.update(b, off, n);
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 1 << 16)], 0, (int) Math.min(n, 1 << 16));
        }

        /** @return true if the member has bytes beyond its declared size (reads the rest of the declared ones) */
        boolean longer() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (read(buf, 0, buf.length) >= 0) {
                // the CRC covers every declared byte
            }
            return in.read() >= 0;
        }

        /** @return true if every declared byte was read and the member has at least one more */
        boolean exhaustedWithMore() throws IOException {
            return left == 0 && in.read() >= 0;
        }

        /** @return the CRC-32 of the bytes read */
        long crc() {
            return crc.getValue();
        }
    }

    /**
     * @param file a path
     * @return true if the file starts like a zip archive
     */
    static boolean looksLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(2);
            return b.length == 2 && b[0] == 'P' && b[1] == 'K';
        } catch (IOException e) {
            return false;
        }
    }
}
