package org.dds.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.io.testing.ZipBytes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests of issue 14 (defects 4, 5, 6, 7 and the input half of 10): inputs that used to be read into a
 * wrong matrix with no error, or that hung, are refused in one sentence or read right.
 */
class InputDefectsTest {
    @TempDir
    Path tmp;

    // ---- defect 4: CSV ----

    /** A UTF-8 BOM made the first row a "header": image 0 was silently dropped. */
    @Test
    void csvWithByteOrderMarkKeepsItsFirstImage() throws IOException {
        Path f = tmp.resolve("bom.csv");
        Files.write(f, ("\uFEFF1,2\n3,4\n").getBytes(StandardCharsets.UTF_8));
        FeatureMatrix m = CsvFeatureReader.read(f);
        assertThat(m.rows()).as("both rows are images").isEqualTo(2);
        assertThat(m.get(0, 0)).isEqualTo(1.0);
        assertThat(m.get(1, 1)).isEqualTo(4.0);
    }

    /** A typo in the first row ("2x") made the row a header and dropped image 0; it must be refused. */
    @Test
    void csvFirstRowWithATypoIsRefusedNotDroppedAsAHeader() throws IOException {
        Path f = Files.writeString(tmp.resolve("typo.csv"), "1,2x,3\n4,5,6\n7,8,9\n");
        assertThatThrownBy(() -> CsvFeatureReader.read(f))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("'2x' on line 1 (image 0, feature 1), which is not a number");
    }

    /** The header rule: a first row with no number at all is a header; pandas' column numbers are one too. */
    @Test
    void csvHeaderRuleIsExplicit() throws IOException {
        Path names = Files.writeString(tmp.resolve("names.csv"), "\uFEFFf0,f1\n1,2\n3,4\n");
        assertThat(CsvFeatureReader.read(names).rows()).isEqualTo(2);
        // pandas.DataFrame(x).to_csv(path, index=False) writes the column numbers 0,1,...,d-1 as its header.
        Path pandas = Files.writeString(tmp.resolve("pandas.csv"), "0,1,2\n1.5,2,3\n4,5,6\n");
        FeatureMatrix p = CsvFeatureReader.read(pandas);
        assertThat(p.rows()).isEqualTo(2);
        assertThat(p.get(0, 0)).isEqualTo(1.5);
        // The same numbers as a later row are data.
        Path later = Files.writeString(tmp.resolve("later.csv"), "1.5,2,3\n0,1,2\n");
        assertThat(CsvFeatureReader.read(later).rows()).isEqualTo(2);
    }

    // ---- defect 5: .npz ----

