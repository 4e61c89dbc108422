package org.dds.training.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The runtime of {@link BilinearResize}: forward {@code Y = A_h X A_w^T} and backward {@code dX = A_h^T dY A_w} per
 * image and channel, each as two large matrix products over the whole batch.
 */
final class BilinearResizeLayer extends AbstractLayer<BilinearResize> {
    private INDArray heightMatrix;
    private INDArray widthMatrix;

    BilinearResizeLayer(NeuralNetConfiguration conf, DataType dataType) {
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
        BilinearResize c = layerConf();
        INDArray x = toNchw(input, c.getFormat());
        INDArray y = apply(x, matrices(x.dataType()), c.getInHeight(), c.getInWidth(), c.getOutHeight(),
                c.getOutWidth(), false);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, fromNchw(y, c.getFormat()));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        BilinearResize c = layerConf();
        INDArray dy = toNchw(epsilon, c.getFormat());
        INDArray dx = apply(dy, matrices(dy.dataType()), c.getOutHeight(), c.getOutWidth(), c.getInHeight(),
                c.getInWidth(), true);
        INDArray out = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, fromNchw(dx, c.getFormat()));
        return new Pair<>(new DefaultGradient(), out);
    }

    /**
     * Resizes an NCHW batch from h x w to H x W with the matrices {@code ah} (H x h) and {@code aw} (W x w), or
     * with their transposes when {@code transposed} (then h x w is the output side of the matrices).
     */
    private static INDArray apply(INDArray x, INDArray[] m, int h, int w, int outH, int outW, boolean transposed) {
        long n = x.size(0);
        long ch = x.size(1);
        INDArray ah = transposed ? m[0].transpose() : m[0];
        INDArray aw = transposed ? m[1].transpose() : m[1];
        // Along w: rows over (n, c, h) times aw^T (w x outW).
        INDArray t = x.dup('c').reshape('c', n * ch * h, w).mmul(aw.transpose());
        // Along h: bring h to the front, ah (outH x h) times (h, n*c*outW).
        INDArray hFirst = t.reshape('c', n * ch, h, outW).permute(1, 0, 2).dup('c').reshape('c', h, n * ch * outW);
        INDArray y = ah.mmul(hFirst).reshape('c', outH, n * ch, outW).permute(1, 0, 2).dup('c');
        return y.reshape('c', n, ch, outH, outW);
    }

    private INDArray[] matrices(DataType type) {
        if (heightMatrix == null || heightMatrix.dataType() != type) {
            BilinearResize c = layerConf();
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                heightMatrix = BilinearResize.matrix(c.getInHeight(), c.getOutHeight()).castTo(type).dup('c');
                widthMatrix = BilinearResize.matrix(c.getInWidth(), c.getOutWidth()).castTo(type).dup('c');
            }
        }
        return new INDArray[] {heightMatrix, widthMatrix};
    }

    private static INDArray toNchw(INDArray a, CNN2DFormat format) {
        return format == CNN2DFormat.NHWC ? a.permute(0, 3, 1, 2) : a;
    }

    private static INDArray fromNchw(INDArray a, CNN2DFormat format) {
        return format == CNN2DFormat.NHWC ? a.permute(0, 2, 3, 1).dup('c') : a;
    }
}
