package org.dds.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.MapShape;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NpyReader} on numpy's files, on hand-built headers of every order and version, and on broken files. */
class NpyReaderTest {
    private static final int ROWS = 3;
    private static final int COLS = 5;

    @TempDir
    Path tmp;

    /** C-order test values, exact in float32: (5 i + j) / 4 - 2. */
    private static double[] values() {
        double[] v = new double[ROWS * COLS];
        Arrays.setAll(v, k -> k / 4.0 - 2);
        return v;
    }

    @Test
    void readsNumpyFloat64File() {
        FeatureMatrix x = NpyReader.read(SharedData.require("oracle/synth20_f64/autoencoder.npy"));
        // Literals printed by src/test/resources/reference/synth20_values.py.
        assertThat(x.name()).isEqualTo("autoencoder");
        assertThat(x.rows()).isEqualTo(48);
        assertThat(x.cols()).isEqualTo(2048);
        assertThat(x.get(0, 0)).isEqualTo(-8.524009814271436);
        assertThat(x.get(7, 123)).isEqualTo(-0.278439817354993);
        assertThat(x.get(47, 2047)).isEqualTo(-0.4509005932585428);
    }

    @Test
    void readsNumpyFloat32FileWidened() {
        FeatureMatrix x = NpyReader.read(SharedData.require("oracle/synth20_f32/edge3d.npy"), "e3");
        // Literals printed by src/test/resources/reference/synth20_values.py (float32 values as float64 repr).
        assertThat(x.name()).isEqualTo("e3");
        assertThat(x.get(0, 0)).isEqualTo(0.19476158916950226);
        assertThat(x.get(7, 123)).isEqualTo(1.3329108953475952);
        assertThat(x.get(47, 2047)).isEqualTo(-3.297126293182373);
    }

    @ParameterizedTest(name = "{0} fortran={1} version={2}")
    @CsvSource({
        "<f8, false, 1", ">f8, false, 1", "<f8, true, 1", ">f8, true, 2",
        "<f4, false, 1", ">f4, false, 1", "<f4, true, 3", ">f4, true, 1"})
    void readsAnyByteOrderStorageOrderAndVersionAsTheCOrderCopy(String descr, boolean fortran, int version)
            throws IOException {
        Path reference = tmp.resolve("c.npy");
        NpyWriter.write(reference, new int[] {ROWS, COLS}, values(), NpyPrecision.FLOAT64);
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = NpyBytes.write(tmp.resolve("x.npy"),
                NpyBytes.header(version, NpyBytes.dict(descr, fortran, "(3, 5)")),
                NpyBytes.data2d(values(), ROWS, COLS, fortran, order, descr.endsWith("4")));

        FeatureMatrix x = NpyReader.read(file);
        assertThat(x.toArray()).as("%s fortran=%s equals the C-order little-endian copy", descr, fortran)
                .containsExactly(NpyReader.read(reference).toArray());
    }

    @Test
    void flattensFeatureMapsRowWiseAndKeepsTheirShape() throws IOException {
        double[] maps = new double[2 * 2 * 3 * 4];
        Arrays.setAll(maps, k -> k);
        Path file = tmp.resolve("maps.npy");
        NpyWriter.write(file, new int[] {2, 2, 3, 4}, maps, NpyPrecision.FLOAT64);

        ModelFeatures m = NpyReader.readModel(file, "maps");
        assertThat(m.mapShape()).contains(new MapShape(2, 3, 4));
        assertThat(m.matrix().rows()).isEqualTo(2);
        assertThat(m.matrix().cols()).isEqualTo(24);
        // Image 1, position (h=1, w=2), channel 3 is flat column (1 * 3 + 2) * 4 + 3 = 23.
        assertThat(m.matrix().get(1, 23)).isEqualTo(47.0);
    }

