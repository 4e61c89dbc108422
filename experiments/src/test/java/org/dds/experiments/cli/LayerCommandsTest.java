package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.io.NpyWriter;
import org.dds.io.NpzWriter;
import org.dds.experiments.layers.PlantedLayers;
import org.dds.experiments.pascal.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dds fig4} and {@code dds layers} on a planted layer-selection problem (block1 made of 2D-family factors,
 * block3 of 3D, block4 of semantic, block2 of all three), and their bad inputs.
 */
class LayerCommandsTest {
    @TempDir
    static Path dir;
    static Path blocks;
    static Path tasks;
    static Path curvature;

    @BeforeAll
    static void writeInputs() throws IOException {
        FeatureSet all = PlantedLayers.generate(120, 21);
        blocks = dir.resolve("blocks.npz");
        NpzWriter.write(blocks, PlantedLayers.blocks(all));
        tasks = Fixtures.writeDirectory(PlantedLayers.tasks(all), dir.resolve("tasks"));
        curvature = dir.resolve("curvature.npy");
        NpyWriter.write(curvature, all.get("curvature"));
        List<FeatureMatrix> withTarget = new ArrayList<>(PlantedLayers.blocks(all).models());
        withTarget.add(all.get("curvature"));
        NpzWriter.write(dir.resolve("blocks-and-target.npz"), new FeatureSet(withTarget));
        NpzWriter.write(dir.resolve("short.npz"), PlantedLayers.blocks(all).firstImages(100));
        Fixtures.writeDirectory(all.select(List.of("block2", "edge2d")), dir.resolve("clash"));
        Files.writeString(dir.resolve("families.csv"), "task,family\nfoo,bar\n");
    }

    @Test
    void fig4WritesTheBlocksByFamiliesCsvWithThePapersStatement() {
        Cli.Run run = Cli.run("fig4", "--blocks", blocks.toString(), "--tasks", tasks.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("block,mean_2D,mean_3D,mean_semantic,most_similar_family,margin,"
                + "paper_most_similar_family,agrees");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("block1,").endsWith(",2D,yes");
        assertThat(lines.get(2)).startsWith("block2,").endsWith(",no clear preference,n/a (paper: no clear"
                + " preference)");
        assertThat(lines.get(3)).startsWith("block3,").endsWith(",3D,yes");
        assertThat(lines.get(4)).startsWith("block4,").endsWith(",semantic,yes");
        assertThat(run.err()).contains("4 blocks x 20 tasks on the first 120 images");
    }

    @Test
    void fig4WritesARunDirectory() throws IOException {
        Path out = dir.resolve("fig4-run");
        Cli.Run run = Cli.run("fig4", "--blocks", blocks.toString(), "--tasks", tasks.toString(), "--images", "100",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Table4CommandTest.names(out)).containsExactly("charts", "fig4-best-block.csv", "fig4-families.csv",
                "fig4-matrix.csv", "index.html", "provenance.json", "report.md", "results.json");
        List<String> best = Files.readAllLines(out.resolve("fig4-best-block.csv"));
        assertThat(best).hasSize(4).first().isEqualTo("family,tasks,best_block,mean_dds,margin");
        assertThat(best.subList(1, 4)).satisfiesExactly(l -> assertThat(l).startsWith("2D,7,block1,"),
                l -> assertThat(l).startsWith("3D,10,block3,"), l -> assertThat(l).startsWith("semantic,3,block4,"));
        assertThat(Cli.oneLine(out.resolve("provenance.json"))).contains("\"images\": \"100\"",
                "blocks.npz\", \"sha256\": ");
    }

    @Test
    void layersRanksTheBlocksForATargetFile() {
        Cli.Run run = Cli.run("layers", "--blocks", blocks.toString(), "--target", curvature.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("rank,block,dds");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).as("curvature shares 3 latent blocks with block3").startsWith("1,block3,");
    }

    @Test
    void layersTakesTheTargetByNameFromTheBlocksAndUsesTheLaplacianByDefault() {
        Cli.Run byName = Cli.run("layers", "--blocks", dir.resolve("blocks-and-target.npz").toString(), "--target",
                "curvature");
        assertThat(byName.exit()).as(byName.err()).isZero();
        Cli.Run byFile = Cli.run("layers", "--blocks", blocks.toString(), "--target", curvature.toString());
        assertThat(byName.out()).as("the same ranking either way").isEqualTo(byFile.out())
                .doesNotContain("curvature");
        Cli.Run laplacian = Cli.run("layers", "--blocks", blocks.toString(), "--target", curvature.toString(),
                "--f", "laplacian");
        Cli.Run cosine = Cli.run("layers", "--blocks", blocks.toString(), "--target", curvature.toString(), "--f",
                "cosine");
        assertThat(laplacian.out()).as("the default f is the Laplacian").isEqualTo(byFile.out());
        assertThat(cosine.out()).isNotEqualTo(byFile.out());
        assertThat(Cli.run("layers", "--help").out()).contains("(default: laplacian)");
        assertThat(Cli.run("rank", "--help").out()).as("other commands keep cosine").contains("(default: cosine)");
    }

    /** A lone '%' in a help text is a format error: picocli then prints the text raw and warns on System.err. */
    @ParameterizedTest(name = "dds {0} --help")
    @ValueSource(strings = {"table4", "fig4", "layers"})
    void helpHasAnExampleAndFormats(String command) {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Cli.Run run;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            run = Cli.run(command, "--help");
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).as("picocli warnings").doesNotContain("picocli WARN");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: dds " + command, "Example", "./dds " + command, "Exit codes")
                .doesNotContain("%n");
        assertThat(run.err()).isEmpty();
        if (command.equals("table4")) {
            assertThat(run.out()).contains("95% percentile", "taskonomy_pascal_feats_<image set>.npy");
        }
    }

