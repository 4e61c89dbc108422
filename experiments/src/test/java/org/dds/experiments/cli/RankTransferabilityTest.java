package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.transfer.Knn;
import org.dds.core.transfer.Leep;
import org.dds.core.transfer.LogMe;
import org.dds.core.transfer.TargetLabels;
import org.dds.core.transfer.TransferabilityEstimator;
import org.dds.io.FeatureReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dds rank --labels}: the transferability estimators on small files this test writes, the CSV checked
 * against the library's values on the same features, and every refusal with exit code 2 and one stderr line.
 */
class RankTransferabilityTest {
    /** The CSV prints every double in full; parsing it back gives the library's value. */
    private static final double PRINTED = 1e-15;

    private static final int N = 30;

    @TempDir
    Path dir;

    private Path features;
    private Path classes;
    private int[] y;

    @BeforeEach
    void write() throws IOException {
        features = Files.createDirectories(dir.resolve("feats"));
        Npy.random(features.resolve("alpha.npy"), N, 4, 1);
        Npy.random(features.resolve("beta.npy"), N, 6, 2);
        Npy.random(features.resolve("gamma.npy"), N, 3, 3);
        y = new int[N];
        StringBuilder csv = new StringBuilder("label\n");
        for (int i = 0; i < N; i++) {
            y[i] = i % 3 == 0 ? 7 : (i % 3 == 1 ? 2 : 5);
            csv.append(y[i]).append('\n');
        }
        classes = Files.writeString(dir.resolve("labels.csv"), csv.toString());
    }

    private Path probabilities() throws IOException {
        Path probs = Files.createDirectories(dir.resolve("probs"));
        SplittableRandom r = new SplittableRandom(5);
        for (String model : List.of("alpha", "beta", "gamma")) {
            double[] p = new double[N * 4];
            for (int i = 0; i < N; i++) {
                double sum = 0;
                for (int c = 0; c < 4; c++) {
                    p[i * 4 + c] = r.nextDouble(0.05, 1);
                    sum += p[i * 4 + c];
                }
                for (int c = 0; c < 4; c++) {
                    p[i * 4 + c] /= sum;
                }
            }
            Npy.write(probs.resolve(model + ".npy"), N, 4, p);
        }
        return probs;
    }

