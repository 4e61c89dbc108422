package org.dds.training.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The runtime of {@link FastBatchNorm}. Works on T, the channels x (N H W) matrix of the batch (one transposing copy
 * for NCHW), where every statistic is a contiguous row reduction and every per-channel scale a column broadcast.
 * Backward, with xhat the normalised input and dy the incoming gradient (after the ReLU mask):
 * {@code dbeta = sum dy}, {@code dgamma = sum dy xhat},
 * {@code dx = gamma / std (dy - dbeta / M - xhat dgamma / M)} over the M = N H W pixels of each channel.
 *
 * <p>Float32 NCHW batches in contiguous memory (every training batch of the default {@link NetworkOptions}) take
 * {@link ChannelLoops} instead: the same arithmetic as plain Java loops over the channels of each image, without the
 * transposing copies. Measured on the Mini-Taskonomy network (JFR, 2 cores), the ND4J version spent as long in
 * batch norm (its copies, scalar-along-dimension and statistics ops) as in the convolutions' backward pass.
 */
final class FastBatchNormLayer extends BatchNormalization {
    private INDArray batchMean;
    private INDArray batchInvStd;
    /** The batch statistics of the last training forward pass of {@link ChannelLoops}, null after any other. */
    private double[] fastMean;
    private double[] fastInvStd;

    FastBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        FastBatchNorm c = (FastBatchNorm) layerConf();
        if (ChannelLoops.applies(input, c)) {
            return activateLoops(training, workspaceMgr, c);
        }
        fastMean = null;
        INDArray t = toChannelRows(input, c.getCnn2DFormat());
        long channels = t.size(0);
        long m = t.size(1);
        INDArray gamma = getParam(BatchNormalizationParamInitializer.GAMMA).reshape(channels, 1);
        INDArray beta = getParam(BatchNormalizationParamInitializer.BETA).reshape(channels, 1);
        INDArray mean;
        INDArray invStd;
        if (training) {
            // Two reading passes for the statistics, one scale-and-shift pass: y = a x + b per channel.
            mean = t.mean(true, 1);
            INDArray var = t.var(false, 1).reshape(channels, 1);
            invStd = Transforms.pow(var.add(c.getEps()), -0.5, false);
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                batchMean = mean.dup();
                batchInvStd = invStd.dup();
            }
            INDArray runMean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(channels, 1);
            INDArray runVar = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(channels, 1);
            double d = c.getDecay();
            runMean.muli(d).addi(mean.mul(1 - d));
            runVar.muli(d).addi(var.mul((1 - d) * m / Math.max(1.0, m - 1.0)));
        } else {
            mean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(channels, 1);
            invStd = Transforms.pow(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(channels, 1)
                    .add(c.getEps()), -0.5, false);
        }
        INDArray scale = gamma.mul(invStd);
        t.muliColumnVector(scale).addiColumnVector(beta.sub(mean.mul(scale)));
        if (c.getActivationFn() instanceof ActivationReLU) {
            Transforms.relu(t, false);
        } else {
            t = c.getActivationFn().getActivation(t, training);
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, fromChannelRows(t, input, c.getCnn2DFormat()));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        FastBatchNorm c = (FastBatchNorm) layerConf();
        if (fastMean != null && ChannelLoops.applies(input, c) && ChannelLoops.applies(epsilon, c)) {
            return backpropLoops(epsilon, workspaceMgr, c);
        }
        CNN2DFormat format = c.getCnn2DFormat();
        INDArray xhat = toChannelRows(input, format);
        long channels = xhat.size(0);
        double m = xhat.size(1);
        INDArray gamma = getParam(BatchNormalizationParamInitializer.GAMMA).reshape(channels, 1);
        INDArray beta = getParam(BatchNormalizationParamInitializer.BETA).reshape(channels, 1);
        INDArray mean = batchMean.castTo(xhat.dataType());
        INDArray invStd = batchInvStd.castTo(xhat.dataType());
        xhat.muliColumnVector(invStd).subiColumnVector(mean.mul(invStd));
        INDArray dy = toChannelRows(epsilon, format);
        if (c.getActivationFn() instanceof ActivationReLU) {
            // The ReLU passed the gradient where gamma xhat + beta > 0.
            dy.muli(Transforms.step(xhat.mulColumnVector(gamma).addiColumnVector(beta), false));
        } else if (!(c.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationIdentity)) {
            INDArray pre = xhat.mulColumnVector(gamma).addiColumnVector(beta);
            dy = c.getActivationFn().backprop(pre, dy).getFirst();
        }
        INDArray dBeta = dy.sum(true, 1);
        INDArray dGamma = dy.mul(xhat).sum(true, 1);
        INDArray dx = dy.subiColumnVector(dBeta.div(m)).subi(xhat.muliColumnVector(dGamma.div(m)))
                .muliColumnVector(gamma.mul(invStd));

        INDArray out = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, fromChannelRows(dx, epsilon, format));
        return new Pair<>(gradient(dGamma, dBeta), out);
    }

    /** @return the gradient of gamma and beta, and zeros for the running statistics */
    private Gradient gradient(INDArray dGamma, INDArray dBeta) {
        Gradient g = new DefaultGradient();
        INDArray gGamma = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray gBeta = gradientViews.get(BatchNormalizationParamInitializer.BETA);
        gGamma.assign(dGamma.reshape(gGamma.shape()));
        gBeta.assign(dBeta.reshape(gBeta.shape()));
        // The running statistics moved in the forward pass: zero "gradients" (their updater is DL4J's NoOp).
        INDArray gMean = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN).assign(0);
        INDArray gVar = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR).assign(0);
        g.setGradientFor(BatchNormalizationParamInitializer.GAMMA, gGamma);
        g.setGradientFor(BatchNormalizationParamInitializer.BETA, gBeta);
        g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, gMean);
        g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, gVar);
        return g;
    }

    /** The forward pass as Java loops over the batch, channel by channel (float32, NCHW, contiguous). */
    private INDArray activateLoops(boolean training, LayerWorkspaceMgr workspaceMgr, FastBatchNorm c) {
        long[] shape = input.shape();
        int channels = (int) shape[1];
        float[] x = ChannelLoops.read(input);
        double[] gamma = getParam(BatchNormalizationParamInitializer.GAMMA).castTo(DataType.DOUBLE).toDoubleVector();
        double[] beta = getParam(BatchNormalizationParamInitializer.BETA).castTo(DataType.DOUBLE).toDoubleVector();
        double[] mean;
        double[] invStd = new double[channels];
        if (training) {
            mean = new double[channels];
            double[] var = new double[channels];
            ChannelLoops.meanAndVariance(x, shape, mean, var);
            for (int k = 0; k < channels; k++) {
                invStd[k] = 1 / Math.sqrt(var[k] + c.getEps());
            }
            fastMean = mean;
            fastInvStd = invStd;
            long m = x.length / channels;
            INDArray runMean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
            INDArray runVar = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
            double d = c.getDecay();
            INDArray batchMeanRow = Nd4j.createFromArray(mean).castTo(runMean.dataType()).reshape(runMean.shape());
            INDArray batchVarRow = Nd4j.createFromArray(var).castTo(runVar.dataType()).reshape(runVar.shape());
            runMean.muli(d).addi(batchMeanRow.muli(1 - d));
            runVar.muli(d).addi(batchVarRow.muli((1 - d) * m / Math.max(1.0, m - 1.0)));
        } else {
            fastMean = null;
            mean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).castTo(DataType.DOUBLE).toDoubleVector();
            double[] var = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).castTo(DataType.DOUBLE)
                    .toDoubleVector();
            for (int k = 0; k < channels; k++) {
                invStd[k] = 1 / Math.sqrt(var[k] + c.getEps());
            }
        }
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int k = 0; k < channels; k++) {
            scale[k] = (float) (gamma[k] * invStd[k]);
            shift[k] = (float) (beta[k] - mean[k] * gamma[k] * invStd[k]);
        }
        ChannelLoops.scaleShift(x, shape, scale, shift, c.getActivationFn() instanceof ActivationReLU);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, shape, 'c');
        ChannelLoops.write(out, x);
        return out;
    }

    /** The backward pass as Java loops, with the statistics of {@link #activateLoops}. */
    private Pair<Gradient, INDArray> backpropLoops(INDArray epsilon, LayerWorkspaceMgr workspaceMgr,
            FastBatchNorm c) {
        long[] shape = input.shape();
        int channels = (int) shape[1];
        float[] x = ChannelLoops.read(input);
        float[] dy = ChannelLoops.read(epsilon);
        double[] gamma = getParam(BatchNormalizationParamInitializer.GAMMA).castTo(DataType.DOUBLE).toDoubleVector();
        double[] beta = getParam(BatchNormalizationParamInitializer.BETA).castTo(DataType.DOUBLE).toDoubleVector();
        double[] dGamma = new double[channels];
        double[] dBeta = new double[channels];
        ChannelLoops.backward(x, dy, shape, fastMean, fastInvStd, gamma, beta,
                c.getActivationFn() instanceof ActivationReLU, dGamma, dBeta);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, shape, 'c');
        ChannelLoops.write(out, dy);
        INDArray gGamma = Nd4j.createFromArray(dGamma).castTo(dataType);
        INDArray gBeta = Nd4j.createFromArray(dBeta).castTo(dataType);
        return new Pair<>(gradient(gGamma, gBeta), out);
    }

    @Override
    public INDArray preOutput(INDArray x, Layer.TrainingMode training, LayerWorkspaceMgr workspaceMgr) {
        setInput(x, workspaceMgr);
        return activate(training == Layer.TrainingMode.TRAIN, workspaceMgr);
    }

    /** @return whether the last training forward pass ran {@link ChannelLoops} */
    boolean ranLoops() {
        return fastMean != null;
    }

    @Override
    public org.deeplearning4j.nn.layers.LayerHelper getHelper() {
        return null;
    }

    /** @return a fresh C x (N H W) copy of a batch */
    private static INDArray toChannelRows(INDArray a, CNN2DFormat format) {
        long channels = format == CNN2DFormat.NCHW ? a.size(1) : a.size(3);
        INDArray p = format == CNN2DFormat.NCHW ? a.permute(1, 0, 2, 3) : a.permute(3, 0, 1, 2);
        return p.dup('c').reshape('c', channels, a.length() / channels);
    }

    /** @return the C x (N H W) matrix back in the layout and shape of {@code like} */
    private static INDArray fromChannelRows(INDArray t, INDArray like, CNN2DFormat format) {
        long[] s = like.shape();
        if (format == CNN2DFormat.NCHW) {
            return t.reshape('c', s[1], s[0], s[2], s[3]).permute(1, 0, 2, 3).dup('c');
        }
        return t.reshape('c', s[3], s[0], s[1], s[2]).permute(1, 2, 3, 0).dup('c');
    }
}
