package org.dds.groundtruth.taskonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.dds.core.testing.SharedData;
import org.dds.groundtruth.GroundTruthSource;
import org.dds.groundtruth.TransferMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the public Taskonomy pickles. Reference values: printed by
 * {@code src/test/resources/reference/taskonomy_groundtruth.py} (python 3, numpy 2.4.6, {@code pickle.load(f,
 * encoding='latin1')}); Python's repr of a float64 round-trips exactly, so single entries must match exactly.
 */
class TaskonomyGroundTruthTest {
    /** Single entries are the same float64 bits read from the same 8 bytes. */
    private static final double EXACT = 0.0;
    /** numpy sums 289 values pairwise, Java in row order: they may differ in the last few ulps. */
    private static final double SUM_TOLERANCE = 1e-12;

    private static Path groundTruthDir() {
        SharedData.require("groundtruth/taskonomy/wins_vs_pixels_16k.pkl");
        return SharedData.require("groundtruth/taskonomy/all_affinities.pkl").getParent().getParent();
    }

    @Test
    void affinityMatchesPython() {
        TransferMatrix gt = TaskonomyGroundTruth.affinity(groundTruthDir());
        assertThat(gt.tasks()).isEqualTo(TaskonomyTasks.GROUND_TRUTH_TASKS);
        // Values printed by reference/taskonomy_groundtruth.py for all_affinities.pkl.
        assertThat(gt.value(0, 0)).as("autoencoder__autoencoder").isCloseTo(0.004109611677404509, within(EXACT));
        assertThat(gt.value(0, 1)).as("autoencoder__curvature").isCloseTo(0.00953391607938992, within(EXACT));
        assertThat(gt.value(1, 0)).as("curvature__autoencoder").isCloseTo(1.9386541261391163e-05, within(EXACT));
        assertThat(gt.value("vanishing_point_well_defined", "segmentsemantic_rb"))
                .as("vanishing_point_well_defined__segmentsemantic_rb")
                .isCloseTo(0.0070250319573711365, within(EXACT));
        assertThat(gt.value(15, 14)).as("segmentsemantic_rb__vanishing_point_well_defined")
                .isCloseTo(0.010626902106551933, within(EXACT));
        assertThat(gt.value(16, 16)).as("class_1000__class_1000").isCloseTo(0.059547904227067225, within(EXACT));
        assertThat(gt.value("reshade", "segment25d")).as("reshade__segment25d")
                .isCloseTo(0.0315622351003174, within(EXACT));
        assertThat(sum(gt)).as("sum of all 289 entries").isCloseTo(5.121464823126869, within(SUM_TOLERANCE));
        assertThat(gt.column(16)).as("column class_1000: how well each source transfers to it").containsExactly(
                0.014074719789938253, 0.022222686330153833, 0.014833046934162654, 0.01349138754297397,
                0.022498239275873966, 0.014056798941650628, 0.020777388992832727, 0.0183213332830283,
                0.009596047126801878, 0.018747050601959397, 0.01971220958596117, 0.016423890052045434,
                0.01867776679958826, 0.015906205166384663, 0.012800189089557549, 0.024686631498608665,
                0.059547904227067225);
        assertThat(gt.source().sha256()).as("published SHA-256 (SPEC section 4)")
                .isEqualTo(TaskonomyGroundTruth.AFFINITY_FILE.sha256());
        assertThat(gt.source().location()).endsWith("taskonomy/all_affinities.pkl");
    }

    @Test
    void winrateMatchesPython() {
        TransferMatrix gt = TaskonomyGroundTruth.winrate(groundTruthDir());
        // Values printed by reference/taskonomy_groundtruth.py for wins_vs_pixels_16k.pkl.
        assertThat(gt.value(0, 0)).as("autoencoder__autoencoder").isCloseTo(5.76734529096257e-05, within(EXACT));
        assertThat(gt.value(0, 1)).as("autoencoder__curvature").isCloseTo(0.4358147038488131, within(EXACT));
        assertThat(gt.value(1, 0)).as("curvature__autoencoder").isCloseTo(0.0, within(EXACT));
        assertThat(gt.value(14, 15)).as("vanishing_point_well_defined__segmentsemantic_rb")
                .isCloseTo(0.3076745793961742, within(EXACT));
        assertThat(gt.value(15, 14)).as("segmentsemantic_rb__vanishing_point_well_defined")
                .isCloseTo(0.6022378108875877, within(EXACT));
        assertThat(gt.value(16, 16)).as("class_1000__class_1000").isCloseTo(0.8311763346429397, within(EXACT));
        assertThat(gt.value(7, 12)).as("reshade__segment25d").isCloseTo(0.6934071000461042, within(EXACT));
        assertThat(sum(gt)).as("sum of all 289 entries").isCloseTo(138.8053817613054, within(SUM_TOLERANCE));
        assertThat(gt.source().sha256()).as("published SHA-256 (SPEC section 4)")
                .isEqualTo(TaskonomyGroundTruth.WINRATE_FILE.sha256());
    }

