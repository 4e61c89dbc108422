package org.dds.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FeatureReader} on the oracle's features, the authors' formats, CSV, and every refusal of SPEC section 5. */
class FeatureReaderTest {
    /** The model order of ../shared/oracle/synth20_f64/models.txt (printed by reference/synth20_values.py). */
    private static final List<String> SYNTH20 = List.of("autoencoder", "curvature", "denoise", "edge2d", "edge3d",
            "keypoint2d", "keypoint3d", "colorization", "reshade", "rgb2depth", "rgb2mist", "rgb2sfnorm",
            "room_layout", "segment25d", "segment2d", "vanishing_point", "segmentsemantic", "class_1000",
            "class_places", "inpainting_whole");

    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        try {
            return Path.of(FeatureReaderTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A[i][j] of make_fixtures.py. */
    private static double a(int i, int j) {
        return (4 * i + j) / 8.0 + 1;
    }

    private Path npy(Path dir, String name, int rows, int cols, double offset) throws IOException {
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = offset + k;
        }
        Path file = dir.resolve(name);
        NpyWriter.write(file, new int[] {rows, cols}, v, NpyPrecision.FLOAT64);
        return file;
    }

    // ---- the oracle's synthetic features ----

    @Test
    void readsOracleFloat64DirectoryInModelsTxtOrder() {
        LoadedFeatures loaded = FeatureReader.load(SharedData.require("oracle/synth20_f64"));
        FeatureSet f = loaded.features();
        assertThat(loaded.format()).isEqualTo(FeatureFormat.NPY_DIRECTORY);
        assertThat(f.names()).containsExactlyElementsOf(SYNTH20);
        assertThat(f.images()).isEqualTo(48);
        assertThat(f.models()).allSatisfy(m -> assertThat(m.cols()).isEqualTo(2048));
        // Literals printed by src/test/resources/reference/synth20_values.py.
        assertThat(f.get("autoencoder").get(7, 123)).isEqualTo(-0.278439817354993);
        assertThat(f.get("edge3d").get(0, 0)).isEqualTo(0.19476159054352288);
        assertThat(f.get("inpainting_whole").get(47, 2047)).isEqualTo(-0.42607087211230915);
    }

    @Test
    void readsOracleFloat32DirectoryAndNpzAsWidenedFloats() {
        FeatureSet dir = FeatureReader.read(SharedData.require("oracle/synth20_f32"));
        LoadedFeatures npz = FeatureReader.load(SharedData.require("oracle/synth20_f32.npz"));
        assertThat(npz.format()).isEqualTo(FeatureFormat.NPZ);
        assertThat(npz.features().names()).as("archive order").containsExactlyElementsOf(SYNTH20);
        assertThat(dir.names()).containsExactlyElementsOf(SYNTH20);
        for (FeatureSet f : List.of(dir, npz.features())) {
            // float32 values widened, as printed by src/test/resources/reference/synth20_values.py.
            assertThat(f.get("autoencoder").get(0, 0)).isEqualTo(-8.524009704589844);
            assertThat(f.get("edge3d").get(7, 123)).isEqualTo(1.3329108953475952);
            assertThat(f.get("inpainting_whole").get(47, 2047)).isEqualTo(-0.4260708689689636);
        }
        for (String m : SYNTH20) {
            // isEqualTo compares arrays with Arrays.equals; containsExactly is slow on 98304 values.
            assertThat(npz.features().get(m).toArray()).as("npz member %s equals %s.npy", m, m)
                    .isEqualTo(dir.get(m).toArray());
        }
    }

    @Test
    void refusesOracleNanCaseNamingFileModelImageAndFeature() {
        Path dir = SharedData.require("oracle/edge/nan");
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("in file '" + dir.resolve("has_nan.npy") + "', features of model 'has_nan' contain NaN at "
                        + "image 7, feature 123: DDS needs finite values; fix or drop that image in every model");
    }

    // ---- refusals ----

    @Test
    void refusesMissingPathNamingTheFormats() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> FeatureReader.read(missing))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("features path '" + missing + "' does not exist: pass features a directory "
                        + "of <model>.npy files (with an optional models.txt), an .npz, ");
    }

    @Test
    void refusesEmptyDirectoryAndUnknownExtension() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> FeatureReader.read(empty))
                .hasMessageStartingWith("directory '" + empty + "' is empty: put one <model>.npy per model in it");
        Path txt = Files.writeString(tmp.resolve("features.txt"), "1 2 3");
        assertThatThrownBy(() -> FeatureReader.read(txt))
                .hasMessageStartingWith("file '" + txt + "' has an extension DDS does not read: pass features ");
        Path notes = Files.createDirectory(tmp.resolve("notes"));
        Files.writeString(notes.resolve("readme.md"), "hello");
        assertThatThrownBy(() -> FeatureReader.read(notes))
                .hasMessageStartingWith("directory '" + notes + "' holds no .npy or .csv features: ");
    }

    @Test
    void refusesModelsWithDifferentImageCountsNamingTheDirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("feats"));
        npy(dir, "a.npy", 4, 3, 0);
        npy(dir, "b.npy", 3, 3, 0);
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("in directory '" + dir + "', features of model 'b' have 3 rows but 'a' has 4: all models "
                        + "must describe the same images");
    }

    @Test
    void ordersByModelsTxtAndRefusesNamesWithoutFiles() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("feats"));
        npy(dir, "a.npy", 2, 3, 0);
        npy(dir, "b.npy", 2, 3, 10);
        npy(dir, "c.npy", 2, 3, 20);
        assertThat(FeatureReader.read(dir).names()).as("file-name order").containsExactly("a", "b", "c");
        Files.writeString(dir.resolve("models.txt"), "c\n\n# comment\na\n");
        assertThat(FeatureReader.read(dir).names()).as("models.txt order and selection").containsExactly("c", "a");
        Files.writeString(dir.resolve("models.txt"), "c\nzz\n");
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .hasMessage("'" + dir.resolve("models.txt") + "' lists model 'zz' but there is no zz.npy beside it: "
                        + "add the file or remove the name");
    }

    @Test
    void refusesCorruptAndMislabelledArchives() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.npz"), "not a zip at all");
        assertThatThrownBy(() -> FeatureReader.read(junk))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("file '" + junk + "' is not a readable .npz (zip) archive (");
        Path withText = tmp.resolve("text.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(withText))) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> FeatureReader.read(withText))
                .hasMessageStartingWith("member 'notes.txt' of file '" + withText + "' is not a .npy array: ");
        Path zipAsNpy = Files.copy(withText, tmp.resolve("model.npy"));
        assertThatThrownBy(() -> FeatureReader.read(zipAsNpy))
                .hasMessage("file '" + zipAsNpy + "' is a zip archive, not a .npy: rename it to .npz");
    }

    @Test
    void reportsTruncatedNpzMemberByName() throws IOException {
        Path file = tmp.resolve("cut.npz");
        byte[] npy = Files.readAllBytes(npy(tmp, "m.npy", 4, 8, 0));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("m.npy"));
            z.write(npy, 0, npy.length - 8);
        }
        assertThatThrownBy(() -> FeatureReader.read(file))
                .hasMessage("member 'm.npy' of file '" + file + "' is truncated: its header declares a 4 x 8 float64 "
                        + "array (256 bytes of data) but only 248 bytes follow the 128-byte header; copy or re-save "
                        + "the file");
    }

    // ---- single files and map shapes ----

    @Test
    void readsSingleNpyAsOneModelWithItsMapShape() throws IOException {
        double[] v = new double[2 * 2 * 2 * 3];
        java.util.Arrays.setAll(v, k -> k);
        Path file = tmp.resolve("segment2d.npy");
        NpyWriter.write(file, new int[] {2, 2, 2, 3}, v, NpyPrecision.FLOAT32);
        LoadedFeatures loaded = FeatureReader.load(file);
        assertThat(loaded.format()).isEqualTo(FeatureFormat.NPY);
        assertThat(loaded.features().names()).containsExactly("segment2d");
        assertThat(loaded.mapShape("segment2d")).contains(new MapShape(2, 2, 3));
        assertThat(FeatureReader.read(file, new MapShape(2, 2, 3)).get("segment2d").get(1, 11)).isEqualTo(23.0);
        assertThatThrownBy(() -> FeatureReader.read(file, new MapShape(2, 3, 2)))
                .hasMessage("model 'segment2d' in '" + file + "' has feature maps of shape 2,2,3 but 2,3,2 was asked "
                        + "for: pass shape 2,2,3");
    }

    // ---- the authors' pickled dict ----

    @Test
    void readsAuthorsPickledDictInTaskonomyOrder() {
        LoadedFeatures loaded = FeatureReader.load(fixture("taskonomy_pascal_feats_tiny.npy"));
        assertThat(loaded.format()).isEqualTo(FeatureFormat.PICKLED_DICT_NPY);
        List<String> expected = new ArrayList<>(SYNTH20);
        expected.add("pascal_voc_segmentation");
        FeatureSet f = loaded.features();
        assertThat(f.names()).as("SPEC order, then the extra model").containsExactlyElementsOf(expected);
        for (int p = 0; p < expected.size(); p++) {
            FeatureMatrix m = f.get(expected.get(p));
            assertThat(m.rows()).isEqualTo(3);
            assertThat(m.cols()).isEqualTo(4);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    // make_fixtures.py: 100 * (position in SPEC order) + 10 i + j + 0.25
                    assertThat(m.get(i, j)).as("%s[%d][%d]", m.name(), i, j).isEqualTo(100 * p + 10 * i + j + 0.25);
                }
            }
        }
    }

    @Test
    void readsProtocol2PickledDictInDictOrderWithFortranBigEndianAndMaps() {
        LoadedFeatures loaded = FeatureReader.load(fixture("authors_partial_p2.npy"));
        FeatureSet f = loaded.features();
        assertThat(f.names()).as("dict order when the Taskonomy models are not all there")
                .containsExactly("zeta", "alpha", "maps");
        for (String m : List.of("zeta", "alpha")) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(f.get(m).get(i, j)).as("%s[%d][%d]", m, i, j).isEqualTo(a(i, j));
                }
            }
        }
        assertThat(loaded.mapShape("maps")).contains(new MapShape(2, 2, 3));
        assertThat(f.get("maps").get(1, 11)).as("np.arange(24).reshape(2, 2, 2, 3) flattened").isEqualTo(23.0);
    }

    @Test
    void refusesPickledNpyThatNamesAnotherGlobal() throws IOException {
        byte[] header = NpyBytes.header(1, NpyBytes.dict("|O", false, "()"));
        byte[] pickle = ("\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000ls\u0085R.")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = NpyBytes.write(tmp.resolve("taskonomy_pascal_feats_evil.npy"), header, pickle);
        assertThatThrownBy(() -> FeatureReader.read(file))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("pickle '" + file + "' at byte " + (header.length + 2) + " names the global "
                        + "'os.system', which a feature or ground-truth pickle never needs; refusing to load it "
                        + "because unpickling can run code");
    }

    // ---- the authors' per-image layout ----

    /** Writes image k of a task with values 1000 t + 10 k + j, in the given per-image shape. */
    private void image(Path dir, String file, int t, int k, int[] shape) throws IOException {
        int d = 1;
        for (int s : shape) {
            d *= s;
        }
        float[] v = new float[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1000 * t + 10 * k + j;
        }
        Files.createDirectories(dir.resolve(file).getParent());
        NpyWriter.write(dir.resolve(file), shape, v);
    }

    @Test
    void readsPerImageLayoutOneModelPerTaskSortedByName() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("activations"));
        for (int k : new int[] {2, 0, 1}) {
            String img = "img000" + k + "_";
            image(dir, img + "autoencoder_encoder_output.npy", 0, k, new int[] {1, 6});
            image(dir, img + "segment2d_encoder_output.npy", 1, k, new int[] {6});
            image(dir, img + "segment25d_encoder_output.npy", 2, k, new int[] {1, 2, 3});
            image(dir, "sub/" + img + "class_1000_encoder_output.npy", 3, k, new int[] {1, 1, 2, 3});
        }
        LoadedFeatures loaded = FeatureReader.load(dir);
        assertThat(loaded.format()).isEqualTo(FeatureFormat.PER_IMAGE_DIRECTORY);
        FeatureSet f = loaded.features();
        assertThat(f.names()).containsExactly("autoencoder", "class_1000", "segment25d", "segment2d");
        assertThat(f.images()).isEqualTo(3);
        String[] tasks = {"autoencoder", "segment2d", "segment25d", "class_1000"};
        for (int t = 0; t < tasks.length; t++) {
            FeatureMatrix m = f.get(tasks[t]);
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 6; j++) {
                    assertThat(m.get(k, j)).as("%s image %d feature %d", tasks[t], k, j)
                            .isEqualTo(1000 * t + 10 * k + j);
                }
            }
        }
        assertThat(loaded.mapShape("segment25d")).contains(new MapShape(1, 2, 3));
        assertThat(loaded.mapShape("autoencoder")).isEmpty();

        Files.delete(dir.resolve("img0001_segment2d_encoder_output.npy"));
        assertThatThrownBy(() -> FeatureReader.read(dir))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("per-image features in directory '" + dir + "': task 'segment2d' has no file for image "
                        + "'img0001_', which task 'autoencoder' has ('img0001_autoencoder_encoder_output.npy'): every "
                        + "task needs one <image>segment2d_encoder_output.npy per image");
    }

    // ---- CSV ----

    @Test
    void readsCsvFileWithHeaderAndCsvDirectoryInModelsTxtOrder() throws IOException {
        Path file = Files.writeString(tmp.resolve("edge2d.csv"), "f0, f1, f2\n1, 2.5, -3e-1\n# note\n\n4,5,6\n");
        LoadedFeatures one = FeatureReader.load(file);
        assertThat(one.format()).isEqualTo(FeatureFormat.CSV);
        assertThat(one.features().get("edge2d").toArray()).containsExactly(1, 2.5, -0.3, 4, 5, 6);

        Path dir = Files.createDirectory(tmp.resolve("csv"));
        Files.writeString(dir.resolve("a.csv"), "1,2\n3,4\n");
        Files.writeString(dir.resolve("b.csv"), "5\n6\n");
        Files.writeString(dir.resolve("models.txt"), "b\na\n");
        LoadedFeatures both = FeatureReader.load(dir);
        assertThat(both.format()).isEqualTo(FeatureFormat.CSV_DIRECTORY);
        assertThat(both.features().names()).containsExactly("b", "a");
        assertThat(both.features().get("b").toArray()).containsExactly(5, 6);
    }

    @Test
    void refusesCsvWithTextRaggedRowsOrNan() throws IOException {
        Path text = Files.writeString(tmp.resolve("t.csv"), "a,b\n1,2\n3,x\n");
        assertThatThrownBy(() -> FeatureReader.read(text))
                .hasMessage("file '" + text + "' has 'x' on line 3 (image 1, feature 1), which is not a number: CSV "
                        + "features must be numbers only");
        Path ragged = Files.writeString(tmp.resolve("r.csv"), "1,2\n3\n");
        assertThatThrownBy(() -> FeatureReader.read(ragged))
                .hasMessage("file '" + ragged + "' has 1 values on line 2 (image 1) but 2 on line 1: every image needs "
                        + "the same number of features");
        Path nan = Files.writeString(tmp.resolve("n.csv"), "1,2\n3,nan\n");
        assertThatThrownBy(() -> FeatureReader.read(nan))
                .hasMessage("in file '" + nan + "', features of model 'n' contain NaN at image 1, feature 1: DDS needs "
                        + "finite values; fix or drop that image in every model");
    }
}