    static Stream<Arguments> badInputs() {
        String b = blocks.toString();
        return Stream.of(
                Arguments.of("fig4: absent --blocks", List.of("fig4", "--blocks", dir.resolve("x.npz").toString(),
                        "--tasks", tasks.toString()), List.of("--blocks " + dir.resolve("x.npz") + " does not exist")),
                Arguments.of("fig4: different image counts", List.of("fig4", "--blocks",
                        dir.resolve("short.npz").toString(), "--tasks", tasks.toString()),
                        List.of("describe 100 images but the task features", "same images")),
                Arguments.of("fig4: a block among the tasks", List.of("fig4", "--blocks", b, "--tasks",
                        dir.resolve("clash").toString()), List.of("model 'block2' is both a block and")),
                Arguments.of("fig4: no task in the families", List.of("fig4", "--blocks", b, "--tasks",
                        tasks.toString(), "--families", dir.resolve("families.csv").toString()),
                        List.of("none of the tasks", "has a family in " + dir.resolve("families.csv"))),
                Arguments.of("fig4: too many --images", List.of("fig4", "--blocks", b, "--tasks", tasks.toString(),
                        "--images", "121"), List.of("--images 121 is not possible", "between 4 and 120")),
                Arguments.of("layers: unknown target", List.of("layers", "--blocks", b, "--target", "depth"),
                        List.of("--target 'depth' is neither a model in", "block1, block2, block3, block4",
                                "nor an existing file")),
                Arguments.of("layers: a target file of several models", List.of("layers", "--blocks", b,
                        "--target", blocks.toString()), List.of("holds 4 models", "the target task's features only")),
                Arguments.of("layers: different image counts", List.of("layers", "--blocks",
                        dir.resolve("short.npz").toString(), "--target", curvature.toString()),
                        List.of("'curvature' has 120 images but the blocks", "have 100")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsWithTwoAndOneSentence(String what, List<String> args, List<String> fragments) {
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit()).as("%s: %s", what, run.err()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).as("%s: one line on stderr", what).hasSize(1);
        assertThat(run.err()).as(what).contains(fragments).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).as(what).isEmpty();
    }
}