    @Test
    void alignedFeatureModelsSelectTheirGroundTruth() {
        TransferMatrix gt = TaskonomyGroundTruth.affinity(groundTruthDir());
        TaskAlignment a = TaskonomyTasks.align(List.of("segmentsemantic", "colorization", "reshade"));
        TransferMatrix sub = gt.select(a.groundTruthTasks());
        assertThat(sub.tasks()).containsExactly("segmentsemantic_rb", "reshade");
        assertThat(sub.value(1, 1)).as("reshade__reshade from the full matrix").isEqualTo(gt.value(7, 7));
    }

    @Test
    void urlsAreThePublishedOnes() {
        // URLs from SPEC section 4 ("Public sources and SHA-256").
        URI base = TaskonomyGroundTruth.BASE_URL;
        assertThat(TaskonomyGroundTruth.AFFINITY_FILE.url(base)).hasToString(
                "https://github.com/StanfordVL/taskonomy/raw/master/results/affinities/all_affinities.pkl");
        assertThat(TaskonomyGroundTruth.WINRATE_FILE.url(base)).hasToString(
                "https://github.com/StanfordVL/taskonomy/raw/master/results/winrates/wins_vs_pixels_16k.pkl");
    }

    @Test
    void missingFileSaysWhereItLookedAndHowToFix(@TempDir Path empty) {
        assertThatThrownBy(() -> TaskonomyGroundTruth.winrate(empty))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining(empty.resolve("taskonomy/wins_vs_pixels_16k.pkl").toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("./dds fetch-groundtruth")
                .satisfies(e -> assertThat(((DdsInputException) e).messageFor(n -> "--" + n)).as("as the CLI words it")
                        .contains("--groundtruth DIR if given, else the environment variable DDS_GROUNDTRUTH,"
                                + " else <repo root>/../shared/groundtruth"));
    }

    @Test
    void refusesAMissingKeyNamingFileAndKey() {
        Map<Object, Object> dict = completeDict();
        dict.remove("rgb2mist__edge2d");
        assertThatThrownBy(() -> TaskonomyGroundTruth.fromPickle(dict, source("/gt/taskonomy/x.pkl")))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("key 'rgb2mist__edge2d' is missing in /gt/taskonomy/x.pkl");
    }

    @Test
    void refusesNonNumericAndNonFiniteValues() {
        Map<Object, Object> text = completeDict();
        text.put("edge3d__denoise", "0.5");
        assertThatThrownBy(() -> TaskonomyGroundTruth.fromPickle(text, source("/gt/a.pkl")))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("key 'edge3d__denoise' in /gt/a.pkl holds a String, not a number");
        Map<Object, Object> nan = completeDict();
        nan.put("class_1000__autoencoder", Double.NaN);
        assertThatThrownBy(() -> TaskonomyGroundTruth.fromPickle(nan, source("/gt/a.pkl")))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("key 'class_1000__autoencoder' in /gt/a.pkl holds NaN");
        assertThatThrownBy(() -> TaskonomyGroundTruth.fromPickle(List.of(), source("/gt/a.pkl")))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("not a dict");
    }

    @Test
    void acceptsIntegerValues() {
        Map<Object, Object> dict = completeDict();
        dict.put("denoise__denoise", 1L);
        assertThat(TaskonomyGroundTruth.fromPickle(dict, source("/m")).value("denoise", "denoise")).isEqualTo(1.0);
    }

    /** The whole path, file to error: a real pickle file (written here) whose value is a str. */
    @Test
    void refusesAPickleFileWithTextValues(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taskonomy/all_affinities.pkl");
        Files.createDirectories(file.getParent());
        Files.write(file, pickleOfStrings(Map.of("autoencoder__autoencoder", "high")));
        assertThatThrownBy(() -> TaskonomyGroundTruth.affinity(dir))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'autoencoder__autoencoder'");
    }

    private static double sum(TransferMatrix m) {
        return Arrays.stream(m.values()).flatMapToDouble(Arrays::stream).sum();
    }

    private static GroundTruthSource source(String location) {
        return new GroundTruthSource("test", location, Sha256.of(new byte[0]));
    }

    /** Every one of the 289 keys, value i + j / 100 so that no two cells are equal. */
    private static Map<Object, Object> completeDict() {
        Map<Object, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < 17; i++) {
            for (int j = 0; j < 17; j++) {
                d.put(TaskonomyTasks.GROUND_TRUTH_TASKS.get(i) + "__" + TaskonomyTasks.GROUND_TRUTH_TASKS.get(j),
                        i + j / 100.0);
            }
        }
        return d;
    }

    /** Protocol-3 pickle of a dict of str to str: PROTO 3, EMPTY_DICT, MARK, (BINUNICODE k, BINUNICODE v)*, SETITEMS. */
    private static byte[] pickleOfStrings(Map<String, String> dict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 3, '}', '('});
        for (Map.Entry<String, String> e : dict.entrySet()) {
            binUnicode(out, e.getKey());
            binUnicode(out, e.getValue());
        }
        out.writeBytes(new byte[] {'u', '.'});
        return out.toByteArray();
    }

    private static void binUnicode(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        for (int k = 0; k < 4; k++) {
            out.write(b.length >>> (8 * k));
        }
        out.writeBytes(b);
    }
}