    private static byte[] npy(double... values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, new int[] {values.length / 2, 2}, values, NpyPrecision.FLOAT64);
        return out.toByteArray();
    }

    /** A corrupted member used to be read as a matrix with exit 0 (numpy refuses it): CRC-32 is now checked. */
    @Test
    void npzMemberWithWrongCrcIsRefused() throws IOException {
        byte[] good = npy(1, 2, 3, 4, 5, 6, 7, 8);
        byte[] bad = good.clone();
        bad[bad.length - 3] ^= 0x10;
        Path stored = Files.write(tmp.resolve("stored.npz"),
                new ZipBytes().stored("a.npy", good).member("b.npy", ZipBytes.STORED, bad, ZipBytes.crc(good),
                        good.length).toBytes());
        assertThatThrownBy(() -> FeatureReader.read(stored))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("member 'b.npy' of file '" + stored + "'")
                .hasMessageContaining("CRC-32");
        Path deflated = Files.write(tmp.resolve("deflated.npz"),
                new ZipBytes().deflated("a.npy", good).member("b.npy", ZipBytes.DEFLATED, ZipBytes.deflate(bad),
                        ZipBytes.crc(good), good.length).toBytes());
        assertThatThrownBy(() -> FeatureReader.read(deflated))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("member 'b.npy'").hasMessageContaining("CRC-32");
        Path fine = Files.write(tmp.resolve("fine.npz"),
                new ZipBytes().deflated("a.npy", good).stored("b.npy", good).toBytes());
        assertThat(FeatureReader.read(fine).names()).containsExactly("a", "b");
    }

    /**
     * A 2 MiB deflate bomb (about 2 GiB of zeros under a .npy header declaring 1 x 16 float64) is refused after
     * inflating no more than its declared size, whatever its central directory says of the rest.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void npzDeflateBombIsRefusedWithoutInflatingIt() throws IOException {
        byte[] header = npy(new double[16]);
        int blocks = 2048;
        byte[] bomb = ZipBytes.zeroBomb(header, blocks);
        assertThat(bomb.length).as("the bomb is small").isLessThan(3 << 20);
        long crc = ZipBytes.zeroCrc(header, blocks);
        Path lying = Files.write(tmp.resolve("bomb.npz"),
                new ZipBytes().member("a.npy", ZipBytes.DEFLATED, bomb, crc, header.length).toBytes());
        assertThatThrownBy(() -> FeatureReader.read(lying))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("member 'a.npy' of file '" + lying + "'")
                .hasMessageContaining("more than the " + header.length + " bytes it declares");
        Path honest = Files.write(tmp.resolve("honest.npz"), new ZipBytes().member("a.npy", ZipBytes.DEFLATED, bomb,
                crc, header.length + ((long) blocks << 20)).toBytes());
        assertThatThrownBy(() -> FeatureReader.read(honest))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("member 'a.npy' of file '" + honest + "'");
    }

    /** The checks accept what numpy writes: savez and savez_compressed fixtures of make_fixtures.py. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"models_stored.npz", "models_deflated.npz"})
    void npzWrittenByNumpyIsRead(String name) throws Exception {
        FeatureSet f = FeatureReader.read(Path.of(getClass().getResource("/io/" + name).toURI()));
        assertThat(f.names()).containsExactly("a", "b");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                // A[i][j] = (4 i + j) / 8 + 1 in make_fixtures.py; b = A + 10.
                assertThat(f.get("a").get(i, j)).isEqualTo((4 * i + j) / 8.0 + 1);
                assertThat(f.get("b").get(i, j)).isEqualTo((4 * i + j) / 8.0 + 11);
            }
        }
    }

    /** Inflation is bounded by memory: a member whose data cannot fit in the free heap is refused up front. */
    @Test
    void memoryBoundRefusesBeforeAllocating() {
        assertThatThrownBy(() -> Shapes.checkFits(3L << 30, 1L << 30, "member 'a.npy' of file 'x.npz'"))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("member 'a.npy' of file 'x.npz' needs 3072 MiB for its values but the Java "
                        + "heap has about 1024 MiB free: ");
        Shapes.checkFits(1L << 20, 1L << 30, "fine");
    }

    // ---- defect 6: directories ----

    private void model(Path dir, String file, double v) throws IOException {
        Files.createDirectories(dir);
        NpyWriter.write(dir.resolve(file), FeatureMatrix.of(file, new double[][] {{v, 1}, {2, v}, {3, 4}}));
    }

    /** A dangling symlink named like a model was skipped: the model silently went missing. */
    @Test
    void danglingSymlinkInADirectoryIsRefused() throws IOException {
        Path dir = tmp.resolve("links");
        model(dir, "a.npy", 1);
        Files.createSymbolicLink(dir.resolve("b.npy"), tmp.resolve("nowhere.npy"));
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("'b.npy'").hasMessageContaining("does not exist");
    }

    /** A FIFO named like a model was skipped (and opening one hangs): it is refused without being opened. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void fifoInADirectoryOrAsAFileIsRefusedWithoutHanging() throws Exception {
        Path dir = tmp.resolve("fifo");
        model(dir, "a.npy", 1);
        Path fifo = mkfifo(dir.resolve("b.npy"));
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("'b.npy'").hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> FeatureReader.read(fifo))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("not a regular file");
    }

    /** {@code a.NPY} beside {@code a.npy}: one of the two was silently dropped. */
    @Test
    void twoFilesForOneModelAreRefused() throws IOException {
        Path dir = tmp.resolve("case");
        model(dir, "a.npy", 1);
        model(dir, "a.NPY", 2);
        model(dir, "b.npy", 3);
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("'a.NPY'").hasMessageContaining("'a.npy'").hasMessageContaining("model 'a'");
    }

    static Path mkfifo(Path at) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
        return at;
    }

    // ---- defect 7: per-image layout ----

    private void image(Path dir, String file, double v) throws IOException {
        Files.createDirectories(dir);
        NpyWriter.write(dir.resolve(file), new int[] {3}, new float[] {(float) v, 1, (float) (v * v)});
    }

    /** Per-image files were paired by sorted position: img005 of one task was compared with img006 of another. */
    @Test
    void perImageFilesArePairedByImageName() throws IOException {
        Path dir = tmp.resolve("perimage");
        for (String img : List.of("img001", "img002", "img005")) {
            image(dir, img + "_edge2d_encoder_output.npy", 1);
        }
        for (String img : List.of("img001", "img002", "img006")) {
            image(dir, img + "_edge3d_encoder_output.npy", 1);
        }
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("image 'img005_'")
                .hasMessageContaining("task 'edge3d'");
    }

    /** Images are matched by name, so tasks in different sub-directories still pair up. */
    @Test
    void perImageFilesInSubDirectoriesPairByName() throws IOException {
        Path dir = tmp.resolve("perimage2");
        image(dir, "a/img2_edge2d_encoder_output.npy", 2);
        image(dir, "a/img1_edge2d_encoder_output.npy", 1);
        image(dir, "z/img1_edge3d_encoder_output.npy", 10);
        image(dir, "b/img2_edge3d_encoder_output.npy", 20);
        FeatureSet f = FeatureReader.read(dir);
        assertThat(f.get("edge2d").get(0, 0)).isEqualTo(1.0);
        assertThat(f.get("edge3d").get(0, 0)).as("img1 of edge3d is row 0 though its path sorts last")
                .isEqualTo(10.0);
        image(dir, "c/img2_edge3d_encoder_output.npy", 30);
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("two files for image 'img2_'");
    }
}