    @Test
    void convertsIntegerTypes() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * 2).order(ByteOrder.LITTLE_ENDIAN).putInt(-3).putInt(70000);
        Path file = NpyBytes.write(tmp.resolve("ints.npy"),
                NpyBytes.header(1, NpyBytes.dict("<i4", false, "(1, 2)")), b.array());
        assertThat(NpyReader.read(file).toArray()).containsExactly(-3, 70000);
        Path bytes = NpyBytes.write(tmp.resolve("u1.npy"),
                NpyBytes.header(1, NpyBytes.dict("|u1", false, "(2, 1)")), new byte[] {(byte) 255, 7});
        assertThat(NpyReader.read(bytes).toArray()).containsExactly(255, 7);
    }

    @Test
    void refusesNanNamingFileModelAndPosition() {
        Path file = SharedData.require("oracle/edge/nan/has_nan.npy");
        assertThatThrownBy(() -> NpyReader.read(file))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("in file '" + file + "', features of model 'has_nan' contain NaN at image 7, feature 123: "
                        + "DDS needs finite values; fix or drop that image in every model");
    }

    @Test
    void refusesTruncatedDataWithExpectedAndActualBytes() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.require("oracle/synth20_f64/autoencoder.npy"));
        Path cut = Files.write(tmp.resolve("cut.npy"), Arrays.copyOf(whole, 128 + 1000));
        assertThatThrownBy(() -> NpyReader.read(cut))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("file '" + cut + "' is truncated: its header declares a 48 x 2048 float64 array (786432 "
                        + "bytes of data) but only 1000 bytes follow the 128-byte header; copy or re-save the file");
    }

    @Test
    void refusesHugeClaimedShapeWithoutAllocating() throws IOException {
        Path huge = NpyBytes.write(tmp.resolve("huge.npy"),
                NpyBytes.header(1, NpyBytes.dict("<f8", false, "(100000000, 100000000)")), new byte[16]);
        assertThatThrownBy(() -> NpyReader.read(huge))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("more values than one Java array holds");
        Path big = NpyBytes.write(tmp.resolve("big.npy"),
                NpyBytes.header(1, NpyBytes.dict("<f8", false, "(200000, 2048)")), new byte[16]);
        assertThatThrownBy(() -> NpyReader.read(big))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("is truncated: its header declares a 200000 x 2048 float64 array");
    }

    @Test
    void refusesWrongMagic() throws IOException {
        Path csv = Files.writeString(tmp.resolve("text.npy"), "1,2,3\n4,5,6\n");
        assertThatThrownBy(() -> NpyReader.read(csv))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("file '" + csv + "' is not a NumPy .npy file (it does not start with \\x93NUMPY): save "
                        + "the features with numpy.save");
        Path empty = Files.write(tmp.resolve("empty.npy"), new byte[0]);
        assertThatThrownBy(() -> NpyReader.read(empty)).hasMessage("file '" + empty + "' is empty: write the "
                + "features with numpy.save");
    }

    @Test
    void refusesOneDimensionalArrayWithReshapeFix() throws IOException {
        Path file = tmp.resolve("flat.npy");
        NpyWriter.write(file, new int[] {4}, new double[] {1, 2, 3, 4}, NpyPrecision.FLOAT64);
        assertThatThrownBy(() -> NpyReader.read(file))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("file '" + file + "' holds a 1-D array of 4 values: DDS needs one row per image; reshape "
                        + "to n x d (x.reshape(n, -1), or x.reshape(1, -1) for one image) and save it again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c16", "<U5", "|S3", "<M8[ns]"})
    void refusesNonNumericDtypes(String descr) throws IOException {
        Path file = NpyBytes.write(tmp.resolve("odd.npy"),
                NpyBytes.header(1, NpyBytes.dict(descr, false, "(1, 1)")), new byte[16 * 4]);
        assertThatThrownBy(() -> NpyReader.read(file))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("file '" + file + "' holds dtype '" + descr + "', which DDS cannot use: save the features "
                        + "as float32 or float64 (x.astype(numpy.float32))");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'descr': '<f8', 'shape': (1, 1), }", "{'descr': '<f8', 'fortran_order': 0, "
            + "'shape': (1, 1), }", "{'descr': '<f8', 'fortran_order': False, 'shape': (1, -1), }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1)", "__import__('os').system('x')"})
    void refusesMalformedHeaders(String dict) throws IOException {
        Path file = NpyBytes.write(tmp.resolve("bad.npy"), NpyBytes.header(1, dict), new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(file))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("file '" + file + "' has a malformed .npy header ")
                .hasMessageEndingWith("re-save the file with numpy.save");
    }

    @Test
    void refusesUnknownVersion() throws IOException {
        byte[] h = NpyBytes.header(1, NpyBytes.dict("<f8", false, "(1, 1)"));
        h[6] = 4;
        Path file = NpyBytes.write(tmp.resolve("v4.npy"), h, new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(file)).hasMessage("file '" + file + "' uses .npy format version "
                + "4.0, but DDS reads versions 1.0, 2.0 and 3.0: re-save it with numpy.save");
    }

    /** Regression guard: corrupt headers and data must never escape as anything but a DdsInputException. */
    @Test
    void corruptedFilesFailOnlyWithInputErrors() throws IOException {
        Path good = tmp.resolve("good.npy");
        NpyWriter.write(good, new int[] {ROWS, COLS}, values(), NpyPrecision.FLOAT64);
        byte[] whole = Files.readAllBytes(good);
        SplittableRandom rng = new SplittableRandom(7L);
        Path bad = tmp.resolve("bad.npy");
        for (int trial = 0; trial < 300; trial++) {
            byte[] b = whole.clone();
            // Mostly the header, where structure lives.
            int at = rng.nextInt(4) == 0 ? rng.nextInt(b.length) : rng.nextInt(64);
            b[at] = (byte) rng.nextInt(256);
            Files.write(bad, rng.nextInt(5) == 0 ? Arrays.copyOf(b, rng.nextInt(b.length)) : b);
            Throwable t = catchThrowable(() -> NpyReader.read(bad));
            assertThat(t).as("trial %d", trial).satisfiesAnyOf(
                    x -> assertThat(x).isNull(),
                    x -> assertThat(x).isExactlyInstanceOf(DdsInputException.class).hasMessageContaining("bad.npy"));
        }
    }

    /** N-d arrays (weight tensors): a 2 x 3 x 4 float32 in Fortran order comes back in C order with its shape. */
    @Test
    void readsNdArrayWithShape() throws IOException {
        int[] shape = {2, 3, 4};
        ByteBuffer data = ByteBuffer.allocate(24 * 4).order(ByteOrder.BIG_ENDIAN);
        // Fortran position k is element (k % 2, k / 2 % 3, k / 6) with C index i*12 + j*4 + l; value = C index / 8.
        for (int k = 0; k < 24; k++) {
            data.putFloat((k % 2 * 12 + k / 2 % 3 * 4 + k / 6) / 8f);
        }
        Path file = NpyBytes.write(tmp.resolve("w.npy"), NpyBytes.header(2, NpyBytes.dict(">f4", true, "(2, 3, 4)")),
                data.array());
        NpyArray a = NpyReader.readArray(file);
        assertThat(a.shape()).as("shape").containsExactly(shape);
        assertThat(a.isFloat()).as("float32 stays float").isTrue();
        for (int k = 0; k < 24; k++) {
            assertThat(a.floats()[k]).as("C index %d", k).isEqualTo(k / 8f);
        }
    }

    /** A 0-D array (a PyTorch counter such as num_batches_tracked) and int64 data: one value, shape (). */
    @Test
    void readsZeroDimensionalInt64() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 123_456L);
        Path file = NpyBytes.write(tmp.resolve("count.npy"), NpyBytes.header(1, NpyBytes.dict("<i8", false, "()")),
                data.array());
        NpyArray a = NpyReader.readArray(file);
        assertThat(a.rank()).as("rank").isZero();
        assertThat(a.doubles()).as("values").containsExactly(123_456.0);
    }

    /** {@link NpzReader#readArrays}: every member with its own shape, in archive order. */
    @Test
    void readsNpzOfNdArraysInArchiveOrder() throws IOException {
        Path npz = tmp.resolve("state_dict.npz");
        byte[] conv = NpyBytes.header(1, NpyBytes.dict("<f8", false, "(1, 2, 1, 1)"));
        byte[] convData = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(-2)
                .array();
        byte[] bias = NpyBytes.header(1, NpyBytes.dict("<f4", false, "(2,)"));
        byte[] biasData = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(4).array();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(npz))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("conv1.weight.npy"));
            zip.write(conv);
            zip.write(convData);
            zip.putNextEntry(new java.util.zip.ZipEntry("bn1.bias.npy"));
            zip.write(bias);
            zip.write(biasData);
        }
        java.util.Map<String, NpyArray> arrays = NpzReader.readArrays(npz);
        assertThat(arrays).as("members").containsOnlyKeys("conv1.weight", "bn1.bias");
        assertThat(arrays.keySet()).as("archive order").containsExactly("conv1.weight", "bn1.bias");
        assertThat(arrays.get("conv1.weight").shape()).as("4-D shape").containsExactly(1, 2, 1, 1);
        assertThat(arrays.get("conv1.weight").doubles()).as("float64 values").containsExactly(1.5, -2);
        assertThat(arrays.get("bn1.bias").floats()).as("float32 values").containsExactly(0.25f, 4f);
    }
}
