package org.dds.experiments.pascal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.io.NpyWriter;
import org.dds.experiments.planted.PlantedFeatures;
import org.dds.groundtruth.pascal.PascalVocGroundTruth;

/** Feature files for the Table-4 tests: the committed tiny authors' file, and planted sets the tests write. */
public final class Fixtures {
    /** The 20 Taskonomy models of the authors' files that have no Pascal VOC ground truth. */
    private static final List<String> WITHOUT_PASCAL_TRUTH = List.of("denoise", "colorization", "inpainting_whole");

    private Fixtures() {
    }

    /**
     * @return the committed tiny file in the authors' format (21 models x 30 images x 8 float32 features, written by
     *         {@code src/test/resources/table4/make_fixture.py})
     */
    public static Path authorsFile() {
        try {
            return Path.of(Fixtures.class.getResource("/table4/taskonomy_pascal_feats_pascal_5000.npy").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The 21 models of the authors' files with a planted structure: the 17 sources' overlap with
     * pascal_voc_segmentation ranked like their Pascal VOC mIoU, plus the 3 Taskonomy models without ground truth
     * (sharing nothing with it).
     *
     * @param images   n
     * @param features d per model
     * @param seed     the seed
     * @return the features
     */
    public static FeatureSet plantedPascal(int images, int features, long seed) {
        PascalVocGroundTruth truth = PascalVocGroundTruth.load();
        PlantedFeatures.Ranking r = PlantedFeatures.ranking(truth.sources(), truth.miou(), PascalBootstrap.TARGET,
                features, new PlantedFeatures.Shape(images, 2, 0.3, false), seed);
        FeatureSet others = PlantedFeatures.ranking(WITHOUT_PASCAL_TRUTH, new double[] {1, 2, 3}, "unused", features,
                new PlantedFeatures.Shape(images, 2, 0.3, false), seed + 1).features();
        List<FeatureMatrix> all = new java.util.ArrayList<>(r.features().models());
        WITHOUT_PASCAL_TRUTH.forEach(m -> all.add(others.get(m)));
        return new FeatureSet(all);
    }

    /**
     * Writes a feature set as a directory of {@code <model>.npy} (float64).
     *
     * @param set the features
     * @param dir the directory (created)
     * @return the directory
     */
    public static Path writeDirectory(FeatureSet set, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (FeatureMatrix m : set.models()) {
            NpyWriter.write(dir.resolve(m.name() + ".npy"), m);
        }
        return dir;
    }
}
