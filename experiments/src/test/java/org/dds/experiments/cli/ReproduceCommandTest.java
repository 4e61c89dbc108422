package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.io.FeatureReader;
import org.dds.io.NpyWriter;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dds reproduce}: the report (index.html, report.md), its CSVs, charts, results and provenance,
 * byte-identical for the same inputs apart from the time and the command line.
 */
class ReproduceCommandTest {
    /**
     * Mean per-column Spearman between the public Taskonomy affinity and winrate matrices, from the independent
     * numpy oracle:
     * {@code python3 ../shared/oracle/dds_ref.py export-groundtruth --out /tmp/gt} (prints it rounded to 6 digits,
     * 0.919434) and then {@code python3 ../shared/oracle/dds_ref.py colspearman /tmp/gt/affinity.csv
     * /tmp/gt/winrate.csv} (prints the float64 repr).
     */
    static final double PINNED_AGREEMENT = 0.9194340578036582;
    private static final double ALGEBRAIC = 1e-12;

    private static String groundTruth() {
        return SharedData.require("groundtruth/taskonomy/all_affinities.pkl").getParent().getParent().toString();
    }

    @Test
    void writesReportCsvAndProvenanceWithThePinnedAgreement(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        Cli.Run run = Cli.run("reproduce", "--skip", "mini-taskonomy", "--quick", "--out", out.toString(), "--groundtruth", groundTruth(),
                "--features", noFeatures(dir));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).as("the last line is the page's path")
                .isEqualTo(out.resolve("index.html").toAbsolutePath().toString());
        assertThat(names(out)).containsExactly("charts", "index.html", "provenance.json", "report.md",
                "results.json", "taskonomy-agreement-per-task.csv", "taskonomy-agreement-readings.csv",
                "taskonomy-agreement.csv");
        assertThat(names(out.resolve("charts"))).as("per-task and per-reading bars and nothing else").containsExactly(
                "taskonomy-agreement-per-task-bars.png", "taskonomy-agreement-per-task-bars.svg",
                "taskonomy-agreement-readings-bars.png", "taskonomy-agreement-readings-bars.svg");
        assertThat(names(dir)).as("no temporary directory left").containsExactly("no-features", "run");

