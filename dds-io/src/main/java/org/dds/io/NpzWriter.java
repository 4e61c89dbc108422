package org.dds.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;

/**
 * Writes an {@code .npz} that {@code numpy.load} and {@link NpzReader} read: one {@code <model>.npy} member per
 * model in the set's order, stored (like {@code numpy.savez}) or deflated (like {@code numpy.savez_compressed}).
 * The archive is written to a temporary file and renamed into place atomically.
 */
public final class NpzWriter {

    private NpzWriter() {
    }

    /**
     * Writes float64 members, stored.
     *
     * @param file     the archive to create or replace
     * @param features the models
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, FeatureSet features) throws IOException {
        write(file, features, NpyPrecision.FLOAT64, false);
    }

    /**
     * @param file      the archive to create or replace
     * @param features  the models
     * @param precision float64 (exact) or float32 (rounded)
     * @param compress  deflate the members
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, FeatureSet features, NpyPrecision precision, boolean compress)
            throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (FeatureMatrix m : features.models()) {
                ByteArrayOutputStream npy = new ByteArrayOutputStream();
                NpyWriter.write(npy, new int[] {m.rows(), m.cols()}, FeatureMatrix.unsafeData(m), precision);
                byte[] bytes = npy.toByteArray();
                ZipEntry e = new ZipEntry(m.name() + ".npy");
                if (compress) {
                    e.setMethod(ZipEntry.DEFLATED);
                } else {
                    // A stored entry must declare its size and checksum before its data.
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(bytes.length);
                    e.setCompressedSize(bytes.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
