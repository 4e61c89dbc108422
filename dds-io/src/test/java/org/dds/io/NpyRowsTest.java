package org.dds.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Memory-mapped row blocks ({@link NpyRows}) against the whole-file reader ({@link NpyReader}, itself checked
 * against numpy's layouts by {@code NpyReaderTest}): every block of every byte order, storage order and precision
 * is the same rows, bit for bit.
 */
class NpyRowsTest {
    private static final int ROWS = 7;
    private static final int COLS = 5;

    @TempDir
    Path tmp;

    private static double[] values() {
        double[] v = new double[ROWS * COLS];
        for (int k = 0; k < v.length; k++) {
            // Values float32 cannot hold exactly, so that widening is checked too.
            v[k] = (k - 11) / 3.0 + k * 1e-3;
        }
        return v;
    }

    @ParameterizedTest(name = "{0} fortran={1}")
    @CsvSource({"<f8,false", "<f8,true", ">f8,false", ">f8,true", "<f4,false", "<f4,true", ">f4,false",
        ">f4,true"})
    void blocksAreTheRowsOfTheWholeFileReader(String descr, boolean fortran) throws IOException {
        ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = NpyBytes.write(tmp.resolve("x.npy"),
                NpyBytes.header(1, NpyBytes.dict(descr, fortran, "(" + ROWS + ", " + COLS + ")")),
                NpyBytes.data2d(values(), ROWS, COLS, fortran, order, descr.endsWith("4")));
        double[] whole = NpyReader.read(file).toArray();
        NpyRows rows = NpyRows.open(file);
        NpyRows mapped = NpyRows.map(file, "x");
        assertThat(rows.name()).isEqualTo("x");
        assertThat(rows.rows()).isEqualTo(ROWS);
        assertThat(rows.cols()).isEqualTo(COLS);
        for (int from = 0; from < ROWS; from += 3) {
            int to = Math.min(ROWS, from + 3);
            double[] block = new double[(to - from) * COLS];
            double[] viaMap = new double[block.length];
            rows.read(from, to, block);
            mapped.read(from, to, viaMap);
            for (int k = 0; k < block.length; k++) {
                assertThat(block[k]).as("%s fortran=%s rows %d..%d value %d", descr, fortran, from, to, k)
                        .isEqualTo(whole[from * COLS + k]).isEqualTo(viaMap[k]);
            }
        }
    }

    /** Positioned reads of another file system (the path of HDFS or S3) give the same rows as the memory map. */
    @Test
    void positionedReadsGiveTheMappedRows() throws IOException {
        Path file = NpyBytes.write(tmp.resolve("p.npy"),
                NpyBytes.header(2, NpyBytes.dict(">f4", true, "(" + ROWS + ", " + COLS + ")")),
                NpyBytes.data2d(values(), ROWS, COLS, true, ByteOrder.BIG_ENDIAN, true));
        byte[] all = Files.readAllBytes(file);
        NpyRows positioned;
        try (var header = Files.newInputStream(file)) {
            positioned = NpyRows.open("file 'p.npy'", "p", all.length, header,
                    (position, buffer, offset, length) -> System.arraycopy(all, (int) position, buffer, offset, length));
        }
        double[] a = new double[4 * COLS];
        double[] b = new double[4 * COLS];
        positioned.read(2, 6, a);
        NpyRows.map(file, "p").read(2, 6, b);
        assertThat(a).containsExactly(b);
    }

    /** A Fortran-order n x H x W x C array flattens row-wise, channels last, as the whole-file reader does. */
    @Test
    void fortranFeatureMapsFlattenAsTheWholeFileReader() throws IOException {
        int n = 3;
        int[] s = {n, 2, 3, 2};
        int count = n * 12;
        ByteBuffer b = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        // Fortran order: the first axis fastest; the value written is the C-order index, so every one differs.
        for (int c = 0; c < s[3]; c++) {
            for (int w = 0; w < s[2]; w++) {
                for (int h = 0; h < s[1]; h++) {
                    for (int i = 0; i < n; i++) {
                        b.putDouble(((i * s[1] + h) * s[2] + w) * s[3] + c);
                    }
                }
            }
        }
        Path file = NpyBytes.write(tmp.resolve("maps.npy"),
                NpyBytes.header(1, NpyBytes.dict("<f8", true, "(3, 2, 3, 2)")), b.array());
        double[] block = new double[2 * 12];
        NpyRows.open(file).read(1, 3, block);
        double[] whole = NpyReader.read(file).toArray();
        for (int k = 0; k < block.length; k++) {
            assertThat(block[k]).as("value %d", k).isEqualTo(whole[12 + k]).isEqualTo(12.0 + k);
        }
    }

    @Test
    void aDirectoryOfNpyIsMappedInModelOrder() throws IOException {
        NpyWriter.write(tmp.resolve("b.npy"), FeatureMatrix.of("b", 2, 2, new double[] {1, 2, 3, 4}));
        NpyWriter.write(tmp.resolve("a.npy"), FeatureMatrix.of("a", 2, 2, new double[] {5, 6, 7, 8}));
        Files.writeString(tmp.resolve("models.txt"), "b\na\n");
        List<FeatureSource> sources = FeatureReader.sources(tmp);
        assertThat(sources).extracting(FeatureSource::name).containsExactly("b", "a");
        assertThat(sources.get(0)).isInstanceOf(NpyRows.class);
        double[] row = new double[2];
        sources.get(1).read(1, 2, row);
        assertThat(row).containsExactly(7, 8);
    }

    @Test
    void aTruncatedFileIsRefusedNamingIt() throws IOException {
        Path file = NpyBytes.write(tmp.resolve("short.npy"),
                NpyBytes.header(1, NpyBytes.dict("<f8", false, "(4, 2)")), new byte[8 * 5]);
        assertThatThrownBy(() -> NpyRows.open(file)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("short.npy").hasMessageContaining("is truncated");
    }

    @Test
    void aOneDimensionalArrayIsRefused() throws IOException {
        Path file = NpyBytes.write(tmp.resolve("flat.npy"),
                NpyBytes.header(1, NpyBytes.dict("<f8", false, "(4,)")), new byte[8 * 4]);
        assertThatThrownBy(() -> NpyRows.open(file)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("1-D array").hasMessageContaining("reshape to n x d");
    }
}