        List<String> summary = Files.readAllLines(out.resolve("taskonomy-agreement.csv"));
        assertThat(summary.get(0)).isEqualTo("quantity,reproduced,published,difference");
        String[] cells = summary.get(1).split(",");
        double reproduced = Double.parseDouble(cells[cells.length - 3]);
        assertThat(reproduced).isCloseTo(PINNED_AGREEMENT, within(ALGEBRAIC));
        assertThat(Double.parseDouble(cells[cells.length - 2])).as("paper Table 3").isEqualTo(0.988);
        assertThat(Files.readAllLines(out.resolve("taskonomy-agreement-per-task.csv"))).hasSize(18)
                .contains("segment25d,1.0000000000000002");

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| reproduced | published | difference |")
                .contains("| 0.919434 | 0.988 | -0.0685659 |").contains("## Skipped experiments");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<td class=\"num check off\"").contains("paper Table 3 0.988")
                .contains("\u0394 -0.0686").contains("0 of 1 published numbers reproduced within tolerance")
                .contains("6b2d42a7281fe4eac2f5f32499f12c3da63292d4a5d8f04bf1b8b97d9687260c")
                .contains("src=\"data:image/png;base64,");
        String provenance = Cli.oneLine(out.resolve("provenance.json"));
        assertThat(provenance).contains("\"command\": \"dds reproduce --skip mini-taskonomy --quick --out ")
                .contains("\"seed\": 1993").contains("\"javaVersion\": \"" + System.getProperty("java.version"))
                .contains("\"gitCommit\": ").contains("\"timestamp\": ")
                .contains("all_affinities.pkl\", \"sha256\": "
                        + "\"6b2d42a7281fe4eac2f5f32499f12c3da63292d4a5d8f04bf1b8b97d9687260c\"")
                .contains("wins_vs_pixels_16k.pkl\", \"sha256\": "
                        + "\"34a3c471d8547ddd509cedb8d2d60f90e9b881c70f23cc91c4fc85e4e3852d75\"");
    }

    @Test
    void theSameInputsGiveByteIdenticalResults(@TempDir Path dir) throws IOException {
        assertThat(Cli.run("reproduce", "--skip", "mini-taskonomy", "--out", dir.resolve("a").toString(), "--groundtruth", groundTruth(),
                "--features", noFeatures(dir)).exit())
                .isZero();
        assertThat(Cli.run("reproduce", "--skip", "mini-taskonomy", "--out", dir.resolve("b").toString(), "--groundtruth", groundTruth(),
                "--features", noFeatures(dir)).exit())
                .isZero();
        for (String f : names(dir.resolve("a"))) {
            if (f.equals("charts")) {
                for (String c : names(dir.resolve("a/charts"))) {
                    assertThat(Files.mismatch(dir.resolve("a/charts").resolve(c), dir.resolve("b/charts").resolve(c)))
                            .as(c).isEqualTo(-1L);
                }
            } else if (List.of("provenance.json", "results.json", "index.html", "report.md").contains(f)) {
                assertThat(withoutRunSpecifics(dir.resolve("b"), f)).as(f)
                        .isEqualTo(withoutRunSpecifics(dir.resolve("a"), f));
            } else {
                assertThat(Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f))).as(f)
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    void missingGroundTruthIsListedAsSkippedWithHowToGetIt(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("run");
        Cli.Run run = Cli.run("reproduce", "--skip", "mini-taskonomy", "--out", out.toString(), "--groundtruth", empty.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(names(out)).containsExactly("index.html", "provenance.json", "report.md", "results.json");
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("No published number was reproduced in this run.")
                .contains("| taskonomy-agreement |")
                .contains(empty.resolve("taskonomy/all_affinities.pkl") + " does not exist; run ./dds"
                        + " fetch-groundtruth");
        assertThat(run.err()).contains("skipped");
    }

    @Test
    void aMissingFeaturesDirectoryIsBadInput(@TempDir Path dir) {
        Cli.Run run = Cli.run("reproduce", "--skip", "mini-taskonomy", "--out", dir.resolve("run").toString(), "--features",
                dir.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--features " + dir.resolve("nope") + " does not exist");
        assertThat(dir.resolve("run")).as("nothing written").doesNotExist();
    }

    /**
     * The Taskonomy experiments on features named like the Taskonomy models (the oracle's synthetic ones, cut to
     * their first 16 images to keep the quick run short): every one runs, its tables land beside the published
     * numbers, the grid is the one {@code dds table2} gives on the same features, and the features' SHA-256 goes
     * into the provenance.
     */
    @Test
    void runsTheTaskonomyExperimentsOnFeaturesNamedLikeTheModels(@TempDir Path dir) throws IOException {
        Path features = Files.createDirectories(dir.resolve("features"));
        FeatureSet oracle = FeatureReader.read(SharedData.require("oracle/synth20_f64")).firstImages(16);
        for (FeatureMatrix m : oracle.models()) {
            NpyWriter.write(features.resolve(m.name() + ".npy"), m);
        }
        Path out = dir.resolve("run");
        Cli.Run run = Cli.run("reproduce", "--skip", "mini-taskonomy", "--quick", "--out", out.toString(), "--groundtruth", groundTruth(),
                "--features", features.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // The 7 Taskonomy experiments run; Table 4 (three image sets), Figure 4 and Table 5 need other inputs.
        assertThat(run.err()).contains("7 experiment(s) ran, 6 skipped");
        assertThat(names(out)).contains("table2-winrate.csv", "table2-affinity.csv", "table2-cells.csv",
                "table2-per-task.csv", "table3.csv", "table3-time.csv", "per-task.csv", "centring.csv",
                "spearman-g.csv", "image-count.csv");

        Cli.Run table2 = Cli.run("table2", "--features", features.toString(), "--groundtruth", groundTruth());
        assertThat(table2.exit()).as(table2.err()).isZero();
        assertThat(Files.readString(out.resolve("table2-winrate.csv"))).isEqualTo(table2.out());

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("## table2", "## table3", "## per-task", "## centring", "## spearman-g",
                "## image-count", "all 16 images")
                .containsPattern("\\| table2 \\| Table 2 vs winrate, zscore, f = cosine \\| [-0-9.]+ \\| 0\\.838 \\|")
                .containsPattern("\\| table2 \\| Table 2 vs winrate, zscore, f = cosine \\| [-0-9.]+ \\| 0\\.864 \\|")
                .containsPattern("\\| table3 \\| Table 3, DDS \\(f = cosine\\) vs affinity \\| [-0-9.]+ \\| 0\\.862 \\|");
        assertThat(Cli.oneLine(out.resolve("provenance.json"))).contains(features.resolve("autoencoder.npy")
                + "\", \"sha256\": \"");
    }

    @Test
    void withoutTheirFeaturesTheTaskonomyExperimentsAreSkippedWithTheMissingFile(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("run");
        String none = noFeatures(dir);
        Cli.Run run = Cli.run("reproduce", "--skip", "mini-taskonomy", "--out", out.toString(), "--groundtruth", groundTruth(), "--features",
                none);
        assertThat(run.exit()).as(run.err()).isZero();
        String md = Files.readString(out.resolve("report.md"));
        for (String skipped : List.of("table2", "table3", "per-task", "centring", "spearman-g", "image-count")) {
            assertThat(md).contains("| " + skipped + " |");
        }
        assertThat(md).contains("features of the 20 Taskonomy models on the taskonomy_5000 images"
                + " (taskonomy_pascal_feats_taskonomy_5000.npy): " + Path.of(none)
                        .resolve("taskonomy_pascal_feats_taskonomy_5000.npy") + " does not exist; download"
                + " taskonomy_pascal_feats_taskonomy_5000.npy from the link in"
                + " https://github.com/cvai-roig-lab/duality-diagram-similarity");
    }

    /** An empty features directory, so that a DDS_FEATURES in the environment cannot change what runs. */
    private static String noFeatures(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("no-features")).toString();
    }

    /** The file with what names the run (its directory, start time and duration) replaced by placeholders. */
    private static String withoutRunSpecifics(Path run, String file) throws IOException {
        return Files.readString(run.resolve(file)).replace(run.toString(), "RUN")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "TIME")
                .replaceAll("\"elapsedSeconds\": [0-9.]+", "ELAPSED").replaceAll("[0-9.]+ s\\b", "ELAPSED");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
