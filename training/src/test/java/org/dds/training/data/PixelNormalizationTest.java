package org.dds.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.dds.training.task.Task;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The input normalisations of torchvision and Keras (caffe mode), alone and in the batches. */
class PixelNormalizationTest {
    /** Float32 on values up to 255: 2^-24 x 255 is 1.5e-5; a few roundings. */
    private static final double FLOAT_0_255 = 1e-4;

    @TempDir
    Path dir;

    @Test
    void torchvisionIsTheFormulaThePipelineAlwaysUsed() {
        // The constants and float arithmetic DenseBatches and FeatureExtractor had before the normalisation was
        // a parameter: the same bits, so earlier runs resume bit for bit.
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        for (int c = 0; c < 3; c++) {
            for (float v : new float[] {0f, 0.1f, 0.5f, 37 / 255f, 1f}) {
                assertThat(PixelNormalization.TORCHVISION.apply(v, c)).as("channel %d, value %s", c, v)
                        .isEqualTo((v - mean[c]) / std[c]);
            }
        }
    }

    @Test
    void caffeSubtractsTheImageNetMeanOnTheByteScale() {
        // Keras preprocess_input(mode="caffe"): pixel in 0..255 minus 123.68 (R), 116.779 (G), 103.939 (B).
        assertThat((double) PixelNormalization.CAFFE.apply(1f, 0)).isCloseTo(255 - 123.68, within(FLOAT_0_255));
        assertThat((double) PixelNormalization.CAFFE.apply(0f, 1)).isCloseTo(-116.779, within(FLOAT_0_255));
        assertThat((double) PixelNormalization.CAFFE.apply(200 / 255f, 2)).isCloseTo(200 - 103.939,
                within(FLOAT_0_255));
        float[] planes = {1f, 0.5f, 0f};
        PixelNormalization.CAFFE.applyInPlace(planes, 1);
        assertThat((double) planes[1]).isCloseTo(127.5 - 116.779, within(FLOAT_0_255));
    }

    @Test
    void batchesUseTheNormalisationTheyAreGiven() {
        Fixtures.pascal(dir, 3, 1, 16, 12, 1);
        PascalDataset data = PascalDataset.open(dir, Split.TRAIN, true);
        INDArray torch = new DenseBatches(data, Task.EDGE, 8, 3, false, 9, 0, CNN2DFormat.NCHW, DataType.FLOAT)
                .next().getFeatures(0);
        INDArray caffe = new DenseBatches(data, Task.EDGE, 8, 3, false, 9, 0, CNN2DFormat.NCHW, DataType.FLOAT,
                PixelNormalization.CAFFE).next().getFeatures(0);
        double[] m = PixelNormalization.TORCHVISION.mean();
        double[] s = PixelNormalization.TORCHVISION.std();
        double[] caffeMean = {123.68, 116.779, 103.939};
        for (int c = 0; c < 3; c++) {
            // The same pixel v: torchvision (v - m) / s, caffe 255 v - mean.
            double[] t = torch.get(NDArrayIndex.all(),
                    NDArrayIndex.point(c)).dup('c').data().asDouble();
            double[] k = caffe.get(NDArrayIndex.all(),
                    NDArrayIndex.point(c)).dup('c').data().asDouble();
            for (int i = 0; i < t.length; i++) {
                assertThat(k[i]).as("channel %d value %d", c, i).isCloseTo(255 * (t[i] * s[c] + m[c])
                        - caffeMean[c], within(FLOAT_0_255));
            }
        }
    }
}