    private static double[][] rows(FeatureMatrix x) {
        double[][] out = new double[x.rows()][x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                out[i][j] = x.get(i, j);
            }
        }
        return out;
    }

    /** Checks a one-method CSV: header, ranks 1..m, descending, and each value equal to the library's. */
    private static void assertRanking(String csv, String method, FeatureSet inputs, List<String> models,
            TransferabilityEstimator e, TargetLabels labels) {
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("rank,model," + method);
        assertThat(lines).hasSize(models.size() + 1);
        double previous = Double.POSITIVE_INFINITY;
        List<String> seen = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            assertThat(cells[0]).isEqualTo(String.valueOf(r));
            double value = Double.parseDouble(cells[2]);
            assertThat(value).as("%s of %s", method, cells[1])
                    .isCloseTo(e.score(rows(inputs.get(cells[1])), labels), within(PRINTED));
            assertThat(value).as("descending").isLessThanOrEqualTo(previous);
            previous = value;
            seen.add(cells[1]);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(models);
    }

    @Test
    void logMeOfCsvClassesIsTheLibrarysValue() {
        Cli.Run run = Cli.run("rank", "--features", features.toString(), "--labels", classes.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertRanking(run.out(), "logme", FeatureReader.read(features), List.of("alpha", "beta", "gamma"),
                new LogMe(), TargetLabels.classes(y));
    }

    @Test
    void knnTakesKAndNpyIntegerLabels() throws IOException {
        Path npy = Npy.writeLongs(dir.resolve("labels.npy"), Arrays.stream(y).asLongStream().toArray());
        Cli.Run run = Cli.run("rank", "--features", features.toString(), "--labels", npy.toString(), "--method", "knn",
                "--k", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertRanking(run.out(), "knn", FeatureReader.read(features), List.of("alpha", "beta", "gamma"), new Knn(3),
                TargetLabels.classes(y));
    }

    @Test
    void leepReadsTheSourceProbabilitiesAndTheTargetIsLeftOut() throws IOException {
        Path probs = probabilities();
        Path file = dir.resolve("leep.csv");
        Cli.Run run = Cli.run("rank", "--features", features.toString(), "--labels", classes.toString(), "--method",
                "leep", "--source-probabilities", probs.toString(), "--target", "gamma", "--out", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertRanking(Files.readString(file), "leep", FeatureReader.read(probs), List.of("alpha", "beta"), new Leep(),
                TargetLabels.classes(y));
    }

    @Test
    void allPrintsEveryApplicableMethodAndSaysWhyTheOthersAreLeftOut() throws IOException {
        Cli.Run run = Cli.run("rank", "--features", features.toString(), "--labels", classes.toString(), "--method",
                "all");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("rank,model,logme,hscore,hscore-reg,parc,gbc,transrate,knn,rank_logme,"
                + "rank_hscore,rank_hscore-reg,rank_parc,rank_gbc,rank_transrate,rank_knn");
        assertThat(lines).hasSize(4);
        assertThat(run.errLines()).anyMatch(l -> l.startsWith("nce: left out: ") && l.contains("--source-probabilities"))
                .anyMatch(l -> l.startsWith("leep: left out: "))
                .anyMatch(l -> l.startsWith("dds: left out: ") && l.contains("--target"));
        // The rows follow logme; rank_logme is therefore 1, 2, 3, and every value is the library's.
        FeatureSet set = FeatureReader.read(features);
        for (int r = 1; r <= 3; r++) {
            String[] cells = lines.get(r).split(",");
            assertThat(cells[9]).isEqualTo(String.valueOf(r));
            assertThat(Double.parseDouble(cells[2])).isCloseTo(new LogMe().score(rows(set.get(cells[1])),
                    TargetLabels.classes(y)), within(PRINTED));
        }

        Cli.Run withAll = Cli.run("rank", "--features", features.toString(), "--labels", classes.toString(),
                "--method", "all", "--source-probabilities", probabilities().toString(), "--target", "alpha");
        assertThat(withAll.exit()).as(withAll.err()).isZero();
        assertThat(withAll.out().lines().findFirst().orElseThrow())
                .startsWith("rank,model,logme,hscore,hscore-reg,nce,leep,parc,gbc,transrate,knn,dds,rank_logme");
        assertThat(withAll.out().lines().count()).isEqualTo(3);
    }

    @Test
    void regressionLabelsLeaveOutTheClassificationMethods() throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        double[] t = new double[N * 2];
        Arrays.setAll(t, i -> r.nextDouble());
        Path npy = Npy.write(dir.resolve("targets.npy"), N, 2, t);
        Cli.Run run = Cli.run("rank", "--features", features.toString(), "--labels", npy.toString(), "--method",
                "all");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .isEqualTo("rank,model,logme,parc,knn,rank_logme,rank_parc,rank_knn");
        assertThat(run.errLines()).anyMatch(l -> l.startsWith("hscore: left out: hscore is defined for"
                + " classification labels only"));
    }

    @Test
    void ddsWithoutLabelsStillRanksByDds() {
        Cli.Run run = Cli.run("rank", "--features", features.toString(), "--target", "beta");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(3).first().isEqualTo("rank,model,dds");
    }

    private void refused(String expected, String... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(expected);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusals() throws IOException {
        String f = features.toString();
        String labels = classes.toString();
        Path short29 = Files.writeString(dir.resolve("short.csv"), "1\n2\n".repeat(14) + "1\n");
        refused("holds 29 labels but the features", "rank", "--features", f, "--labels", short29.toString());
        Path single = Files.writeString(dir.resolve("single.csv"), "1\n2\n".repeat(14) + "1\n3\n");
        refused("class 3 of the --labels has a single image (image 29)", "rank", "--features", f, "--labels",
                single.toString());
        Path targets = Npy.random(dir.resolve("t.npy"), N, 1, 4);
        refused("hscore is defined for classification labels only", "rank", "--features", f, "--labels",
                targets.toString(), "--method", "hscore");
        refused("give --source-probabilities DIR", "rank", "--features", f, "--labels", labels, "--method", "leep");
        refused("unknown --method 'logmee'", "rank", "--features", f, "--labels", labels, "--method", "logmee");
        refused("give them with --labels FILE", "rank", "--features", f, "--method", "logme");
        refused("--target is needed to rank by DDS", "rank", "--features", f);
        refused("--k is 0", "rank", "--features", f, "--labels", labels, "--method", "knn", "--k", "0");
        Path text = Files.writeString(dir.resolve("labels.txt"), "1\n");
        refused("is neither .npy nor .csv", "rank", "--features", f, "--labels", text.toString());
    }
}
