package org.dds.training.model;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The runtime of {@link ShiftSum}: forward sums nine shifted channel blocks, backward scatters the gradient back. */
final class ShiftSumLayer extends AbstractLayer<ShiftSum> {

    ShiftSumLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // No parameters.
    }

    @Override
    public double calcRegularizationScore(boolean backpropOnlyParams) {
        return 0;
    }

    @Override
    public INDArray params() {
        return null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        ShiftSum c = layerConf();
        INDArray z = c.getFormat() == CNN2DFormat.NHWC ? input.permute(0, 3, 1, 2) : input;
        long n = z.size(0);
        long ch = z.size(1) / 9;
        long h = z.size(2);
        long w = z.size(3);
        INDArray y = workspaceMgr.create(ArrayType.ACTIVATIONS, z.dataType(), new long[] {n, ch, h, w}, 'c');
        for (int k = 0; k < 9; k++) {
            long dy = (long) (k / 3 - 1) * c.getRate();
            long dx = (long) (k % 3 - 1) * c.getRate();
            long r0 = Math.max(0, -dy);
            long r1 = Math.min(h, h - dy);
            long c0 = Math.max(0, -dx);
            long c1 = Math.min(w, w - dx);
            if (r0 >= r1 || c0 >= c1) {
                continue;
            }
            y.get(all(), all(), interval(r0, r1), interval(c0, c1)).addi(z.get(all(), interval(k * ch, (k + 1) * ch),
                    interval(r0 + dy, r1 + dy), interval(c0 + dx, c1 + dx)));
        }
        return c.getFormat() == CNN2DFormat.NHWC
                ? workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, y.permute(0, 2, 3, 1).dup('c')) : y;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        ShiftSum c = layerConf();
        INDArray e = c.getFormat() == CNN2DFormat.NHWC ? epsilon.permute(0, 3, 1, 2) : epsilon;
        long n = e.size(0);
        long ch = e.size(1);
        long h = e.size(2);
        long w = e.size(3);
        INDArray dz = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, e.dataType(), new long[] {n, 9 * ch, h, w}, 'c');
        for (int k = 0; k < 9; k++) {
            long dy = (long) (k / 3 - 1) * c.getRate();
            long dx = (long) (k % 3 - 1) * c.getRate();
            long r0 = Math.max(0, -dy);
            long r1 = Math.min(h, h - dy);
            long c0 = Math.max(0, -dx);
            long c1 = Math.min(w, w - dx);
            if (r0 >= r1 || c0 >= c1) {
                continue;
            }
            dz.get(all(), interval(k * ch, (k + 1) * ch), interval(r0 + dy, r1 + dy), interval(c0 + dx, c1 + dx))
                    .assign(e.get(all(), all(), interval(r0, r1), interval(c0, c1)));
        }
        INDArray out = c.getFormat() == CNN2DFormat.NHWC
                ? workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dz.permute(0, 2, 3, 1).dup('c')) : dz;
        return new Pair<>(new DefaultGradient(), out);
    }
}
