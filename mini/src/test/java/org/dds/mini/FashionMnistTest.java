package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on files the test writes in the (Fashion-)MNIST format, gzipped and plain, and broken ones. */
class FashionMnistTest {

    @TempDir
    Path dir;

    private static byte[] images(int magic, int count, int rows, int cols, int bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < bytes; i++) {
            out.writeByte(i % 256);
        }
        return b.toByteArray();
    }

    private static byte[] labels(int count, int... values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(IdxImages.LABELS_MAGIC);
        out.writeInt(count);
        for (int v : values) {
            out.writeByte(v);
        }
        return b.toByteArray();
    }

    private void write(String name, byte[] data, boolean gz) throws IOException {
        try (OutputStream out = gz ? new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".gz")))
                : Files.newOutputStream(dir.resolve(name))) {
            out.write(data);
        }
    }

    @Test
    void readsGzippedAndPlainFiles() throws IOException {
        write("train-images-idx3-ubyte", images(IdxImages.IMAGES_MAGIC, 3, 2, 2, 12), true);
        write("train-labels-idx1-ubyte", labels(3, 9, 0, 255), false);
        FashionMnist data = FashionMnist.load(dir, "train", 10);
        assertThat(data.images().count()).isEqualTo(3);
        assertThat(data.labels()).containsExactly(9, 0, 255);
        // Pixel bytes 4..7 of image 1, scaled by 1/255.
        assertThat(data.images().image(1)).containsExactly(4 / 255f, 5 / 255f, 6 / 255f, 7 / 255f);
        assertThat(FashionMnist.load(dir, "train", 2).images().count()).isEqualTo(2);
    }

    @Test
    void refusesWrongMagicTruncationAndMissingFiles() throws IOException {
        write("t10k-images-idx3-ubyte", images(0x00000801, 3, 2, 2, 12), false);
        write("t10k-labels-idx1-ubyte", labels(3, 1, 2, 3), false);
        assertThatThrownBy(() -> FashionMnist.load(dir, "t10k", 10)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("is not an IDX image file (magic 0x801, expected 0x803)");
        byte[] full = images(IdxImages.IMAGES_MAGIC, 3, 2, 2, 12);
        write("t10k-images-idx3-ubyte", Arrays.copyOf(full, full.length - 5), false);
        assertThatThrownBy(() -> FashionMnist.load(dir, "t10k", 10)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("ends before the 3 images of 2 x 2 its header declares");
        assertThatThrownBy(() -> FashionMnist.load(dir.resolve("nowhere"), "train", 10))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    @Test
    void imagesAndLabelsMustMatch() throws IOException {
        write("train-images-idx3-ubyte", images(IdxImages.IMAGES_MAGIC, 3, 2, 2, 12), false);
        write("train-labels-idx1-ubyte", labels(2, 1, 2), false);
        assertThatThrownBy(() -> FashionMnist.load(dir, "train", 10)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("3 images but 2 labels");
    }

    @Test
    void readsTheInstalledDataset() {
        Path installed = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(installed), () -> {
            System.out.println("skipped: " + installed + " is missing (apt-get install dataset-fashion-mnist)");
            return "Fashion-MNIST is not installed";
        });
        FashionMnist train = FashionMnist.load(null, "train", 60000);
        assertThat(train.images().count()).isEqualTo(60000);
        assertThat(train.images().rows()).isEqualTo(28);
        // First labels of the files, printed by: python3 -c "import gzip; print(list(gzip.open(
        // '/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz').read()[8:18]))"
        assertThat(Arrays.copyOf(train.labels(), 10)).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(Arrays.copyOf(FashionMnist.load(null, "t10k", 10).labels(), 10))
                .containsExactly(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
    }
}
