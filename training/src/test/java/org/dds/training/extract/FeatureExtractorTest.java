package org.dds.training.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.io.FeatureReader;
import org.dds.training.model.ResNetSpec;
import org.dds.training.weights.KerasFiles;
import org.dds.training.weights.StateDicts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracted block features load through dds-core's FeatureReader, in block order, one row per image. */
class FeatureExtractorTest {
    @TempDir
    Path dir;

    @Test
    void writesBlocksThatDdsCoreReads() throws Exception {
        StateDicts.write(dir.resolve("w.npz"), StateDicts.stateDict(StateDicts.NARROW_50), 1);
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int k = 0; k < 3; k++) {
            BufferedImage img = new BufferedImage(40 + k, 36, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 40 + k; x++) {
                    img.setRGB(x, y, (x * 6 + k * 40) << 16 | y * 7 << 8 | (x + y) % 256);
                }
            }
            ImageIO.write(img, "png", images.resolve("img" + k + ".png").toFile());
        }
        Path out = dir.resolve("features");
        FeatureExtractor.extract(StateDicts.NARROW_50, dir.resolve("w.npz"), images, List.of(1, 3), 32,
                FeatureExtractor.Pooling.NONE, out, s -> { });
        FeatureSet maps = FeatureReader.read(out);
        assertThat(maps.names()).containsExactly("block1", "block3");
        // 32 px -> stem /4 -> 8 x 8 x 16 channels (4 x 4) in block 1; 2 x 2 x 64 in block 3.
        assertThat(maps.get("block1").rows()).isEqualTo(3);
        assertThat(maps.get("block1").cols()).isEqualTo(8 * 8 * 16);
        assertThat(maps.get("block3").cols()).isEqualTo(2 * 2 * 64);

        Path pooled = dir.resolve("pooled");
        FeatureExtractor.extract(StateDicts.NARROW_50, dir.resolve("w.npz"), images, List.of(4), 32,
                FeatureExtractor.Pooling.GLOBAL, pooled, s -> { });
        assertThat(FeatureReader.read(pooled).get("block4").cols()).isEqualTo(128);
    }

    /** Keras weights (.h5, the test writes them) give the same block shapes through the Keras variant. */
    @Test
    void readsKerasWeightsByExtension() throws Exception {
        KerasFiles.write(dir.resolve("w.h5"), KerasFiles.resnet(StateDicts.NARROW_50.withDownsampling(
                ResNetSpec.Downsampling.ON_1X1), false), 2);
        Path images = Files.createDirectories(dir.resolve("images"));
        BufferedImage img = new BufferedImage(40, 36, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 36; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, x * 6 << 16 | y * 7 << 8 | (x + y) % 256);
            }
        }
        ImageIO.write(img, "png", images.resolve("a.png").toFile());
        Path out = dir.resolve("keras");
        // The spec says torchvision; the extractor switches it to the Keras variant the .h5 needs.
        FeatureExtractor.extract(StateDicts.NARROW_50, dir.resolve("w.h5"), images, List.of(2, 4), 32,
                FeatureExtractor.Pooling.NONE, out, s -> { });
        FeatureSet maps = FeatureReader.read(out);
        // 32 px: block 2 at stride 8 -> 4 x 4 x 32 (8 x 4); block 4 at stride 32 -> 1 x 1 x 128.
        assertThat(maps.get("block2").cols()).isEqualTo(4 * 4 * 32);
        assertThat(maps.get("block4").cols()).isEqualTo(128);
    }

    @Test
    void refusesAFolderWithoutImages() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> FeatureExtractor.extract(StateDicts.NARROW_50, dir.resolve("w.npz"), empty,
                List.of(1), 32, FeatureExtractor.Pooling.NONE, dir.resolve("o"), s -> { }))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("no .jpg or .png");
    }
}
