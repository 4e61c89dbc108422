package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.io.NpzWriter;
import org.dds.experiments.layers.Figure4;
import org.dds.experiments.layers.PlantedLayers;
import org.dds.experiments.pascal.Fixtures;
import org.dds.experiments.pascal.PascalBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dds reproduce} runs Table 4 and Figure 4 when their features are there and says how to get them if not. */
class ReproducePascalAndLayersTest {
    @Test
    void runsTable4AndFigure4OnTheFeaturesItFindsAndSkipsTheRest(@TempDir Path dir) throws IOException {
        Path features = Files.createDirectories(dir.resolve("features"));
        Fixtures.writeDirectory(Fixtures.plantedPascal(210, 8, 1), features.resolve("pascal_5000"));
        FeatureSet layers = PlantedLayers.generate(210, 2);
        List<FeatureMatrix> taskonomy = new ArrayList<>(PlantedLayers.tasks(layers).models());
        taskonomy.add(Fixtures.plantedPascal(210, 8, 3).get(PascalBootstrap.TARGET));
        Fixtures.writeDirectory(new FeatureSet(taskonomy), features.resolve("taskonomy_5000"));
        NpzWriter.write(features.resolve(Figure4.BLOCKS_STEM + ".npz"), PlantedLayers.blocks(layers));
        Path groundTruth = Files.createDirectories(dir.resolve("no-groundtruth"));

        Path out = dir.resolve("run");
        Cli.Run run = Cli.run("reproduce", "--skip", "mini-taskonomy", "--quick", "--features", features.toString(), "--groundtruth",
                groundTruth.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Table4CommandTest.names(out)).contains("table4-pascal_5000.csv", "table4-pascal_5000-draws.csv",
                "table4-taskonomy_5000.csv", "fig4-families.csv", "fig4-matrix.csv")
                .doesNotContain("table4-nyuv2.csv");
        assertThat(Files.readAllLines(out.resolve("table4-pascal_5000-draws.csv"))).as("quick: 10 draws")
                .hasSize(11);
        assertThat(Files.readAllLines(out.resolve("fig4-families.csv")).get(1)).startsWith("block1,")
                .endsWith(",2D,yes");
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| table4-pascal_5000 | Pascal VOC images, DDS (f = cosine): bootstrap mean of rho |",
                "| table4-nyuv2 |", features.resolve("taskonomy_pascal_feats_nyuv2.npy") + " does not exist",
                "## fig4");
    }

    @Test
    void withoutFeaturesTheReportSaysWhatEachNeedsAndHowToGetIt(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        Path features = Files.createDirectories(dir.resolve("features"));
        Cli.Run run = Cli.run("reproduce", "--skip", "mini-taskonomy", "--quick", "--features", features.toString(), "--groundtruth",
                Files.createDirectories(dir.resolve("gt")).toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| table4-taskonomy_5000 |", "| table4-pascal_5000 |", "| table4-nyuv2 |",
                "| fig4 |", features.resolve(Figure4.BLOCKS_STEM + ".npz") + " does not exist",
                "block1..block4", "dds extract");
    }
}
