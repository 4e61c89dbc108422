package org.dds.experiments.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.Dds;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.LayerSelection;
import org.dds.experiments.evaluation.TaskFamilies;
import org.dds.experiments.pascal.Fixtures;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.groundtruth.taskonomy.TaskonomyTasks;
import org.dds.io.NpzWriter;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer selection and Figure 4 on a planted structure whose answer is known, and their bad inputs. */
class LayerSelectionTest {
    /** Algebraic identity: the matrix is the pairwise DDS computed another way. */
    private static final double ALGEBRAIC = 1e-12;

    private static final FeatureSet PLANTED = PlantedLayers.generate(150, 21);

    @Test
    void theTaskonomyFamiliesCoverThe20FeatureModels() {
        TaskFamilies f = TaskFamilies.taskonomy();
        assertThat(f.families()).containsExactly("2D", "3D", "semantic");
        assertThat(f.byTask().keySet()).containsExactlyInAnyOrderElementsOf(TaskonomyTasks.FEATURE_MODELS);
        for (String family : f.families()) {
            assertThat(f.byTask().entrySet().stream().filter(e -> e.getValue().equals(family)).map(e -> e.getKey()))
                    .as(family).containsExactlyInAnyOrderElementsOf(PlantedLayers.FAMILIES.get(family));
        }
        assertThat(f.familyOf("pascal_voc_segmentation")).isEmpty();
    }

