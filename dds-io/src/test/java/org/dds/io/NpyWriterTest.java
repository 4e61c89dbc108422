package org.dds.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NpyWriter} and {@link NpzWriter}: numpy's exact header, round trips, atomic replacement. */
class NpyWriterTest {

    @TempDir
    Path tmp;

    private static FeatureMatrix sample(String name) {
        double[] v = new double[4 * 6];
        Arrays.setAll(v, k -> Math.sin(k + name.length()) * 1e3);
        return FeatureMatrix.of(name, 4, 6, v);
    }

    @Test
    void headerIsByteForByteWhatNumpyWrites() throws IOException {
        // numpy.save wrote the oracle files; their first 128 bytes are the header for a 48 x 2048 <f8 array.
        byte[] numpy = Files.readAllBytes(SharedData.require("oracle/synth20_f64/autoencoder.npy"));
        byte[] ours = NpyWriter.header("<f8", new int[] {48, 2048});
        assertThat(ours).hasSize(128).containsExactly(Arrays.copyOf(numpy, 128));
        assertThat(new String(NpyWriter.header("<f4", new int[] {5}), StandardCharsets.ISO_8859_1))
                .as("1-D tuple needs the trailing comma").contains("'shape': (5,), }");
        assertThat(NpyWriter.header("<f8", new int[] {1, 16, 16, 8}).length % 64).isZero();
    }

    @Test
    void roundTripsFloat64Exactly() throws IOException {
        FeatureMatrix x = sample("m");
        Path file = tmp.resolve("m.npy");
        NpyWriter.write(file, x);
        assertThat(NpyReader.read(file).toArray()).containsExactly(x.toArray());
    }

    @Test
    void roundTripsFloat32AsRoundedValues() throws IOException {
        FeatureMatrix x = sample("m");
        Path file = tmp.resolve("m32.npy");
        NpyWriter.write(file, x, NpyPrecision.FLOAT32);
        double[] expected = x.toArray();
        for (int k = 0; k < expected.length; k++) {
            expected[k] = (float) expected[k];
        }
        assertThat(NpyReader.read(file).toArray()).containsExactly(expected);
        assertThat(Files.size(file)).isEqualTo(128 + 4 * 24);
    }

    @Test
    void writesFeatureMapsAsFourDimensions() throws IOException {
        FeatureMatrix x = sample("maps");
        Path file = tmp.resolve("maps.npy");
        NpyWriter.write(file, x, new MapShape(1, 2, 3), NpyPrecision.FLOAT64);
        ModelFeatures back = NpyReader.readModel(file, "maps");
        assertThat(back.mapShape()).contains(new MapShape(1, 2, 3));
        assertThat(back.matrix().toArray()).containsExactly(x.toArray());
    }

    @Test
    void replacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = tmp.resolve("m.npy");
        NpyWriter.write(file, sample("first"));
        NpyWriter.write(file, sample("second!"));
        assertThat(NpyReader.read(file).toArray()).containsExactly(sample("second!").toArray());
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("m.npy");
        }
    }

    @Test
    void npzRoundTripsStoredAndDeflated() throws IOException {
        FeatureSet set = new FeatureSet(List.of(sample("zeta"), sample("alpha"), sample("mid")));
        Path stored = tmp.resolve("stored.npz");
        Path deflated = tmp.resolve("deflated.npz");
        NpzWriter.write(stored, set);
        NpzWriter.write(deflated, set, NpyPrecision.FLOAT64, true);
        for (Path p : List.of(stored, deflated)) {
            FeatureSet back = NpzReader.read(p);
            assertThat(back.names()).as("archive order of %s", p).containsExactly("zeta", "alpha", "mid");
            for (FeatureMatrix m : set.models()) {
                assertThat(back.get(m.name()).toArray()).containsExactly(m.toArray());
            }
        }
    }

    /** Regression guard: a corrupt archive must never escape as anything but a DdsInputException. */
    @Test
    void corruptedNpzFailsOnlyWithInputErrors() throws IOException {
        Path good = tmp.resolve("good.npz");
        NpzWriter.write(good, new FeatureSet(List.of(sample("a"), sample("bb"))), NpyPrecision.FLOAT32, true);
        byte[] whole = Files.readAllBytes(good);
        SplittableRandom rng = new SplittableRandom(11L);
        Path bad = tmp.resolve("bad.npz");
        for (int trial = 0; trial < 200; trial++) {
            byte[] b = whole.clone();
            for (int k = 0; k < 2; k++) {
                b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
            }
            Files.write(bad, rng.nextInt(5) == 0 ? Arrays.copyOf(b, rng.nextInt(b.length)) : b);
            Throwable t = catchThrowable(() -> NpzReader.read(bad));
            assertThat(t).as("trial %d", trial).satisfiesAnyOf(
                    x -> assertThat(x).isNull(),
                    x -> assertThat(x).isExactlyInstanceOf(DdsInputException.class).hasMessageContaining("bad.npz"));
        }
    }
}
