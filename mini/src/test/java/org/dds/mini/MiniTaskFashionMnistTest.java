package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every task on the first 100 installed Fashion-MNIST test images: finite values in range, valid one-hot rows. */
class MiniTaskFashionMnistTest {
    private static FashionMnist data;

    @BeforeAll
    static void load() {
        Path installed = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Assumptions.assumeTrue(Files.isDirectory(installed), () -> {
            System.out.println("skipped: " + installed + " is missing (apt-get install dataset-fashion-mnist)");
            return "Fashion-MNIST is not installed";
        });
        data = FashionMnist.load(installed, "t10k", 100);
    }

    @ParameterizedTest
    @EnumSource(MiniTask.class)
    void valuesAreFiniteAndInRange(MiniTask task) {
        TaskSamples s = task.samples(data, Synthetic.range(100), 2024);
        assertThat(s.count()).isEqualTo(100);
        for (float v : s.inputs()) {
            assertThat(v).as("input of %s", task).isBetween(0f, 1f);
        }
        // SHIFT's targets are dx / 4 and dy / 4 in [-1, 1]; every other target lies in [0, 1] by definition.
        float low = task == MiniTask.SHIFT ? -1f : 0f;
        double sum = 0;
        for (float v : s.targets()) {
            assertThat(Float.isFinite(v)).as("target of %s is finite", task).isTrue();
            assertThat(v).as("target of %s", task).isBetween(low, 1f);
            sum += Math.abs(v);
        }
        assertThat(sum).as("targets of %s are not all 0", task).isPositive();
        if (task.kind() == MiniTask.Kind.CLASSIFICATION) {
            for (int k = 0; k < s.count(); k++) {
                float[] t = s.target(k);
                assertThat(t[s.classes()[k]]).as("one-hot row %d of %s", k, task).isEqualTo(1f);
                double rowSum = 0;
                for (float v : t) {
                    rowSum += v;
                }
                assertThat(rowSum).as("one-hot row %d of %s", k, task).isEqualTo(1.0);
            }
        }
        if (task == MiniTask.KEYPOINTS) {
            // Each image's map is divided by its own maximum (every real image has a corner): max 1 per image.
            for (int k = 0; k < s.count(); k++) {
                float max = 0;
                for (float v : s.target(k)) {
                    max = Math.max(max, v);
                }
                assertThat(max).as("largest keypoint value of image %d", k).isEqualTo(1f);
            }
        }
    }
}
