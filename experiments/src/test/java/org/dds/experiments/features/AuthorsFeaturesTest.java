package org.dds.experiments.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.io.NpyWriter;
import org.dds.experiments.ExperimentContext;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.groundtruth.taskonomy.TaskonomyTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the authors' features are looked for, what a missing one says, and reading them (once per run). */
class AuthorsFeaturesTest {
    @TempDir
    Path dir;

    private static ExperimentContext context(Optional<Path> features) {
        return new ExperimentContext(new GroundTruthLocation(Path.of("/gt"), GroundTruthLocation.Origin.ARGUMENT),
                features, true, 1, line -> { });
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[] {1});
    }

    private void npy(Path file, double value) throws IOException {
        Files.createDirectories(file.getParent());
        NpyWriter.write(file, FeatureMatrix.of(file.getFileName().toString(), new double[][] {{value, 2}, {3, 4}}));
    }

    @Test
    void theFileNameIsTheAuthors() {
        assertThat(AuthorsFeatures.fileName("taskonomy_5000")).isEqualTo("taskonomy_pascal_feats_taskonomy_5000.npy");
        assertThat(AuthorsFeatures.fileName("nyuv2")).isEqualTo("taskonomy_pascal_feats_nyuv2.npy");
        assertThatThrownBy(() -> AuthorsFeatures.fileName("imagenet"))
                .hasMessage("unknown image set 'imagenet': the authors released features for taskonomy_5000,"
                        + " pascal_5000, nyuv2");
    }

    @Test
    void findsEachAuthorsFileInTheFeaturesDirectory() throws IOException {
        Path t = touch(dir.resolve("taskonomy_pascal_feats_taskonomy_5000.npy"));
        Path p = touch(dir.resolve("taskonomy_pascal_feats_pascal_5000.npy"));
        ExperimentContext c = context(Optional.of(dir));
        assertThat(AuthorsFeatures.locate(c, "taskonomy_5000")).contains(t);
        assertThat(AuthorsFeatures.locate(c, "pascal_5000")).contains(p);
        assertThat(AuthorsFeatures.locate(c, "nyuv2")).isEmpty();
        assertThat(AuthorsFeatures.input("taskonomy_5000").missing(c)).isEmpty();
        assertThat(AuthorsFeatures.input("nyuv2").missing(c).map(w -> w.apply(n -> "--" + n))).as("spelt as the command line does").contains(
                "features of the 20 Taskonomy models on the nyuv2 images (taskonomy_pascal_feats_nyuv2.npy): "
                        + dir.resolve("taskonomy_pascal_feats_nyuv2.npy") + " does not exist; download"
                        + " taskonomy_pascal_feats_nyuv2.npy from the link in"
                        + " https://github.com/cvai-roig-lab/duality-diagram-similarity (features/README.md) and pass"
                        + " --features DIR (or set DDS_FEATURES) naming the directory that holds it");
    }

    @Test
    void withoutAFeaturesDirectoryTheMessageSaysNoneWasGivenAndHowToGetOne() {
        ExperimentContext c = context(Optional.empty());
        assertThat(AuthorsFeatures.locate(c, "taskonomy_5000")).isEmpty();
        assertThat(AuthorsFeatures.input("taskonomy_5000").missing(c).map(w -> w.apply(n -> "--" + n)).orElseThrow())
                .startsWith("features of the 20 Taskonomy models on the taskonomy_5000 images"
                        + " (taskonomy_pascal_feats_taskonomy_5000.npy): not given; download")
                .contains("github.com/cvai-roig-lab/duality-diagram-similarity", "--features DIR", "DDS_FEATURES");
    }

    @Test
    void aDatasetSubdirectoryOrADirectoryOfModelsStandsForTheImages() throws IOException {
        npy(dir.resolve("nyuv2/edge2d.npy"), 1);
        ExperimentContext c = context(Optional.of(dir));
        assertThat(AuthorsFeatures.locate(c, "nyuv2")).contains(dir.resolve("nyuv2"));
        assertThat(AuthorsFeatures.locate(c, "taskonomy_5000")).as("per-dataset directories: the others absent")
                .isEmpty();

        Path own = dir.resolve("own");
        npy(own.resolve("edge2d.npy"), 1);
        ExperimentContext o = context(Optional.of(own));
        assertThat(AuthorsFeatures.locate(o, "taskonomy_5000")).as("features named like the models")
                .contains(own);
        assertThat(AuthorsFeatures.locate(o, "pascal_5000")).as("only the Taskonomy images").isEmpty();
        assertThat(AuthorsFeatures.locate(context(Optional.of(dir.resolve("empty"))), "taskonomy_5000")).isEmpty();
    }

    @Test
    void aFileNamesItsOwnDataset() throws IOException {
        Path pascal = touch(dir.resolve("taskonomy_pascal_feats_pascal_5000.npy"));
        assertThat(AuthorsFeatures.locate(context(Optional.of(pascal)), "pascal_5000")).contains(pascal);
        assertThat(AuthorsFeatures.locate(context(Optional.of(pascal)), "taskonomy_5000")).isEmpty();
        assertThat(AuthorsFeatures.input("taskonomy_5000").missing(context(Optional.of(pascal))).map(w -> w.apply(n -> "--" + n))
                .orElseThrow())
                .contains(dir.resolve("taskonomy_pascal_feats_taskonomy_5000.npy") + " does not exist");
        Path other = touch(dir.resolve("feats.npz"));
        assertThat(AuthorsFeatures.locate(context(Optional.of(other)), "taskonomy_5000")).contains(other);
        assertThat(AuthorsFeatures.locate(context(Optional.of(other)), "nyuv2")).isEmpty();
    }

    @Test
    void theCommandLineResolvesAPathToTheFileItReads() throws IOException {
        assertThat(AuthorsFeatures.resolve(dir, "taskonomy_5000")).as("a plain directory").isEqualTo(dir);
        Path t = touch(dir.resolve("taskonomy_pascal_feats_taskonomy_5000.npy"));
        assertThat(AuthorsFeatures.resolve(dir, "taskonomy_5000")).isEqualTo(t);
        assertThat(AuthorsFeatures.resolve(t, "taskonomy_5000")).isEqualTo(t);
        Files.createDirectories(dir.resolve("nyuv2"));
        assertThat(AuthorsFeatures.resolve(dir, "nyuv2")).isEqualTo(dir.resolve("nyuv2"));
    }

    @Test
    void theFeaturesOptionWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("DDS_FEATURES", "/from/env");
        assertThat(AuthorsFeatures.directory(Path.of("/given"), env::get)).contains(Path.of("/given"));
        assertThat(AuthorsFeatures.directory(null, env::get)).contains(Path.of("/from/env"));
        assertThat(AuthorsFeatures.directory(null, Map.of("DDS_FEATURES", "  ")::get)).isEmpty();
        assertThat(AuthorsFeatures.directory(null, Map.<String, String>of()::get)).isEmpty();
    }

    /**
     * The authors' pickled-dict format goes through the project's reader: the 20 Taskonomy models in their order and
     * the Pascal VOC model. The fixture is dds-core's test resource {@code io/taskonomy_pascal_feats_tiny.npy}
     * (written by its {@code make_fixtures.py}: 3 images x 4 features per model).
     */
    @Test
    void readsTheAuthorsPickledDictFoundUnderTheirName() throws IOException {
        Path file = dir.resolve("taskonomy_pascal_feats_taskonomy_5000.npy");
        try (InputStream in = AuthorsFeaturesTest.class.getResourceAsStream("/io/taskonomy_pascal_feats_tiny.npy")) {
            assertThat(in).as("dds-core's test fixture on the class path").isNotNull();
            Files.copy(in, file);
        }
        Path found = AuthorsFeatures.locate(context(Optional.of(dir)), "taskonomy_5000").orElseThrow();
        FeatureSet set = AuthorsFeatures.read(found);
        List<String> expected = new ArrayList<>(TaskonomyTasks.FEATURE_MODELS);
        expected.add("pascal_voc_segmentation");
        assertThat(set.names()).containsExactlyElementsOf(expected);
        assertThat(set.images()).isEqualTo(3);
        assertThat(set.get("curvature").get(1, 2)).as("make_fixtures.py: 100 * position + 10 i + j + 0.25")
                .isEqualTo(112.25);
    }

    @Test
    void aSecondReadOfUnchangedFeaturesReusesTheFirstAndAChangeIsSeen() throws IOException {
        Path models = dir.resolve("models");
        npy(models.resolve("a.npy"), 1);
        FeatureSet first = AuthorsFeatures.read(models);
        assertThat(AuthorsFeatures.read(models)).isSameAs(first);
        assertThat(AuthorsFeatures.readFromDisk(models)).as("always from disk").isNotSameAs(first);

        npy(models.resolve("b.npy"), 5);
        FeatureSet changed = AuthorsFeatures.read(models);
        assertThat(changed.names()).containsExactly("a", "b");
    }
}
