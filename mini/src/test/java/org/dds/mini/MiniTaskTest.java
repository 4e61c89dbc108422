package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.dds.mini.Synthetic.at;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The task definitions on hand-made images: labels, one-hot layout, mask, rotation, shift, noise, randomness. */
class MiniTaskTest {
    private static final ImageSize SIZE = ImageSize.FASHION_MNIST;
    private static final int N = SIZE.width();

    @ParameterizedTest
    @EnumSource(MiniTask.class)
    void parseAcceptsTheCliNameInAnyCase(MiniTask task) {
        assertThat(MiniTask.parse(task.cliName())).isEqualTo(task);
        assertThat(MiniTask.parse(" " + task.cliName().toUpperCase(java.util.Locale.ROOT) + " ")).isEqualTo(task);
        assertThat(task.description(SIZE)).as("description of %s", task).isNotBlank().doesNotContain("\n");
    }

    @Test
    void parseNamesTheValidTasksWhenTheNameIsUnknown() {
        String valid = "expected one of class10, coarse4, autoencode, denoise, inpaint, edges, keypoints, rotation, "
                + "shift";
        assertThatThrownBy(() -> MiniTask.parse("clas10")).isInstanceOf(DdsInputException.class)
                .hasMessage("unknown Mini-Taskonomy task 'clas10': " + valid);
        assertThatThrownBy(() -> MiniTask.parse(null)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining(valid);
    }

    @Test
    void propertiesAreThoseOfTheSpecification() {
        // The table of the task definitions (families, kinds, sizes, inputs), written out by hand.
        assertThat(MiniTask.Family.SEMANTIC.label()).isEqualTo("semantic");
        assertThat(MiniTask.Family.TWO_D.label()).isEqualTo("2D");
        assertThat(MiniTask.Family.GEOMETRIC.label()).isEqualTo("geometric");
        assertThat(MiniTask.INPAINT.outputs(SIZE)).isEqualTo(196);
        assertThat(MiniTask.AUTOENCODE.outputs(SIZE)).isEqualTo(784);
        assertThat(MiniTask.SHIFT.outputs(SIZE)).isEqualTo(2);
        assertThat(MiniTask.ROTATION.kind()).isEqualTo(MiniTask.Kind.CLASSIFICATION);
        assertThat(MiniTask.DENOISE.input()).isEqualTo(MiniTask.Input.NOISY);
        assertThat(MiniTask.DENOISE.description(SIZE))
                .isEqualTo("denoising: input + Gaussian noise (sd 0.3), target the clean image");
    }

    @Test
    void coarseClassesGroupTheTenLabels() {
        // tops {0, 2, 3, 4, 6} -> 0, bottoms {1} -> 1, footwear {5, 7, 9} -> 2, bags {8} -> 3 (the definition).
        int[] expected = {0, 1, 0, 0, 0, 2, 0, 2, 3, 2};
        byte[] blank = new byte[N * N];
        byte[][] images = new byte[10][];
        Arrays.fill(images, blank);
        FashionMnist data = Synthetic.data(Synthetic.range(10), images);
        TaskSamples s = MiniTask.COARSE4.samples(data, Synthetic.range(10), 1);
        assertThat(s.classes()).as("coarse class of labels 0..9").containsExactly(expected);
        for (int label = 0; label < 10; label++) {
            assertThat(MiniTask.coarseClass(label)).as("coarseClass(%d)", label).isEqualTo(expected[label]);
        }
        assertThatThrownBy(() -> MiniTask.coarseClass(10)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("label 10 is outside 0..9");
    }

    @Test
    void classificationTargetsAreOneHotRows() {
        byte[] a = Synthetic.image((r, c) -> r == 3 ? 255 : 0);
        byte[] b = Synthetic.image((r, c) -> c);
        FashionMnist data = Synthetic.data(new int[] {3, 9, 0}, a, b, a);
        TaskSamples s = MiniTask.CLASS10.samples(data, new int[] {0, 1, 2}, 5);
        assertThat(s.classes()).containsExactly(3, 9, 0);
        // Sample k occupies targets[10 k .. 10 k + 9]; the label's position holds 1, the others 0.
        float[] expected = new float[30];
        expected[3] = 1;
        expected[10 + 9] = 1;
        expected[20] = 1;
        assertThat(s.targets()).containsExactly(expected);
        // The input is the image, grey / 255.
        assertThat(at(s.input(1), 0, 27)).isEqualTo(27 / 255f);
        assertThat(s.input(0)).containsExactly(data.images().image(0));
    }

    @ParameterizedTest
    @EnumSource(MiniTask.class)
    void samplesHaveTheDeclaredLayout(MiniTask task) {
        FashionMnist data = Synthetic.varied(12);
        TaskSamples s = task.samples(data, new int[] {4, 0, 11}, 9);
        assertThat(s.task()).isEqualTo(task);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.inputs()).hasSize(3 * 784);
        assertThat(s.targets()).hasSize(3 * task.outputs(SIZE));
        assertThat(s.size()).isEqualTo(SIZE);
        assertThat(s.classes() == null).as("classes only for classification").isEqualTo(
                task.kind() == MiniTask.Kind.REGRESSION);
        for (float v : s.inputs()) {
            assertThat(v).as("input of %s", task).isBetween(0f, 1f);
        }
        float low = task == MiniTask.SHIFT ? -1f : 0f;
        for (float v : s.targets()) {
            assertThat(v).as("target of %s", task).isBetween(low, 1f);
        }
        assertThat(task.samples(data, new int[0], 9).count()).isZero();
    }

    @Test
    void autoencodeTargetsTheImage() {
        FashionMnist data = Synthetic.varied(2);
        TaskSamples s = MiniTask.AUTOENCODE.samples(data, new int[] {1}, 0);
        assertThat(s.target(0)).containsExactly(data.images().image(1));
        assertThat(s.input(0)).containsExactly(data.images().image(1));
    }

    @Test
    void inpaintZeroesTheCentreSquareAndTargetsIt() {
        // Grey level (r * 28 + c) mod 251 tells each pixel's position; 251 is prime, so the 196 patch values
        // below are distinct.
        byte[] image = Synthetic.image((r, c) -> (r * N + c) % 251);
        TaskSamples s = MiniTask.INPAINT.samples(Synthetic.copies(1, image), new int[] {0}, 0);
        float[] in = s.input(0);
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                boolean masked = r >= 7 && r <= 20 && c >= 7 && c <= 20;
                float expected = masked ? 0f : ((r * N + c) % 251) / 255f;
                assertThat(at(in, r, c)).as("input (%d, %d)", r, c).isEqualTo(expected);
            }
        }
        float[] patch = s.target(0);
        assertThat(patch).hasSize(196);
        // Row-major patch: entry i * 14 + j is pixel (7 + i, 7 + j).
        assertThat(patch[0]).isEqualTo((7 * N + 7) % 251 / 255f);
        assertThat(patch[13]).isEqualTo((7 * N + 20) % 251 / 255f);
        assertThat(patch[14]).isEqualTo((8 * N + 7) % 251 / 255f);
        assertThat(patch[195]).isEqualTo((20 * N + 20) % 251 / 255f);
    }

    @Test
    void rotationTurnsCounterClockwiseByTheClass() {
        // Two marks on row 2: (2, 5) = 1 and (2, 6) = 128 / 255, so no quarter turn maps the image onto itself.
        // A counter-clockwise quarter turn as displayed (row 0 on top) sends (r, c) to (27 - c, r): the top-right
        // corner (0, 27) goes to the top-left (0, 0). Applying it k times, by hand:
        // k = 1: (2, 5) -> (22, 2), (2, 6) -> (21, 2); k = 2: (25, 22), (25, 21); k = 3: (5, 25), (6, 25).
        int[][][] marks = {{{2, 5}, {2, 6}}, {{22, 2}, {21, 2}}, {{25, 22}, {25, 21}}, {{5, 25}, {6, 25}}};
        byte[] image = Synthetic.image((r, c) -> r == 2 && c == 5 ? 255 : r == 2 && c == 6 ? 128 : 0);
        TaskSamples s = MiniTask.ROTATION.samples(Synthetic.copies(64, image), Synthetic.range(64), 3);
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < s.count(); k++) {
            int turns = s.classes()[k];
            seen.add(turns);
            float[] in = s.input(k);
            assertThat(at(in, marks[turns][0][0], marks[turns][0][1])).as("first mark, %d turns", turns).isEqualTo(1f);
            assertThat(at(in, marks[turns][1][0], marks[turns][1][1])).as("second mark, %d turns", turns)
                    .isEqualTo(128 / 255f);
            double sum = 0;
            for (float v : in) {
                sum += v;
            }
            assertThat(sum).as("nothing else is lit").isCloseTo(1 + 128 / 255.0, within(1e-6));
            float[] oneHot = new float[4];
            oneHot[turns] = 1;
            assertThat(s.target(k)).containsExactly(oneHot);
        }
        assertThat(seen).as("64 draws reach all four rotations").containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void rotationsAreUniform() {
        // 4000 draws: each count is 1000 +- 27 (binomial sd); 150 is 5.5 sd.
        TaskSamples s = MiniTask.ROTATION.samples(Synthetic.copies(4000, new byte[N * N]), Synthetic.range(4000), 8);
        int[] counts = new int[4];
        for (int k : s.classes()) {
            counts[k]++;
        }
        for (int k = 0; k < 4; k++) {
            assertThat(counts[k]).as("draws of %d quarter turns", k).isBetween(850, 1150);
        }
    }

    @Test
    void shiftMovesRightAndDownWithZeroFill() {
        byte[] dot = Synthetic.image((r, c) -> r == 10 && c == 12 ? 255 : 0);
        byte[] white = Synthetic.image((r, c) -> 255);
        int count = 300;
        byte[][] images = new byte[count][];
        for (int i = 0; i < count; i++) {
            images[i] = i % 2 == 0 ? dot : white;
        }
        TaskSamples s = MiniTask.SHIFT.samples(Synthetic.data(new int[count], images), Synthetic.range(count), 11);
        Set<Integer> dxs = new HashSet<>();
        Set<Integer> dys = new HashSet<>();
        for (int k = 0; k < count; k++) {
            float[] t = s.target(k);
            int dx = Math.round(4 * t[0]);
            int dy = Math.round(4 * t[1]);
            assertThat(t).as("targets are dx / 4 and dy / 4").containsExactly(dx / 4f, dy / 4f);
            assertThat(dx).isBetween(-4, 4);
            assertThat(dy).isBetween(-4, 4);
            dxs.add(dx);
            dys.add(dy);
            float[] in = s.input(k);
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    // Output (r, c) shows source (r - dy, c - dx): the dot lands on (10 + dy, 12 + dx); the white
                    // image stays 1 where the source is inside the image and is 0-filled elsewhere.
                    boolean inside = r - dy >= 0 && r - dy < N && c - dx >= 0 && c - dx < N;
                    float expected = k % 2 == 0 ? (r == 10 + dy && c == 12 + dx ? 1f : 0f) : (inside ? 1f : 0f);
                    assertThat(at(in, r, c)).as("sample %d (dx %d, dy %d) at (%d, %d)", k, dx, dy, r, c)
                            .isEqualTo(expected);
                }
            }
        }
        assertThat(dxs).as("300 draws reach every dx").hasSize(9);
        assertThat(dys).as("300 draws reach every dy").hasSize(9);
    }

    @Test
    void denoiseAddsClippedGaussianNoise() {
        // On a black image the input is max(0, 0.3 z): half the pixels are exactly 0 and the mean is
        // 0.3 E[max(0, z)] = 0.3 / sqrt(2 pi) = 0.119683; on a white image it mirrors to 1 - 0.119683.
        // 40 images x 784 pixels: sd of the zero fraction 0.0028, of the mean 0.3 * 0.584 / 177 = 0.001.
        int count = 40;
        byte[][] images = new byte[count][];
        for (int i = 0; i < count; i++) {
            images[i] = Synthetic.image((r, c) -> 0);
        }
        images[1] = Synthetic.image((r, c) -> 255);
        double expectedMean = 0.3 / Math.sqrt(2 * Math.PI);
        TaskSamples s = MiniTask.DENOISE.samples(Synthetic.data(new int[count], images), Synthetic.range(count), 4);
        double sum = 0;
        int zeros = 0;
        for (int k = 0; k < count; k++) {
            if (k == 1) {
                continue;
            }
            for (float v : s.input(k)) {
                sum += v;
                zeros += v == 0f ? 1 : 0;
            }
            assertThat(s.target(k)).as("target is the clean image").containsOnly(0f);
        }
        int pixels = (count - 1) * 784;
        assertThat(sum / pixels).isCloseTo(expectedMean, within(0.005));
        assertThat(zeros / (double) pixels).isCloseTo(0.5, within(0.015));
        double white = 0;
        for (float v : s.input(1)) {
            white += v;
        }
        // One image: sd of the mean 0.3 * 0.584 / 28 = 0.0063.
        assertThat(white / 784).isCloseTo(1 - expectedMean, within(0.03));
        assertThat(s.input(0)).as("copies at different indices get different noise").isNotEqualTo(s.input(2));
    }

    @Test
    void normalDeviatesHaveUnitVariance() {
        // 200,000 standard normals: sd of the mean 0.0022, of the variance sqrt(2 / 2e5) = 0.0032, of the
        // fraction in [-1, 1] (0.682689, erf(1 / sqrt 2)) 0.001.
        TaskRandom random = new TaskRandom(1, MiniTask.DENOISE, 0);
        int n = 200_000;
        double sum = 0;
        double squares = 0;
        int inside = 0;
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            sum += z;
            squares += z * z;
            inside += Math.abs(z) <= 1 ? 1 : 0;
        }
        assertThat(sum / n).isCloseTo(0, within(0.012));
        assertThat(squares / n - (sum / n) * (sum / n)).isCloseTo(1, within(0.016));
        assertThat(inside / (double) n).isCloseTo(0.682689, within(0.005));
    }

    @ParameterizedTest
    @EnumSource(MiniTask.class)
    void anImageGetsTheSameSampleInAnySubsetAndOrder(MiniTask task) {
        // 1300 images span three parallel work units of 512.
        FashionMnist data = Synthetic.varied(1300);
        TaskSamples all = task.samples(data, Synthetic.range(1300), 42);
        int[] subset = {1299, 700, 3, 700, 511, 512};
        TaskSamples some = task.samples(data, subset, 42);
        for (int j = 0; j < subset.length; j++) {
            assertThat(some.input(j)).as("input of image %d", subset[j]).containsExactly(all.input(subset[j]));
            assertThat(some.target(j)).as("target of image %d", subset[j]).containsExactly(all.target(subset[j]));
        }
        TaskSamples again = task.samples(data, Synthetic.range(1300), 42);
        assertThat(again.inputs()).isEqualTo(all.inputs());
        assertThat(again.targets()).isEqualTo(all.targets());
        TaskSamples otherSeed = task.samples(data, Synthetic.range(1300), 43);
        boolean random = task == MiniTask.DENOISE || task == MiniTask.ROTATION || task == MiniTask.SHIFT;
        assertThat(Arrays.equals(otherSeed.inputs(), all.inputs())).as("another seed changes only random tasks")
                .isEqualTo(!random);
    }

    @Test
    void refusesBadIndicesLabelsAndImageSizes() {
        FashionMnist data = Synthetic.varied(3);
        assertThatThrownBy(() -> MiniTask.EDGES.samples(data, new int[] {0, 5}, 1))
                .isInstanceOf(DdsInputException.class)
                .hasMessage("image index 5 (position 1 of the indices) is outside the 3 images of the data set: "
                        + "pass indices 0..2");
        assertThatThrownBy(() -> MiniTask.EDGES.samples(data, new int[] {-1}, 1))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("image index -1");
        FashionMnist badLabel = Synthetic.data(new int[] {12}, new byte[N * N]);
        assertThatThrownBy(() -> MiniTask.CLASS10.samples(badLabel, new int[] {0}, 1))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("label 12 of image 0 is outside 0..9");
        assertThat(MiniTask.AUTOENCODE.samples(badLabel, new int[] {0}, 1).count())
                .as("regression tasks ignore the labels").isOne();
        FashionMnist oblong = new FashionMnist(new IdxImages.Images(1, 27, 28, new byte[27 * 28]), new int[1]);
        assertThat(MiniTask.CLASS10.samples(oblong, new int[] {0}, 1).inputs()).as("any size").hasSize(27 * 28);
        assertThatThrownBy(() -> MiniTask.ROTATION.samples(oblong, new int[] {0}, 1))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("task 'rotation' needs square images but the data set has 27 x 28");
        FashionMnist tiny = new FashionMnist(new IdxImages.Images(1, 4, 4, new byte[16]), new int[1]);
        assertThatThrownBy(() -> MiniTask.CLASS10.samples(tiny, new int[] {0}, 1))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("images of 4 x 4 pixels cannot be used");
    }

    @Test
    void taskSamplesValidateTheirLengths() {
        assertThatThrownBy(() -> new TaskSamples(MiniTask.SHIFT, SIZE, 2, new float[2 * 784], new float[3], null))
                .isInstanceOf(DdsInputException.class)
                .hasMessage("samples of task 'shift' have 3 targets where 4 are needed: pass count * 2 values");
        assertThatThrownBy(() -> new TaskSamples(MiniTask.SHIFT, SIZE, 1, new float[784], new float[2], new int[1]))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("pass null for a regression task");
        assertThatThrownBy(() -> new TaskSamples(MiniTask.ROTATION, SIZE, 1, new float[784], new float[4], null))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("have no classes for 1 samples");
        assertThatThrownBy(() -> new TaskSamples(MiniTask.ROTATION, SIZE, 1, new float[784], new float[4],
                new int[] {4}))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("class 4 of sample 0");
        assertThatThrownBy(() -> new TaskSamples(MiniTask.ROTATION, SIZE, 1, new float[783], new float[4], new int[1]))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("have 783 inputs where 784 are needed");
        TaskSamples ok = new TaskSamples(MiniTask.ROTATION, SIZE, 1, new float[784], new float[4], new int[1]);
        assertThatThrownBy(() -> ok.input(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ok).hasToString("TaskSamples(task=rotation, size=28 x 28, count=1)");
    }
}
