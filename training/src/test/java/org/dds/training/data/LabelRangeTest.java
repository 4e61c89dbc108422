package org.dds.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 10 (input half): out-of-range training labels (77 for Pascal's 21 classes, a raw NYUv2 label
 * beyond the 894 of the class mapping) were silently turned into "ignore" (255); they are now refused naming the
 * file, the pixel and the range. The documented ignore values (255 in Pascal, 0 = unlabelled in NYUv2) stay
 * ignored.
 */
class LabelRangeTest {
    @TempDir
    Path dir;

    @Test
    void pascalRefusesAClassBeyondItsTwentyOne() throws IOException {
        Path root = Fixtures.pascal(dir, 1, 1, 16, 12, 1);
        Path png = root.resolve("SegmentationClass").resolve("2008_000000.png");
        BufferedImage sem = ImageIO.read(png.toFile());
        sem.getRaster().setSample(5, 3, 0, 77);
        ImageIO.write(sem, "png", png.toFile());
        PascalDataset train = PascalDataset.open(dir, Split.TRAIN, false);
        assertThatThrownBy(() -> train.get(0))
                .isExactlyInstanceOf(DdsInputException.class)
                .hasMessageContaining(png.toString())
                .hasMessageContaining("class 77 at pixel (5, 3)")
                .hasMessageContaining("0..20");
        // The border value 255 (row 0 of the fixture) is still read as "ignore".
        assertThat(PascalDataset.open(dir, Split.VAL, false).get(0).semantic()[0]).isEqualTo(255);
    }

    @Test
    void nyuRefusesARawLabelBeyondTheMapping() {
        Fixtures.nyu(dir, 2, 6, 4, new int[] {1}, new int[] {2},
                (n, x, y) -> n == 0 && x == 2 && y == 1 ? 900 : Fixtures.nyuLabel(n, x, y));
        try (NyuV2Dataset train = NyuV2Dataset.open(dir, Split.TRAIN);
                NyuV2Dataset val = NyuV2Dataset.open(dir, Split.VAL)) {
            assertThatThrownBy(() -> train.get(0))
                    .isExactlyInstanceOf(DdsInputException.class)
                    .hasMessageContaining("label 900 at pixel (2, 1)")
                    .hasMessageContaining("894");
            assertThat(val.get(0).semantic()[0]).as("0 = unlabelled, ignored").isEqualTo(255);
        }
    }
}
