package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniBenchmarkTest {
    @TempDir
    Path dir;

    /**
     * Hand-computed: losses s0 = [1, 2], s1 = [2, 2], s2 = [3, 0] on two images. s0 beats s1 on image 0, ties on
     * image 1 (half), beats s2 on image 0, loses on image 1: 2.5 of 4 = 0.625; s1: 0 + 0.5 + 1 + 0 = 0.375;
     * s2: 0 + 1 + 0 + 1 = 0.5. The rates sum to S / 2 = 1.5.
     */
    @Test
    void winrateCountsPairwiseWinsAndHalfTies() {
        double[][][] losses = {{{1, 2}}, {{2, 2}}, {{3, 0}}};
        double[][] w = MiniBenchmark.winrate(losses);
        assertThat(w[0][0]).isEqualTo(0.625);
        assertThat(w[1][0]).isEqualTo(0.375);
        assertThat(w[2][0]).isEqualTo(0.5);
    }

    /**
     * Hand-computed R^2: targets (0, 1), (2, 3), predictions (0, 1), (2, 4): SSE = 1, the evaluation means are
     * (1, 2), SST = 1 + 1 + 1 + 1 = 4, R^2 = 0.75. Accuracy: 2 of 3 argmaxes right.
     */
    @Test
    void scoresAreAccuracyAndRSquared() {
        ImageSize size = ImageSize.FASHION_MNIST;
        TaskSamples shift = new TaskSamples(MiniTask.SHIFT, size, 2, new float[2 * size.pixels()],
                new float[] {0, 1, 2, 3}, null);
        assertThat(MiniBenchmark.score(MiniTask.SHIFT, new double[] {0, 1, 2, 4}, shift)).isCloseTo(0.75,
                within(1e-15));
        TaskSamples rotation = new TaskSamples(MiniTask.ROTATION, size, 3, new float[3 * size.pixels()],
                new float[12], new int[] {0, 3, 1});
        double[] pred = {0.9, 0, 0, 0.1, /**/ 0, 0, 0.2, 0.7, /**/ 0.5, 0.4, 0, 0};
        assertThat(MiniBenchmark.score(MiniTask.ROTATION, pred, rotation)).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(MiniBenchmark.imageLosses(new double[] {0, 1, 2, 4}, new float[] {0, 1, 2, 3}, 2, 2))
                .containsExactly(0, 1);
    }

    /**
     * End to end on a small data set in the real file format that this test writes (class-dependent rectangles
     * with noise): every source is trained and cached, the matrices have the documented shapes and ranges, and a
     * second run loads every trained source from the cache and reproduces every number exactly.
     */
    @Test
    void runsEndToEndAndRerunsFromTheCache() throws IOException {
        writeDataSet(dir.resolve("data"), 110, 40);
        MiniConfig config = new MiniConfig(dir.resolve("data"), dir.resolve("cache"), 60, 1, 30, 2e-3, false, 40, 24, 12,
                List.of(4, 4, 8, 8), List.of(1, 1, 1, 1), 7, 1, 40);
        List<String> lines = new ArrayList<>();
        MiniResults a = MiniBenchmark.run(config, lines::add);

        int tasks = MiniTask.values().length;
        assertThat(a.sources()).hasSize(tasks + 1).endsWith(MiniBenchmark.CONTROL);
        assertThat(a.transfer()).hasNumberOfRows(tasks + 1);
        for (int s = 0; s <= tasks; s++) {
            assertThat(a.transfer()[s]).hasSize(tasks);
            double rowOfWinrates = 0;
            for (int j = 0; j < tasks; j++) {
                assertThat(a.transfer()[s][j]).isFinite().isLessThanOrEqualTo(1);
                assertThat(a.winrate()[s][j]).isBetween(0.0, 1.0);
                rowOfWinrates += a.winrate()[s][j];
            }
            assertThat(rowOfWinrates).isFinite();
        }
        for (int j = 0; j < tasks; j++) {
            // Winrates of one target over all sources sum to S / 2 (every pair shares one win).
            double sum = 0;
            for (int s = 0; s <= tasks; s++) {
                sum += a.winrate()[s][j];
            }
            assertThat(sum).isCloseTo((tasks + 1) / 2.0, within(1e-9));
        }
        assertThat(a.hasFineTuned()).isTrue();
        assertThat(a.fineTuned()).hasNumberOfRows(tasks + 1);
        for (double[] row : a.fineTuned()) {
            assertThat(row).hasSize(tasks);
            for (double v : row) {
                assertThat(v).isFinite().isLessThanOrEqualTo(1);
            }
        }
        assertThat(a.probe().names()).isEqualTo(a.sources());
        assertThat(a.probe().images()).isEqualTo(12);
        // 8 channels at 4 x 4 after the last stage of a 28 x 28 input (strides 1, 2, 2, 2).
        assertThat(a.probe().models().get(0).cols()).isEqualTo(4 * 4 * 8);
        assertThat(a.probeShape().size()).isEqualTo(4 * 4 * 8);
        assertThat(a.blocks().names()).containsExactly("layer1", "layer2", "layer3", "layer4");
        assertThat(a.blocks().models().get(0).cols()).isEqualTo(28 * 28 * 4);
        assertThat(a.blockTransfer()[3]).containsExactly(a.transfer()[0]);
        assertThat(a.sourceRuns()).filteredOn(MiniResults.SourceRun::fromCache).isEmpty();
        // Every estimator cell holds a score or says why there is none; the reasons follow the method's needs.
        EstimatorScores e = a.estimators();
        assertThat(e.images()).isEqualTo(40);
        assertThat(e.methods()).contains("logme", "leep", "hscore", "knn");
        int leep = e.methods().indexOf("leep");
        int hscore = e.methods().indexOf("hscore");
        int logme = e.methods().indexOf("logme");
        for (int m = 0; m < e.methods().size(); m++) {
            for (int s = 0; s <= tasks; s++) {
                for (int j = 0; j < tasks; j++) {
                    boolean scored = e.reasons()[m][s][j] == null;
                    assertThat(Double.isFinite(e.values()[m][s][j])).as("%s %d %d", e.methods().get(m), s, j)
                            .isEqualTo(scored);
                }
            }
        }
        int autoencode = MiniTask.AUTOENCODE.ordinal();
        int class10 = MiniTask.CLASS10.ordinal();
        assertThat(e.reasons()[leep][autoencode][class10]).isEqualTo(EstimatorScores.NOT_A_CLASSIFIER);
        assertThat(e.reasons()[hscore][class10][autoencode]).isEqualTo("is defined for classification targets"
                + " only");
        assertThat(e.values()[logme][autoencode][MiniTask.SHIFT.ordinal()]).isFinite();
        assertThat(a.seconds()).containsKey(MiniBenchmark.ESTIMATORS);
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".zip")).count()).isEqualTo(tasks);
        }

        MiniResults b = MiniBenchmark.run(config, lines::add);
        assertThat(b.sourceRuns()).filteredOn(MiniResults.SourceRun::fromCache).hasSize(tasks);
        for (int s = 0; s <= tasks; s++) {
            assertThat(b.transfer()[s]).containsExactly(a.transfer()[s]);
            assertThat(b.winrate()[s]).containsExactly(a.winrate()[s]);
            assertThat(b.fineTuned()[s]).containsExactly(a.fineTuned()[s]);
            for (int m = 0; m < e.methods().size(); m++) {
                assertThat(b.estimators().values()[m][s]).containsExactly(e.values()[m][s]);
            }
        }
        for (int m = 0; m <= tasks; m++) {
            assertThat(b.probe().models().get(m).toArray()).containsExactly(a.probe().models().get(m).toArray());
        }
        assertThat(lines).anyMatch(l -> l.contains("loaded from the cache"));
    }

    /** Fine-tuning starts from the source: every encoder parameter is copied, the head is left as initialised. */
    @Test
    void copyEncoderCopiesEverythingButTheHead() {
        var spec = MiniNetworks.encoder(List.of(4, 4, 8, 8), List.of(1, 1, 1, 1));
        var from = new org.deeplearning4j.nn.graph.ComputationGraph(MiniNetworks.network(spec,
                ImageSize.FASHION_MNIST, true, 10, 1, 1e-3));
        from.init();
        var to = new org.deeplearning4j.nn.graph.ComputationGraph(MiniNetworks.network(spec,
                ImageSize.FASHION_MNIST, false, 784, 2, 1e-3));
        to.init();
        var head = to.getLayer(MiniNetworks.HEAD).params().dup();
        MiniBenchmark.copyEncoder(from, to);
        for (String name : List.of("conv1", "bn1", "layer1_0_conv1", "layer4_0_bn2")) {
            assertThat(to.getLayer(name).params().equals(from.getLayer(name).params())).as(name).isTrue();
        }
        assertThat(to.getLayer(MiniNetworks.HEAD).params().equals(head)).isTrue();
    }

    @Test
    void refusesTooFewImagesWithTheSizesInTheMessage() throws IOException {
        writeDataSet(dir.resolve("small"), 30, 40);
        MiniConfig config = new MiniConfig(dir.resolve("small"), null, 60, 1, 30, 2e-3, false, 40, 24, 12,
                List.of(4, 4, 8, 8), List.of(1, 1, 1, 1), 7, 0, 0);
        assertThatThrownBy(() -> MiniBenchmark.run(config, l -> { }))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("hold 30 images")
                .hasMessageContaining("needs 100 (source images + label budget)");
    }

    /** Writes gzipped IDX files: label i % 10, a rectangle whose size and place depend on it, plus noise. */
    static void writeDataSet(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom r = new SplittableRandom(42);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? train : test;
            byte[] pixels = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int label = i % 10;
                labels[i] = (byte) label;
                int top = 4 + label % 5 + r.nextInt(3);
                int left = 3 + label / 2 + r.nextInt(3);
                int h = 6 + label;
                int w = 14 - label;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        boolean in = y >= top && y < top + h && x >= left && x < left + w;
                        int v = (in ? 200 : 10) + r.nextInt(40);
                        pixels[i * 784 + y * 28 + x] = (byte) Math.min(255, v);
                    }
                }
            }
            write(folder.resolve(split + "-images-idx3-ubyte.gz"), 0x803, new int[] {n, 28, 28}, pixels);
            write(folder.resolve(split + "-labels-idx1-ubyte.gz"), 0x801, new int[] {n}, labels);
        }
    }

    private static void write(Path file, int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(bytes.toByteArray());
        }
    }
}