    @Test
    void theMatrixIsTheDdsOfEveryBlockWithEveryTask() {
        FeatureSet blocks = PlantedLayers.blocks(PLANTED);
        FeatureSet tasks = PlantedLayers.tasks(PLANTED);
        LayerSelection.Matrix m = LayerSelection.blocksVersusTasks(blocks, tasks, LayerSelection.paperConfig());
        assertThat(m.blocks()).containsExactly("block1", "block2", "block3", "block4");
        assertThat(m.tasks()).hasSize(20);
        double[][] dds = m.dds();
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < 20; t += 7) {
                assertThat(dds[b][t]).as("%s, %s", m.blocks().get(b), m.tasks().get(t)).isCloseTo(
                        Dds.similarity(blocks.models().get(b), tasks.models().get(t), LayerSelection.paperConfig()),
                        within(ALGEBRAIC));
            }
        }
    }

    @Test
    void eachBlockIsMostSimilarToItsPlantedFamily() {
        LayerSelection.FamilyView v = LayerSelection.byFamily(LayerSelection.blocksVersusTasks(
                PlantedLayers.blocks(PLANTED), PlantedLayers.tasks(PLANTED), LayerSelection.paperConfig()),
                TaskFamilies.taskonomy());
        assertThat(v.families()).containsExactly("2D", "3D", "semantic");
        assertThat(v.taskCount()).containsExactly(7, 10, 3);
        assertThat(v.families().get(v.mostSimilarFamily(0))).isEqualTo("2D");
        assertThat(v.families().get(v.mostSimilarFamily(2))).isEqualTo("3D");
        assertThat(v.families().get(v.mostSimilarFamily(3))).isEqualTo("semantic");
        assertThat(v.blocks().get(v.bestBlock(0))).isEqualTo("block1");
        assertThat(v.blocks().get(v.bestBlock(1))).isEqualTo("block3");
        assertThat(v.blocks().get(v.bestBlock(2))).isEqualTo("block4");
        assertThat(v.familyMargin(1)).as("block2 shares equally with every family: a smaller margin")
                .isLessThan(v.familyMargin(0)).isLessThan(v.familyMargin(2)).isLessThan(v.familyMargin(3));
    }

    @Test
    void blocksAreRankedForATargetTask() {
        List<LayerSelection.Ranked> ranked = LayerSelection.rank(PlantedLayers.blocks(PLANTED),
                PLANTED.get("curvature"), LayerSelection.paperConfig());
        assertThat(ranked).extracting(LayerSelection.Ranked::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranked.get(0).block()).as("curvature shares 3 latent blocks with block3, none with the others")
                .isEqualTo("block3");
        assertThat(ranked.get(0).dds()).isGreaterThan(ranked.get(1).dds());
    }

    @Test
    void figure4SetsTheFamiliesBesideThePapersStatement(@TempDir Path dir) throws IOException {
        Path blocks = dir.resolve(Figure4.BLOCKS_STEM + ".npz");
        NpzWriter.write(blocks, PlantedLayers.blocks(PLANTED));
        FeatureSet withPascal = new FeatureSet(concat(PlantedLayers.tasks(PLANTED),
                Fixtures.plantedPascal(150, 8, 2).get("pascal_voc_segmentation")));
        Fixtures.writeDirectory(withPascal, dir.resolve("taskonomy_5000"));
        ExperimentContext c = new ExperimentContext(GroundTruthLocator.system().locate(), Optional.of(dir), false, 1,
                line -> { });
        Figure4 figure = new Figure4();
        assertThat(figure.requiredInputs().get(0).locate(c)).contains(blocks);
        ExperimentResult r = figure.run(c);
        assertThat(r.tables()).extracting(ResultTable::id).containsExactly("fig4-families", "fig4-best-block",
                "fig4-matrix");
        ResultTable families = r.tables().get(0);
        assertThat(families.columnNames()).containsExactly("block", "mean_2D", "mean_3D", "mean_semantic",
                "most_similar_family", "margin", "paper_most_similar_family", "agrees");
        assertThat(families.rows()).extracting(row -> row.get(0) + " " + row.get(4) + " " + row.get(6) + " "
                + row.get(7)).containsExactly("block1 2D 2D yes", "block2 " + families.rows().get(1).get(4)
                        + " no clear preference n/a (paper: no clear preference)", "block3 3D 3D yes",
                        "block4 semantic semantic yes");
        assertThat(r.tables().get(2).columnNames()).as("reproduce keeps the 20 Taskonomy models only").hasSize(21)
                .doesNotContain("pascal_voc_segmentation");
        assertThat(r.summary()).contains("4 blocks and 20 task models on the first 150 images");
    }

    @Test
    void figure4SaysHowToGetTheBlockFeatures(@TempDir Path dir) {
        ExperimentContext c = new ExperimentContext(GroundTruthLocator.system().locate(), Optional.of(dir), false, 1,
                line -> { });
        assertThat(new Figure4().requiredInputs().get(0).missing(c).map(w -> w.apply(n -> "--" + n))).get().asString()
                .contains(dir.resolve(Figure4.BLOCKS_STEM + ".npz") + " does not exist", "block1..block4",
                        "ImageNet ResNet-50", "dds extract");
    }

    @Test
    void tasksWithoutAFamilyAreLeftOutOfTheMeansAndSaidSo(@TempDir Path dir) throws IOException {
        Path families = Files.writeString(dir.resolve("f.csv"), "# two families\ntask,family\nrgb2depth,geometry\n"
                + "edge2d,flat\nsegment2d,flat\n");
        Figure4 figure = new Figure4(input(PlantedLayers.blocks(PLANTED), dir.resolve("b")),
                input(PlantedLayers.tasks(PLANTED), dir.resolve("t")), TaskFamilies.read(families),
                OptionalInt.of(100), false);
        ExperimentResult r = figure.run(new ExperimentContext(GroundTruthLocator.system().locate(), Optional.empty(),
                false, 1, line -> { }));
        assertThat(r.tables().get(0).columnNames()).contains("mean_geometry", "mean_flat");
        assertThat(r.summary()).contains("first 100 images",
                "left out of the means: autoencoder, class_1000, class_places");
        assertThat(r.tables().get(0).text(2, "most_similar_family")).as("block3 -> geometry (rgb2depth, 3D)")
                .isEqualTo("geometry");
    }

    @Test
    void badInputsAreRefusedWithTheFix(@TempDir Path dir) throws IOException {
        FeatureSet blocks = PlantedLayers.blocks(PLANTED);
        assertThatThrownBy(() -> LayerSelection.blocksVersusTasks(blocks, PlantedLayers.tasks(PLANTED).selectImages(
                new int[] {0, 1, 2, 3, 4}), LayerSelection.paperConfig()))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("describe 150 images but those of the tasks 5")
                .hasMessageContaining("same images");
        assertThatThrownBy(() -> LayerSelection.blocksVersusTasks(blocks, PLANTED.select(List.of("block2", "edge2d")),
                LayerSelection.paperConfig()))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("model 'block2' is both a block and");
        LayerSelection.Matrix m = LayerSelection.blocksVersusTasks(blocks, PLANTED.select(List.of("edge2d")),
                LayerSelection.paperConfig());
        TaskFamilies other = TaskFamilies.read(Files.writeString(dir.resolve("o.csv"), "task,family\nx,y\n"));
        assertThatThrownBy(() -> LayerSelection.byFamily(m, other))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("none of the tasks (edge2d) has a family");
        assertThatThrownBy(() -> TaskFamilies.read(Files.writeString(dir.resolve("d.csv"),
                "task,family\nx,y\nx,z\n"))).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("names task 'x' twice");
        assertThatThrownBy(() -> TaskFamilies.read(Files.writeString(dir.resolve("h.csv"), "name,group\nx,y\n")))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("header 'task,family'");
        assertThatThrownBy(() -> TaskFamilies.read(dir.resolve("absent.csv")))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("does not exist");
    }

    private static RequiredInput input(FeatureSet set, Path dir) throws IOException {
        Path p = Fixtures.writeDirectory(set, dir);
        return new RequiredInput(dir.getFileName().toString(), c -> Optional.of(p), "write it");
    }

    private static List<org.dds.core.FeatureMatrix> concat(FeatureSet set, org.dds.core.FeatureMatrix extra) {
        List<org.dds.core.FeatureMatrix> all = new java.util.ArrayList<>(set.models());
        all.add(extra);
        return all;
    }
}
