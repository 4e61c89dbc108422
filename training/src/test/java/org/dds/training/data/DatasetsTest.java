package org.dds.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.dds.core.DdsInputException;
import org.dds.training.task.Task;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** The readers on tiny files of the real formats that the tests write, augmentation and batches. */
class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void nyuReadsImagesDepthAndMappedLabelsOfTheSplit() {
        Fixtures.nyu(dir, 4, 6, 5, new int[] {1, 3, 4}, new int[] {2});
        try (NyuV2Dataset train = NyuV2Dataset.open(dir, Split.TRAIN);
                NyuV2Dataset test = NyuV2Dataset.open(dir, Split.VAL)) {
            assertThat(train.size()).isEqualTo(3);
            assertThat(test.size()).isEqualTo(1);
            Sample s = train.get(1); // 1-based index 3 -> image n = 2
            assertThat(s.height()).isEqualTo(5);
            assertThat(s.width()).isEqualTo(6);
            int x = 4;
            int y = 3;
            assertThat(s.rgb()[y * 6 + x]).isCloseTo(Fixtures.nyuRed(2, x, y) / 255f, within(1e-6f));
            assertThat(s.depth()[y * 6 + x]).isEqualTo(Fixtures.nyuDepth(2, x, y));
            assertThat(s.depth()[y * 6]).as("no depth at x = 0").isZero();
            // Raw label 1 + (2 + 4 + 3) % 5 = 5 -> 40-class 7 -> index 6.
            assertThat(s.semantic()[y * 6 + x]).isEqualTo(6);
            assertThat(s.semantic()[x]).as("unlabelled first row").isEqualTo(255);
            assertThat(s.normals()).isNull();
            assertThat(test.get(0).depth()[y * 6 + x]).isEqualTo(Fixtures.nyuDepth(1, x, y));
        }
    }

    @Test
    void nyuNamesTheMissingSideFile() throws Exception {
        Fixtures.nyu(dir, 2, 4, 3, new int[] {1}, new int[] {2});
        Files.delete(dir.resolve(NyuV2Dataset.MAPPING));
        assertThatThrownBy(() -> NyuV2Dataset.open(dir, Split.TRAIN)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining(NyuV2Dataset.MAPPING).hasMessageContaining("Gupta");
    }

    @Test
    void pascalReadsJpegPalettePngAndNormalsFromTheDevkitParent() {
        Fixtures.pascal(dir, 3, 2, 16, 12, 1);
        PascalDataset train = PascalDataset.open(dir, Split.TRAIN, true);
        PascalDataset val = PascalDataset.open(dir.resolve("VOCdevkit").resolve("VOC2012"), Split.VAL, true);
        assertThat(train.size()).isEqualTo(3);
        assertThat(val.size()).isEqualTo(2);
        Sample s = val.get(1); // image k = 4
        assertThat(s.semantic()[5 * 16 + 7]).isEqualTo((7 + 5 + 4) % 21);
        assertThat(s.semantic()[3]).as("border label").isEqualTo(255);
        int plane = 16 * 12;
        // (128, 128, 255) -> (0.004, 0.004, 1) normalised; (0, 0, 0) on the first column -> unknown.
        assertThat(s.normals()[2 * plane + 5 * 16 + 7]).isCloseTo(1f, within(1e-3f));
        assertThat(s.normals()[2 * plane + 5 * 16]).isZero();
        for (float v : s.rgb()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void pascalRefusesAFolderWithoutImages() {
        assertThatThrownBy(() -> PascalDataset.open(dir, Split.TRAIN, false)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("JPEGImages").hasMessageContaining("VOCdevkit");
    }

    @Test
    void augmentationIsSeededAndFlipsNormals() {
        Fixtures.pascal(dir, 1, 1, 16, 12, 1);
        Sample s = PascalDataset.open(dir, Split.TRAIN, true).get(0);
        Sample a = Augmentation.train(s, 8, new SplittableRandom(5));
        Sample b = Augmentation.train(s, 8, new SplittableRandom(5));
        assertThat(a.rgb()).containsExactly(b.rgb());
        assertThat(a.semantic()).containsExactly(b.semantic());
        Sample e = Augmentation.eval(s, 8);
        assertThat(e.height()).isEqualTo(8);
        // A mirrored crop of the whole image: x normals change sign.
        Sample flipped = Augmentation.crop(withNormalX(s), 12, 16, 0, 0, 12, true);
        Sample straight = Augmentation.crop(withNormalX(s), 12, 16, 0, 0, 12, false);
        assertThat(flipped.normals()[3 * 12 + 11]).isEqualTo(-straight.normals()[3 * 12]);
    }

    private static Sample withNormalX(Sample s) {
        float[] n = new float[s.normals().length];
        int plane = s.height() * s.width();
        for (int i = 0; i < plane; i++) {
            n[i] = 0.6f;
            n[2 * plane + i] = 0.8f;
        }
        return new Sample(s.height(), s.width(), s.rgb(), s.semantic(), s.depth(), n);
    }

    @Test
    void batchesHaveTheTaskLayoutAndRepeatPerEpoch() {
        Fixtures.pascal(dir, 5, 1, 16, 12, 1);
        PascalDataset data = PascalDataset.open(dir, Split.TRAIN, true);
        DenseBatches batches = new DenseBatches(data, Task.EDGE, 8, 2, true, 9, 0, CNN2DFormat.NCHW, DataType.FLOAT);
        assertThat(batches.batchesPerEpoch()).as("5 images, batches of 2, last dropped").isEqualTo(2);
        MultiDataSet first = batches.next();
        assertThat(first.getFeatures(0).shape()).containsExactly(2, 3, 8, 8);
        assertThat(first.getLabels(0).shape()).containsExactly(2, 1, 8, 8);
        assertThat(first.getLabels(0).sumNumber().doubleValue()).as("Canny finds the block edges").isPositive();
        batches.next();
        assertThat(batches.hasNext()).isFalse();
        batches.setEpoch(0);
        assertThat(batches.next().getFeatures(0)).isEqualTo(first.getFeatures(0));
        batches.setEpoch(1);
        assertThat(batches.next().getFeatures(0)).isNotEqualTo(first.getFeatures(0));
        DenseBatches eval = new DenseBatches(data, Task.NORMALS, 8, 2, false, 9, 0, CNN2DFormat.NCHW,
                DataType.FLOAT);
        assertThat(eval.batchesPerEpoch()).isEqualTo(3);
        assertThat(eval.next().getLabels(0).shape()).containsExactly(2, 3, 8, 8);
    }
}
