package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.dds.io.NpyPrecision;
import org.dds.io.NpyWriter;
import org.dds.io.testing.ZipBytes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own hostile-input suite (issue 14): broken, malicious or careless inputs of every format DDS reads
 * (.npy, .npz, the authors' pickled dict, CSV, directories and per-image trees), each run through the command line
 * in process. Every one must end with exit code 2 and exactly one line on stderr that says what is wrong (the
 * fragment each case names), with no stack trace, nothing on stdout, and no file in the case's directory created,
 * changed or removed (the {@code --out} file there holds a sentinel that must survive). Each case builds its inputs
 * by hand; the bytes and why they are wrong are in the case.
 */
class HostileInputsTest {
    @TempDir
    static Path root;

    /** Builds a case's inputs in its own directory and returns the command line ({@code OUT} = the --out file). */
    @FunctionalInterface
    interface Setup {
        List<String> args(Path dir) throws Exception;
    }

    private static final String OUT = "<out>";
    private static final String SENTINEL = "previous result, must survive\n";

    private static Arguments of(String name, String fragment, Setup setup) {
        return Arguments.of(name, fragment, setup);
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        npy(c);
        npz(c);
        pickle(c);
        csv(c);
        directories(c);
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60)
    void isRefusedInOneSentenceAndTouchesNothing(String name, String fragment, Setup setup) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name.replaceAll("[^A-Za-z0-9]+", "_")));
        List<String> args = new ArrayList<>(setup.args(dir));
        Path out = dir.resolve("out.csv");
        Files.writeString(out, SENTINEL);
        args.replaceAll(a -> a.equals(OUT) ? out.toString() : a);
        Map<String, String> before = snapshot(dir);

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exit()).as("%s: exit code (stderr: %s)", name, run.err()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).as("%s: exactly one line on stderr", name).hasSize(1);
        assertThat(run.err()).as(name).contains(fragment).doesNotContain("\tat ", "Exception", "Error:");
        assertThat(run.out()).as("%s: nothing on stdout", name).isEmpty();
        assertThat(Files.readString(out)).as("%s: --out untouched", name).isEqualTo(SENTINEL);
        assertThat(snapshot(dir)).as("%s: no file created, changed or removed", name).isEqualTo(before);
    }

    /** @return every path below dir (links not followed) with its type, size and modification time */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                m.put(dir.relativize(p).toString(), (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l"
                        : a.isRegularFile() ? "f" : "o") + " " + (a.isDirectory() ? 0 : a.size()) + " "
                        + a.lastModifiedTime().toMillis());
            }
        }
        return m;
    }

    private static List<String> affinity(Path features) {
        return List.of("affinity", "--features", features.toString(), "--out", OUT);
    }

    // ---- building blocks ----

    /** A good model: rows x cols float64 values that vary, so that DDS is defined. */
    static Path good(Path file, int rows, int cols, long seed) throws IOException {
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.sin(seed * 7 + k * 1.3) + (k % cols) * 0.25;
        }
        Files.createDirectories(file.getParent());
        NpyWriter.write(file, new int[] {rows, cols}, v, NpyPrecision.FLOAT64);
        return file;
    }

    /** @return magic, version 1.0, header length and the header dict padded to 64 bytes with a newline */
    static byte[] header(String dict) {
        return header(1, dict);
    }

    static byte[] header(int major, String dict) {
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.length() + 1;
        String h = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + h.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) h.length());
        } else {
            b.putInt(h.length());
        }
        return b.put(h.getBytes(StandardCharsets.ISO_8859_1)).array();
    }

    static String dict(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    static byte[] f8(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static byte[] values(int count, double special, int at) {
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = Math.cos(k * 0.7) + k % 3;
        }
        v[at] = special;
        return f8(v);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A directory with a good model a.npy (6 x 3) beside b.npy holding the given bytes. */
    static List<String> besideGood(Path dir, byte[] bad) throws IOException {
        Path models = dir.resolve("models");
        good(models.resolve("a.npy"), 6, 3, 1);
        Files.write(models.resolve("b.npy"), bad);
        return affinity(models);
    }

    /** The bytes of a good 6 x 3 model, as a zip member. */
    static byte[] goodMember(long seed) throws IOException {
        double[] v = new double[18];
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.sin(seed * 7 + k * 1.3) + (k % 3) * 0.25;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, new int[] {6, 3}, v, NpyPrecision.FLOAT64);
        return out.toByteArray();
    }

    static List<String> npzFile(Path dir, ZipBytes zip) throws IOException {
        return affinity(Files.write(dir.resolve("features.npz"), zip.toBytes()));
    }

    /** The authors' format: a .npy of dtype object and shape () whose data is the given pickle. */
    static List<String> pickled(Path dir, byte[] pickle) throws IOException {
        return affinity(Files.write(dir.resolve("taskonomy_pascal_feats_tiny.npy"),
                concat(header(dict("|O", "()")), pickle)));
    }

    /** Protocol-2 pickle bytes: PROTO 2, the given opcodes, STOP. */
    static byte[] p2(byte[] body) {
        return concat(new byte[] {(byte) 0x80, 2}, body, ascii("."));
    }

    /** A numpy float64 6 x 3 array in protocol 2 (GLOBAL, REDUCE, BUILD), as numpy pickles one. */
    static byte[] array(byte[] data, int rows) {
        return concat(ascii("cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\0\u0085C\u0001b\u0087R("),
                ascii("K\u0001K" + (char) rows + "K\u0003\u0086cnumpy\ndtype\nX\u0002\0\0\0f8\u0089\u0088\u0087R"),
                ascii("(K\u0003X\u0001\0\0\0<NNNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK\0tb\u0089"),
                ascii("B"), le32(data.length), data, ascii("tb"));
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** SHORT_BINUNICODE of a short text. */
    static byte[] str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) 0x8c, (byte) b.length}, b);
    }

    static List<String> csvFile(Path dir, String name, byte[] content) throws IOException {
        return affinity(Files.write(dir.resolve(name), content));
    }

    static Path mkfifo(Path at) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            throw e;
        }
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
        return at;
    }

    static void perImage(Path dir, String file, double v) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        NpyWriter.write(dir.resolve(file), new int[] {3}, new double[] {v, v * v + 1, 2 - v}, NpyPrecision.FLOAT64);
    }

    // ---- .npy ----

    private static void npy(List<Arguments> c) {
        String shape63 = "(6, 3)";
        c.add(of("npy: empty file", "is empty", d -> besideGood(d, new byte[0])));
        c.add(of("npy: wrong magic", "is not a NumPy .npy file", d -> besideGood(d, ascii("hello, world\n"))));
        c.add(of("npy: ends inside the magic", "ends inside its .npy header",
                d -> besideGood(d, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1})));
        c.add(of("npy: truncated header", "declares a 118-byte .npy header but the file has 40 bytes",
                d -> besideGood(d, java.util.Arrays.copyOf(header(dict("<f8", shape63)), 40))));
        c.add(of("npy: truncated data", "is truncated",
                d -> besideGood(d, concat(header(dict("<f8", shape63)), values(16, 1, 0)))));
        c.add(of("npy: header length beyond the file", "-byte .npy header",
                d -> besideGood(d, concat(ascii("\u0093NUMPY\u0001\u0000"), new byte[] {(byte) 0xff, (byte) 0x7f}))));
        c.add(of("npy: unknown format version", "format version 9.0",
                d -> besideGood(d, concat(ascii("\u0093NUMPY\u0009\u0000"), header(dict("<f8", shape63))))));
        c.add(of("npy: header is not a dict", "malformed .npy header",
                d -> besideGood(d, concat(header("[1, 2, 3]"), values(18, 1, 0)))));
        c.add(of("npy: header without shape", "malformed .npy header",
                d -> besideGood(d, concat(header("{'descr': '<f8', 'fortran_order': False, }"), values(18, 1, 0)))));
        c.add(of("npy: header with an extra key", "malformed .npy header",
                d -> besideGood(d, concat(header("{'descr': '<f8', 'fortran_order': False, 'shape': (6, 3), "
                        + "'x': 1, }"), values(18, 1, 0)))));
        c.add(of("npy: code in the header", "malformed .npy header",
                d -> besideGood(d, concat(header("__import__('os').system('touch pwned')"), values(18, 1, 0)))));
        c.add(of("npy: header nested 100 deep", "malformed .npy header",
                d -> besideGood(d, concat(header(dict("<f8", "(".repeat(100) + ")".repeat(100))),
                        values(18, 1, 0)))));
        c.add(of("npy: fortran_order not a bool", "'fortran_order' is not True or False",
                d -> besideGood(d, concat(header("{'descr': '<f8', 'fortran_order': 'yes', 'shape': (6, 3), }"),
                        values(18, 1, 0)))));
        c.add(of("npy: float in the shape", "malformed .npy header",
                d -> besideGood(d, concat(header(dict("<f8", "(6.0, 3)")), values(18, 1, 0)))));
        c.add(of("npy: negative dimension", "which is not a size",
                d -> besideGood(d, concat(header(dict("<f8", "(-6, 3)")), values(18, 1, 0)))));
        c.add(of("npy: huge declared shape", "more values than one Java array holds",
                d -> besideGood(d, concat(header(dict("<f8", "(1000000000000, 1000000)")), values(18, 1, 0)))));
        c.add(of("npy: large declared shape, small file", "is truncated",
                d -> besideGood(d, concat(header(dict("<f8", "(100000000, 20)")), values(18, 1, 0)))));
        c.add(of("npy: complex dtype", "dtype '<c16'",
                d -> besideGood(d, concat(header(dict("<c16", shape63)), values(36, 1, 0)))));
        c.add(of("npy: string dtype", "dtype '|S8'",
                d -> besideGood(d, concat(header(dict("|S8", shape63)), values(18, 1, 0)))));
        c.add(of("npy: structured dtype", "structured array",
                d -> besideGood(d, concat(header("{'descr': [('x', '<f8')], 'fortran_order': False, "
                        + "'shape': (6, 3), }"), values(18, 1, 0)))));
        c.add(of("npy: object dtype among models", "pickled Python objects",
                d -> besideGood(d, concat(header(dict("|O", shape63)), values(18, 1, 0)))));
        c.add(of("npy: 1-D array", "1-D array", d -> besideGood(d, concat(header(dict("<f8", "(18,)")),
                values(18, 1, 0)))));
        c.add(of("npy: 3-D array", "3-D array", d -> besideGood(d, concat(header(dict("<f8", "(6, 3, 1)")),
                values(18, 1, 0)))));
        c.add(of("npy: 5-D array", "5-D array", d -> besideGood(d, concat(header(dict("<f8", "(6, 3, 1, 1, 1)")),
                values(18, 1, 0)))));
        c.add(of("npy: a single number", "holds a 0-D array (scalar)", d -> besideGood(d, concat(header(dict("<f8", "()")),
                values(1, 1, 0)))));
        c.add(of("npy: NaN", "NaN", d -> besideGood(d, concat(header(dict("<f8", shape63)),
                values(18, Double.NaN, 7)))));
        c.add(of("npy: +infinity", "Infinity", d -> besideGood(d, concat(header(dict("<f8", shape63)),
                values(18, Double.POSITIVE_INFINITY, 4)))));
        c.add(of("npy: -infinity in float32", "Infinity", d -> {
            ByteBuffer b = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < 18; k++) {
                b.putFloat(k == 11 ? Float.NEGATIVE_INFINITY : (float) Math.sin(k));
            }
            return besideGood(d, concat(header(dict("<f4", shape63)), b.array()));
        }));
        c.add(of("npy: zero images", "holds an empty 0 x 3 array: DDS needs at least one image", d -> besideGood(d, header(dict("<f8", "(0, 3)")))));
        c.add(of("npy: zero features", "holds an empty 6 x 0 array: DDS needs at least one image and one feature", d -> besideGood(d, header(dict("<f8", "(6, 0)")))));
        c.add(of("npy: different image counts", "same images",
                d -> besideGood(d, concat(header(dict("<f8", "(5, 3)")), values(15, 1, 0)))));
        c.add(of("npy: every image alike", "constant",
                d -> besideGood(d, concat(header(dict("<f8", shape63)), f8(new double[] {1, 2, 3, 1, 2, 3, 1, 2, 3,
                        1, 2, 3, 1, 2, 3, 1, 2, 3})))));
        c.add(of("npy: a zip archive named .npy", "zip archive", d -> besideGood(d,
                new ZipBytes().stored("x.npy", goodMember(1)).toBytes())));
        c.add(of("npy: too few images for unbiased CKA", "at least 4", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 3, 3, 1);
            good(m.resolve("b.npy"), 3, 3, 2);
            return affinity(m);
        }));
        c.add(of("npy: FIFO as --x", "not a regular file", d -> List.of("similarity", "--x",
                mkfifo(d.resolve("a.npy")).toString(), "--y", good(d.resolve("b.npy"), 6, 3, 2).toString())));
        c.add(of("npy: dangling symlink as --y", "does not exist", d -> List.of("similarity", "--x",
                good(d.resolve("a.npy"), 6, 3, 1).toString(), "--y",
                Files.createSymbolicLink(d.resolve("b.npy"), d.resolve("gone.npy")).toString())));
        c.add(of("npy: directory of two models as --x", "holds 2 models", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            good(m.resolve("b.npy"), 6, 3, 2);
            return List.of("similarity", "--x", m.toString(), "--y", m.resolve("a.npy").toString());
        }));
        c.add(of("npy: unknown extension", "extension DDS does not read",
                d -> affinity(Files.write(d.resolve("features.h5"), values(18, 1, 0)))));
        c.add(of("npy: 4-D maps against a contradicting --shape", "--shape 4,4,4", d -> {
            Path m = d.resolve("m");
            Files.createDirectories(m);
            double[] v = new double[6 * 64];
            for (int k = 0; k < v.length; k++) {
                v[k] = Math.sin(k);
            }
            NpyWriter.write(m.resolve("a.npy"), new int[] {6, 4, 4, 4}, v, NpyPrecision.FLOAT64);
            return List.of("affinity", "--features", m.toString(), "--norm", "batch_norm", "--shape", "8,2,4",
                    "--out", OUT);
        }));
    }

    // ---- .npz ----

    private static void npz(List<Arguments> c) {
        c.add(of("npz: no members", "holds no arrays", d -> npzFile(d, new ZipBytes())));
        c.add(of("npz: not a zip", "not a readable .npz", d -> affinity(Files.write(d.resolve("f.npz"),
                ascii("this is not a zip archive at all")))));
        c.add(of("npz: empty file", "not a readable .npz", d -> affinity(Files.write(d.resolve("f.npz"),
                new byte[0]))));
        c.add(of("npz: truncated archive", "not a readable .npz", d -> {
            byte[] whole = new ZipBytes().stored("a.npy", goodMember(1)).stored("b.npy", goodMember(2)).toBytes();
            return affinity(Files.write(d.resolve("f.npz"), java.util.Arrays.copyOf(whole, whole.length - 30)));
        }));
        c.add(of("npz: CRC-32 mismatch, stored", "CRC-32", d -> {
            byte[] good = goodMember(2);
            byte[] bad = good.clone();
            bad[bad.length - 5] ^= 0x40;
            return npzFile(d, new ZipBytes().stored("a.npy", goodMember(1))
                    .member("b.npy", ZipBytes.STORED, bad, ZipBytes.crc(good), good.length));
        }));
        c.add(of("npz: CRC-32 mismatch, deflated", "CRC-32", d -> {
            byte[] good = goodMember(2);
            byte[] bad = good.clone();
            bad[bad.length - 5] ^= 0x40;
            return npzFile(d, new ZipBytes().deflated("a.npy", goodMember(1))
                    .member("b.npy", ZipBytes.DEFLATED, ZipBytes.deflate(bad), ZipBytes.crc(good), good.length));
        }));
        c.add(of("npz: member that is not .npy", "is not a .npy array",
                d -> npzFile(d, new ZipBytes().stored("a.npy", goodMember(1)).stored("notes.txt", ascii("hi")))));
        c.add(of("npz: member with a bad magic", "is not a NumPy .npy file",
                d -> npzFile(d, new ZipBytes().stored("a.npy", goodMember(1)).stored("b.npy", ascii("garbage")))));
        c.add(of("npz: stored member declaring more than the archive", "declares",
                d -> npzFile(d, new ZipBytes().member("a.npy", ZipBytes.STORED, goodMember(1),
                        ZipBytes.crc(goodMember(1)), 1L << 30))));
        c.add(of("npz: deflate bomb with a lying size", "inflates to more than", d -> {
            byte[] h = header(dict("<f8", "(1, 16)"));
            return npzFile(d, new ZipBytes().member("a.npy", ZipBytes.DEFLATED, ZipBytes.zeroBomb(h, 64),
                    ZipBytes.zeroCrc(h, 64), h.length + 128));
        }));
        c.add(of("npz: declared ratio beyond deflate's", "declares", d -> npzFile(d, new ZipBytes()
                .member("a.npy", ZipBytes.DEFLATED, ZipBytes.deflate(goodMember(1)), 1, 3_000_000_000L))));
        c.add(of("npz: member longer than its .npy header says", "its .npy header describes",
                d -> npzFile(d, new ZipBytes().deflated("a.npy", concat(goodMember(1), values(500, 1, 0))))));
        c.add(of("npz: unknown compression method", "not a readable .npz", d -> npzFile(d, new ZipBytes()
                .member("a.npy", 12, goodMember(1), ZipBytes.crc(goodMember(1)), goodMember(1).length))));
        c.add(of("npz: corrupt deflate stream", "cannot be inflated (invalid block type)", d -> npzFile(d, new ZipBytes()
                .member("a.npy", ZipBytes.DEFLATED, new byte[] {(byte) 0xff, (byte) 0xff, 0, 1, 2, 3, 4, 5},
                        1, 200))));
        c.add(of("npz: different image counts", "same images", d -> {
            ByteArrayOutputStream five = new ByteArrayOutputStream();
            NpyWriter.write(five, new int[] {5, 3}, new double[15], NpyPrecision.FLOAT64);
            return npzFile(d, new ZipBytes().stored("a.npy", goodMember(1)).deflated("b.npy", five.toByteArray()));
        }));
        c.add(of("npz: NaN in a member", "NaN", d -> npzFile(d, new ZipBytes().stored("a.npy", goodMember(1))
                .deflated("b.npy", concat(header(dict("<f8", "(6, 3)")), values(18, Double.NaN, 3))))));
        c.add(of("npz: object member", "pickled Python objects", d -> npzFile(d, new ZipBytes()
                .stored("a.npy", concat(header(dict("|O", "()")), ascii("\u0080\u0002N."))))));
        c.add(of("npz: the same member twice", "model 'a' appears twice", d -> npzFile(d, new ZipBytes().stored("a.npy",
                goodMember(1)).stored("a.npy", goodMember(2)))));
        c.add(of("npz: truncated member", "is truncated", d -> npzFile(d, new ZipBytes().stored("a.npy",
                java.util.Arrays.copyOf(goodMember(1), 100)))));
    }

    // ---- the authors' pickled dict ----

    private static void pickle(List<Arguments> c) {
        byte[] model = concat(str("a"), array(values(18, 0.5, 0), 6));
        c.add(of("pickle: os.system", "names the global 'os.system'", d -> pickled(d,
                p2(concat(ascii("cos\nsystem\n"), str("touch pwned"), ascii("\u0085R"))))));
        c.add(of("pickle: builtins.eval by STACK_GLOBAL", "names the global 'builtins.eval'", d -> pickled(d,
                concat(new byte[] {(byte) 0x80, 4}, str("builtins"), str("eval"), new byte[] {(byte) 0x93},
                        str("1"), ascii("\u0085R.")))));
        c.add(of("pickle: subprocess by GLOBAL in protocol 0", "names the global 'subprocess.Popen'",
                d -> pickled(d, ascii("csubprocess\nPopen\n(Vls\ntR."))));
        c.add(of("pickle: a list that holds itself", "contains itself", d -> pickled(d,
                p2(ascii("}q\u0000(" + "X\u0001\u0000\u0000\u0000a]q\u0001h\u0001au")))));
        c.add(of("pickle: 100,000 nested lists", "nested more than", d -> pickled(d,
                p2(concat(ascii("]".repeat(100_000)), ascii("a".repeat(99_999)))))));
        c.add(of("pickle: deep tuple as a key", "nested more than", d -> pickled(d,
                p2(concat(ascii("})"), repeat((byte) 0x85, 100_000), ascii("K\u0001s"))))));
        c.add(of("pickle: list as a key", "uses a list as a dict key", d -> pickled(d, p2(ascii("}]K\u0001s")))));
        c.add(of("pickle: truncated", "the file is truncated", d -> {
            byte[] whole = p2(concat(ascii("}("), model, ascii("u")));
            return pickled(d, java.util.Arrays.copyOf(whole, whole.length - 40));
        }));
        c.add(of("pickle: unknown opcode", "has an opcode this reader does not run",
                d -> pickled(d, p2(ascii("}\u00ff")))));
        c.add(of("pickle: protocol 6", "pickle protocol 6", d -> pickled(d, concat(new byte[] {(byte) 0x80, 6},
                ascii("}.")))));
        c.add(of("pickle: a list instead of a dict", "holds a pickled list instead of a dict", d -> pickled(d, p2(ascii("]")))));
        c.add(of("pickle: empty dict", "empty dict", d -> pickled(d, p2(ascii("}")))));
        c.add(of("pickle: a string instead of an array", "instead of an n x d numeric array",
                d -> pickled(d, p2(concat(ascii("}"), str("a"), str("oops"), ascii("s"))))));
        c.add(of("pickle: a key that is not a string", "has a model key 7 (an int) that is not a string", d -> pickled(d,
                p2(concat(ascii("}K\u0007"), array(values(18, 0.5, 0), 6), ascii("s"))))));
        c.add(of("pickle: NaN in an array", "NaN", d -> pickled(d,
                p2(concat(ascii("}"), str("a"), array(values(18, Double.NaN, 5), 6), ascii("s"))))));
        c.add(of("pickle: memo entry never stored", "memo entry 9", d -> pickled(d, p2(ascii("}h\u0009")))));
        c.add(of("pickle: a 2 GiB string on a short file", "truncated",
                d -> pickled(d, p2(concat(ascii("X"), le32(Integer.MAX_VALUE - 16), ascii("abc"))))));
        c.add(of("pickle: object array of shape (2,)", "object array of shape 2", d -> affinity(
                Files.write(d.resolve("taskonomy_pascal_feats_x.npy"), concat(header(dict("|O", "(2,)")),
                        p2(ascii("}")))))));
        c.add(of("pickle: models with different image counts", "same images", d -> pickled(d,
                p2(concat(ascii("}("), model, str("b"), array(values(15, 0.5, 0), 5), ascii("u"))))));
        c.add(of("pickle: STRING not quoted (protocol 0)", "not quoted", d -> pickled(d,
                ascii("(dSabc\nI1\ns."))));
    }

    static byte[] repeat(byte b, int n) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, b);
        return out;
    }

    // ---- CSV ----

    private static void csv(List<Arguments> c) {
        c.add(of("csv: empty file", "holds no rows of numbers", d -> csvFile(d, "a.csv", new byte[0])));
        c.add(of("csv: a header only", "holds no rows of numbers", d -> csvFile(d, "a.csv", ascii("f0,f1\n"))));
        c.add(of("csv: comments only", "holds no rows of numbers", d -> csvFile(d, "a.csv", ascii("# x\n# y\n"))));
        c.add(of("csv: typo in the first row", "'2x' on line 1", d -> csvFile(d, "a.csv",
                ascii("1,2x,3\n4,5,6\n7,8,9\n1,5,2\n"))));
        c.add(of("csv: BOM and a typo in the first row", "'2x' on line 1", d -> csvFile(d, "a.csv",
                concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, ascii("1,2x,3\n4,5,6\n7,8,9\n")))));
        c.add(of("csv: ragged row", "every image needs the same number of features",
                d -> csvFile(d, "a.csv", ascii("1,2,3\n4,5\n7,8,9\n"))));
        c.add(of("csv: text in a later row", "'x' on line 3", d -> csvFile(d, "a.csv",
                ascii("1,2,3\n4,5,6\n7,x,9\n"))));
        c.add(of("csv: NaN", "NaN", d -> csvFile(d, "a.csv", ascii("1,2,3\n4,nan,6\n7,8,9\n3,1,2\n5,5,1\n"))));
        c.add(of("csv: infinity", "Infinity", d -> csvFile(d, "a.csv", ascii("1,2,3\n4,inf,6\n7,8,9\n3,1,2\n"))));
        c.add(of("csv: a number beyond double", "Infinity", d -> csvFile(d, "a.csv",
                ascii("1,2,3\n4,1e999,6\n7,8,9\n3,1,2\n"))));
        c.add(of("csv: hex float", "'0x1p3'", d -> csvFile(d, "a.csv", ascii("1,2\n0x1p3,4\n"))));
        c.add(of("csv: Java number suffix", "'1d'", d -> csvFile(d, "a.csv", ascii("1,2\n1d,4\n"))));
        c.add(of("csv: unterminated quote", "as CSV", d -> csvFile(d, "a.csv", ascii("1,2\n\"3,4\n5,6\n"))));
        c.add(of("csv: invalid UTF-8", "as CSV", d -> csvFile(d, "a.csv", concat(ascii("1,2\n3,"),
                new byte[] {(byte) 0xc3, (byte) 0x28}, ascii("\n")))));
        c.add(of("csv: directory with different image counts", "same images", d -> {
            Path m = Files.createDirectories(d.resolve("m"));
            Files.writeString(m.resolve("a.csv"), "1,2\n3,4\n5,1\n2,2\n9,1\n");
            Files.writeString(m.resolve("b.csv"), "1,2\n3,4\n5,1\n2,2\n");
            return affinity(m);
        }));
        c.add(of("csv: binary file named .csv", "as CSV", d -> csvFile(d, "a.csv", goodMember(1))));
    }

    // ---- directories ----

    private static void directories(List<Arguments> c) {
        c.add(of("dir: empty", "is empty", d -> affinity(Files.createDirectories(d.resolve("m")))));
        c.add(of("dir: no features", "holds no .npy or .csv features", d -> {
            Path m = Files.createDirectories(d.resolve("m"));
            Files.writeString(m.resolve("notes.txt"), "nothing here\n");
            return affinity(m);
        }));
        c.add(of("dir: a dangling symlink for a model", "does not exist", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            Files.createSymbolicLink(m.resolve("b.npy"), d.resolve("gone.npy"));
            return affinity(m);
        }));
        c.add(of("dir: a FIFO for a model", "not a regular file", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            mkfifo(m.resolve("b.npy"));
            return affinity(m);
        }));
        c.add(of("dir: a.NPY beside a.npy", "for model 'a'", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            good(m.resolve("a.NPY"), 6, 3, 2);
            good(m.resolve("b.npy"), 6, 3, 3);
            return affinity(m);
        }));
        c.add(of("dir: both .npy and .csv", "keep one format", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            Files.writeString(m.resolve("b.csv"), "1,2\n");
            return affinity(m);
        }));
        c.add(of("dir: models.txt names a missing model", "lists model 'c'", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            good(m.resolve("b.npy"), 6, 3, 2);
            Files.writeString(m.resolve("models.txt"), "a\nc\n");
            return affinity(m);
        }));
        c.add(of("dir: models.txt names a model twice", "twice", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            good(m.resolve("b.npy"), 6, 3, 2);
            Files.writeString(m.resolve("models.txt"), "a\nb\na\n");
            return affinity(m);
        }));
        c.add(of("dir: models.txt lists nothing", "lists no models", d -> {
            Path m = d.resolve("m");
            good(m.resolve("a.npy"), 6, 3, 1);
            Files.writeString(m.resolve("models.txt"), "# none\n\n");
            return affinity(m);
        }));
        c.add(of("per-image: images that do not pair up", "no file for image 'img005_'", d -> {
            Path m = d.resolve("m");
            for (String img : List.of("img001_", "img002_", "img003_", "img004_", "img005_")) {
                perImage(m, img + "edge2d_encoder_output.npy", img.charAt(5) - '0');
            }
            for (String img : List.of("img001_", "img002_", "img003_", "img004_", "img006_")) {
                perImage(m, img + "edge3d_encoder_output.npy", img.charAt(5) - '0');
            }
            return affinity(m);
        }));
        c.add(of("per-image: one image twice in a task", "two files for image 'img1_'", d -> {
            Path m = d.resolve("m");
            perImage(m, "x/img1_edge2d_encoder_output.npy", 1);
            perImage(m, "y/img1_edge2d_encoder_output.npy", 2);
            return affinity(m);
        }));
        c.add(of("per-image: mixed with <model>.npy", "keep one layout per directory", d -> {
            Path m = d.resolve("m");
            perImage(m, "img1_edge2d_encoder_output.npy", 1);
            good(m.resolve("a.npy"), 6, 3, 1);
            return affinity(m);
        }));
        c.add(of("per-image: no task in the name", "names no task", d -> {
            Path m = d.resolve("m");
            perImage(m, "_encoder_output.npy", 1);
            return affinity(m);
        }));
        c.add(of("per-image: images of different sizes", "needs the same features", d -> {
            Path m = d.resolve("m");
            perImage(m, "img1_edge2d_encoder_output.npy", 1);
            Files.createDirectories(m);
            NpyWriter.write(m.resolve("img2_edge2d_encoder_output.npy"), new int[] {4}, new double[] {1, 2, 3, 4},
                    NpyPrecision.FLOAT64);
            return affinity(m);
        }));
        c.add(of("per-image: NaN in one image", "NaN", d -> {
            Path m = d.resolve("m");
            perImage(m, "img1_edge2d_encoder_output.npy", 1);
            perImage(m, "img2_edge2d_encoder_output.npy", Double.NaN);
            return affinity(m);
        }));
        c.add(of("per-image: a FIFO among the images", "not a regular file", d -> {
            Path m = d.resolve("m");
            perImage(m, "img1_edge2d_encoder_output.npy", 1);
            mkfifo(m.resolve("img2_edge2d_encoder_output.npy"));
            return affinity(m);
        }));
    }
}
