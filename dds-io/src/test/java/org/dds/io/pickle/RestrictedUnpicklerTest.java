package org.dds.io.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The restricted unpickler on the Taskonomy ground truth, on numpy pickles of every protocol (fixtures written by
 * {@code src/test/resources/io/make_fixtures.py}) and on hand-made hostile or broken pickles.
 */
class RestrictedUnpicklerTest {

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(RestrictedUnpicklerTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A[i][j] of make_fixtures.py. */
    static double a(int i, int j) {
        return (4 * i + j) / 8.0 + 1;
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> loadMap(Path p) {
        Object o = RestrictedUnpickler.load(p);
        assertThat(o).as("top-level value of %s", p).isInstanceOf(Map.class);
        return (Map<Object, Object>) o;
    }

    @Test
    void readsTaskonomyAffinities() {
        Map<Object, Object> gt = loadMap(SharedData.require("groundtruth/taskonomy/all_affinities.pkl"));
        // Literals printed by src/test/resources/reference/taskonomy_groundtruth.py (pickle.load, encoding='latin1').
        assertThat(gt).hasSize(814);
        assertThat(gt.keySet().iterator().next()).isEqualTo("edge3d__curvature__point_match");
        assertThat(gt.get("autoencoder__autoencoder")).as("numpy float64 scalar -> Double")
                .isEqualTo(0.004109611677404509);
        assertThat(gt.get("edge3d__curvature__point_match")).isEqualTo(0.039446049945591005);
    }

    @Test
    void readsTaskonomyWinrates() {
        Map<Object, Object> gt = loadMap(SharedData.require("groundtruth/taskonomy/wins_vs_pixels_16k.pkl"));
        // Literals printed by src/test/resources/reference/taskonomy_groundtruth.py.
        assertThat(gt).hasSize(1762);
        assertThat(gt.get("edge3d__fix_pose")).isEqualTo(0.6189066747206282);
        assertThat(gt.values()).allSatisfy(v -> assertThat(v).isInstanceOf(Double.class));
    }

    static Stream<Arguments> hostileGlobals() {
        return Stream.of(
                Arguments.of("os", "system", false),
                Arguments.of("posix", "system", false),
                Arguments.of("builtins", "eval", true),
                Arguments.of("subprocess", "Popen", true),
                Arguments.of("numpy", "load", false));
    }

    @ParameterizedTest
    @MethodSource("hostileGlobals")
    void refusesAnyOtherGlobalBeforeAnythingRuns(String module, String name, boolean stackGlobal) throws IOException {
        Path marker = tmp.resolve("ran");
        PickleBuilder b = new PickleBuilder().proto(stackGlobal ? 4 : 2);
        if (stackGlobal) {
            b.str(module).str(name).op(Opcodes.STACK_GLOBAL);
        } else {
            b.global(module, name);
        }
        byte[] evil = b.str("touch " + marker).op(Opcodes.TUPLE1).op(Opcodes.REDUCE).stop().toBytes();
        Path file = tmp.resolve("evil.pkl");
        Files.write(file, evil);
        long at = stackGlobal ? 2 + 2 + module.length() + 2 + name.length() : 2;

        assertThatThrownBy(() -> RestrictedUnpickler.load(file))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessage("pickle '" + file + "' at byte " + at + " names the global '" + module + "." + name
                        + "', which a feature or ground-truth pickle never needs; refusing to load it because "
                        + "unpickling can run code");
        assertThat(marker).as("nothing named by the pickle ran").doesNotExist();
    }

    static Stream<String> numpyFixtures() {
        return Stream.of("arrays_p0.pkl", "arrays_p0_py2style.pkl", "arrays_p1.pkl", "arrays_p2.pkl",
                "arrays_p2_py2style.pkl", "arrays_p4.pkl", "arrays_p5.pkl");
    }

    @ParameterizedTest
    @MethodSource("numpyFixtures")
    void readsNumpyArraysInEveryOrderAndByteOrder(String name) {
        Map<Object, Object> d = loadMap(fixture(name));
        for (String key : List.of("c_f8", "c_f4", "fortran_f8", "fortran_f4", "big_f8", "big_fortran_f4")) {
            NdArray x = (NdArray) d.get(key);
            assertThat(x.shape()).as("%s %s shape", name, key).containsExactly(3, 4);
            assertThat(x.dtype()).as("%s %s dtype", name, key).isEqualTo(key.endsWith("f8") ? "f8" : "f4");
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    assertThat(x.get(i, j)).as("%s %s[%d][%d]", name, key, i, j).isEqualTo(a(i, j));
                }
            }
        }
        NdArray cube = (NdArray) d.get("cube_fortran_f8");
        assertThat(cube.shape()).containsExactly(2, 3, 4);
        double[] expected = new double[24];
        Arrays.setAll(expected, k -> k); // CUBE[i][j][k] = 12 i + 4 j + k, so C order is 0..23
        assertThat(cube.data()).as("%s 3-D Fortran array in C order", name).containsExactly(expected);

        assertThat(((NdArray) d.get("i2_big")).data()).containsExactly(-1, 2, 3, -4);
        assertThat(((NdArray) d.get("u1")).data()).containsExactly(0, 255);
        assertThat(((NdArray) d.get("b1")).data()).containsExactly(1, 0);
        assertThat(((NdArray) d.get("f2")).data()).containsExactly(0.5, -2.0, 65504.0);
        assertThat(d.get("scalar_f8")).isEqualTo(0.1);
        assertThat(d.get("scalar_f4")).isEqualTo(1.5);
        assertThat(d.get("scalar_i8")).isEqualTo(-7L);
        assertThat(d.get("scalar_b")).isEqualTo(1L);
        assertThat(d.get("scalar_u8")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays_p0.pkl", "arrays_p1.pkl", "arrays_p2.pkl", "arrays_p4.pkl", "arrays_p5.pkl"})
    void readsPlainPythonValues(String name) {
        @SuppressWarnings("unchecked")
        List<Object> plain = (List<Object>) loadMap(fixture(name)).get("plain");
        // [1, 2.5, "text", None, True, (1, 2), b"\x00\xff", 2**70, -1] in make_fixtures.py
        assertThat(plain).hasSize(9);
        assertThat(plain.subList(0, 5)).containsExactly(1L, 2.5, "text", null, true);
        assertThat(plain.get(5)).isEqualTo(List.of(1L, 2L));
        assertThat((byte[]) plain.get(6)).containsExactly(0, 0xff);
        assertThat(plain.get(7)).isEqualTo(BigInteger.TWO.pow(70));
        assertThat(plain.get(8)).isEqualTo(-1L);
    }

    @Test
    void dictsKeepInsertionOrder() {
        Map<Object, Object> d = loadMap(fixture("arrays_p4.pkl"));
        assertThat(d.keySet()).startsWith("c_f8", "c_f4", "fortran_f8").endsWith("plain");
    }

    @Test
    void readsBigAndLittleEndianScalars() {
        byte[] p = new PickleBuilder().proto(2).op(Opcodes.MARK).float64Scalar(1.5, '>').float64Scalar(-0.25, '<')
                .op(Opcodes.LIST).stop().toBytes();
        assertThat(RestrictedUnpickler.load(new ByteArrayInputStream(p), "scalars"))
                .isEqualTo(List.of(1.5, -0.25));
    }

    @Test
    void readsTextAndLongIntegerForms() {
        byte[] p = new PickleBuilder().proto(2).op(Opcodes.MARK)
                .op(Opcodes.INT).raw("01\n".getBytes()).op(Opcodes.INT).raw("-42\n".getBytes())
                .op(Opcodes.LONG).raw("123456789012345678901234567890L\n".getBytes())
                .op(Opcodes.LONG1).raw(2, 0x00, 0x80) // -32768 in two's complement, little-endian
                .op(Opcodes.BINFLOAT).raw(0x3f, 0xf8, 0, 0, 0, 0, 0, 0) // 1.5 big-endian
                .op(Opcodes.BININT2).raw(0x34, 0x12)
                .op(Opcodes.TUPLE).stop().toBytes();
        assertThat(RestrictedUnpickler.load(new ByteArrayInputStream(p), "ints"))
                .isEqualTo(List.of(true, -42L, new BigInteger("123456789012345678901234567890"), -32768L, 1.5,
                        0x1234L));
    }

    @Test
    void refusesTruncatedPickleNamingTheOffset() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("arrays_p4.pkl"));
        Path cut = tmp.resolve("cut.pkl");
        Files.write(cut, Arrays.copyOf(whole, 700));
        assertThatThrownBy(() -> RestrictedUnpickler.load(cut))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("pickle '" + cut + "' ends at byte ")
                .hasMessageEndingWith("the file is truncated; copy or download it again");
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(whole, 0, 700), "stream.pkl"))
                .hasMessageStartingWith("pickle 'stream.pkl' ends at byte 700 in the middle of opcode");
    }

    @Test
    void refusesUnknownOpcodeNamingTheOffset() {
        byte[] p = new PickleBuilder().proto(2).op(Opcodes.EMPTY_DICT).raw(0xff).toBytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(p), "odd.pkl"))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("pickle 'odd.pkl' has an opcode this reader does not run (opcode 0xff at byte 3): ");
    }

    @Test
    void refusesCodecsEncodeOtherThanLatin1() {
        byte[] p = new PickleBuilder().proto(2).global("_codecs", "encode").str("x").str("utf-8")
                .op(Opcodes.TUPLE2).op(Opcodes.REDUCE).stop().toBytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(p), "codec.pkl"))
                .hasMessageContaining("_codecs.encode with arguments other than (text, 'latin1')");
    }

    @Test
    void refusesUnsupportedDtypeNamingIt() {
        byte[] p = new PickleBuilder().proto(2).global("numpy.core.multiarray", "scalar").dtype("c16", '<')
                .bytes(new byte[16]).op(Opcodes.TUPLE2).op(Opcodes.REDUCE).stop().toBytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(p), "complex.pkl"))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("numpy dtype 'c16'")
                .hasMessageContaining("float16/32/64, int, uint and bool");
    }

    @Test
    void refusesStackMisuseWithInputError() {
        byte[] p = new PickleBuilder().proto(2).op(Opcodes.EMPTY_LIST).small(1).small(2).op(Opcodes.SETITEM)
                .stop().toBytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(p), "bad.pkl"))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("sets an item of a list, which is not a dict");
    }

    /** Regression guard: corrupt bytes must never escape as anything but a DdsInputException. */
    @Test
    void corruptedFixturesFailOnlyWithInputErrors() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("arrays_p2.pkl"));
        SplittableRandom rng = new SplittableRandom(20240601L);
        for (int trial = 0; trial < 400; trial++) {
            byte[] bad = whole.clone();
            for (int k = 0; k < 3; k++) {
                bad[rng.nextInt(bad.length)] = (byte) rng.nextInt(256);
            }
            Throwable t = catchThrowable(() -> RestrictedUnpickler.load(new ByteArrayInputStream(bad), "fuzz"));
            assertThat(t).as("trial %d", trial).satisfiesAnyOf(
                    x -> assertThat(x).isNull(),
                    x -> assertThat(x).isExactlyInstanceOf(DdsInputException.class).hasMessageContaining("'fuzz'"));
        }
    }

    /**
     * A list appended to itself and used as a dict key was hashed forever: StackOverflowError (issue 14, defect 3).
     * Python refuses a list as a key; a list that holds itself is refused wherever it is.
     */
    @Test
    void refusesSelfReferencingContainers() {
        byte[] key = new PickleBuilder().proto(2).op(Opcodes.EMPTY_DICT).op(Opcodes.EMPTY_LIST).op(Opcodes.BINPUT)
                .raw(0).op(Opcodes.BINGET).raw(0).op(Opcodes.APPEND).small(1).op(Opcodes.SETITEM).stop().toBytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(key), "key.pkl"))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("pickle 'key.pkl' ")
                .hasMessageContaining("as a dict key, which Python refuses (unhashable)");
        byte[] value = new PickleBuilder().proto(2).op(Opcodes.EMPTY_LIST).op(Opcodes.BINPUT).raw(0)
                .op(Opcodes.BINGET).raw(0).op(Opcodes.APPEND).stop().toBytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(value), "value.pkl"))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining("contains itself");
    }

    /** 100,000 nested lists (or tuples, hashed as a key) overflowed the Java stack (issue 14, defect 3). */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refusesStructuresNestedTooDeep(boolean asKey) {
        PickleBuilder b = new PickleBuilder().proto(2);
        if (asKey) {
            b.op(Opcodes.EMPTY_DICT).op(Opcodes.EMPTY_TUPLE);
            for (int k = 0; k < 100_000; k++) {
                b.op(Opcodes.TUPLE1);
            }
            b.small(1).op(Opcodes.SETITEM);
        } else {
            for (int k = 0; k < 100_000; k++) {
                b.op(Opcodes.EMPTY_LIST);
            }
            for (int k = 1; k < 100_000; k++) {
                b.op(Opcodes.APPEND);
            }
        }
        byte[] p = b.stop().toBytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(new ByteArrayInputStream(p), "deep.pkl"))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("pickle 'deep.pkl' ")
                .hasMessageContaining("nested more than " + RestrictedUnpickler.MAX_DEPTH + " levels deep");
    }

    /** Nesting up to the limit, and a value shared by many containers (not a cycle), are read. */
    @Test
    void readsSharedAndModeratelyNestedValues() {
        PickleBuilder b = new PickleBuilder().proto(2).op(Opcodes.EMPTY_LIST).op(Opcodes.BINPUT).raw(1);
        b.op(Opcodes.MARK);
        for (int k = 0; k < 50; k++) {
            b.op(Opcodes.BINGET).raw(1);
        }
        b.op(Opcodes.LIST);
        for (int k = 0; k < RestrictedUnpickler.MAX_DEPTH - 3; k++) {
            b.op(Opcodes.TUPLE1);
        }
        Object o = RestrictedUnpickler.load(new ByteArrayInputStream(b.stop().toBytes()), "ok.pkl");
        assertThat(o).isInstanceOf(List.class);
    }
}
