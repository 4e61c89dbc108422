package org.dds.training.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every metric on cases computed by hand (the calculation is in each test's comment). */
class MetricsTest {
    private static final double EXACT = 1e-9;

    private static INDArray nchw(int c, float... v) {
        return Nd4j.create(v, new long[] {1, c, 1, v.length / c});
    }

    @Test
    void edgeMaeAveragesOverAllPixels() {
        // |0.9 - 1| + |0.2 - 0| + |0.5 - 1| + |0 - 0| = 0.1 + 0.2 + 0.5 + 0 = 0.8, over 4 pixels = 0.2.
        Metric m = Metric.of(Task.EDGE, 0);
        m.add(nchw(1, 0.9f, 0.2f), nchw(1, 1, 0));
        m.add(nchw(1, 0.5f, 0f), nchw(1, 1, 0));
        assertThat(m.value()).isCloseTo(0.2, within(1e-7));
    }

    @Test
    void meanAngleSkipsUnknownNormals() {
        // Pixel 1: (2,0,0) vs (1,0,0) -> 0 deg; pixel 2: (0,1,0) vs (1,0,0) -> 90 deg; pixel 3: (1,1,0) vs (1,0,0)
        // -> 45 deg; pixel 4: label (0,0,0) is unknown. Mean (0 + 90 + 45) / 3 = 45.
        // Channels first: x components, then y, then z.
        Metric m = Metric.of(Task.NORMALS, 0);
        m.add(nchw(3, 2, 0, 1, 5, 0, 1, 1, 5, 0, 0, 0, 5), nchw(3, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(m.value()).isCloseTo(45, within(1e-5));
    }

    @Test
    void logRmseSkipsMissingDepth() {
        // Predicted log depth (0, ln 2 + 0.3, 7) against depth (1, 2, 0): errors 0 and 0.3, the third pixel has no
        // depth. sqrt((0 + 0.09) / 2) = sqrt(0.045) = 0.21213203...
        Metric m = Metric.of(Task.DEPTH, 0);
        m.add(nchw(1, 0f, (float) (Math.log(2) + 0.3), 7f), nchw(1, 1, 2, 0));
        assertThat(m.value()).isCloseTo(Math.sqrt(0.045), within(1e-6));
    }

    @Test
    void meanIouOverPresentClassesIgnoring255() {
        // 3 classes; truth (0, 0, 1, 1, 255), predicted arg-max (0, 1, 1, 1, 2). Ignoring the last pixel:
        // class 0: TP 1, FN 1, FP 0 -> 1/2; class 1: TP 2, FP 1, FN 0 -> 2/3; class 2 absent from both -> skipped.
        // mIoU = (1/2 + 2/3) / 2 = 7/12.
        Metric m = Metric.of(Task.SEMANTIC, 3);
        INDArray scores = nchw(3,
                5, 0, 0, 0, 0,
                0, 5, 5, 5, 0,
                0, 0, 0, 0, 5);
        m.add(scores, nchw(1, 0, 0, 1, 1, 255));
        assertThat(m.value()).isCloseTo(7.0 / 12.0, within(EXACT));
    }

    @Test
    void emptyEvaluationIsAnErrorNotNaN() {
        Metric m = Metric.of(Task.DEPTH, 0);
        m.add(nchw(1, 1f), nchw(1, 0));
        assertThatThrownBy(m::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("no valid pixel");
        Metric iou = Metric.of(Task.SEMANTIC, 2);
        iou.add(nchw(2, 1, 0), nchw(1, 255));
        assertThatThrownBy(iou::value).hasMessageContaining("255");
    }
}
