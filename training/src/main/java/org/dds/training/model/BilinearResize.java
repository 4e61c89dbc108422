package org.dds.training.model;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bilinear resizing with a gradient, as two products with constant interpolation matrices:
 * {@code Y[n, c] = A_h X[n, c] A_w^T}, so {@code dX[n, c] = A_h^T dY[n, c] A_w}. Row i of {@code A} (out x in)
 * holds the weights PyTorch's {@code F.interpolate(mode="bilinear", align_corners=False)} gives output i: source
 * position {@code s = max(0, (i + 0.5) in / out - 0.5)}, weight {@code 1 - (s - floor(s))} on {@code floor(s)}
 * and {@code s - floor(s)} on the next row (clamped to the last).
 *
 * <p>Why not the obvious alternatives: DL4J's resize ops have no gradient, {@code Upsampling2D} is nearest-neighbour
 * with integer factors, and a {@code SameDiffLambdaLayer} doing the same products returned twice the true input
 * gradient in DL4J 1.0.0-M2.1 (measured: even for {@code x * 1}; {@code BilinearResizeTest} checks the gradient
 * against finite differences). Matrix products run on any ND4J backend. The input size comes from the layer's
 * input type.
 */
public final class BilinearResize extends NoParamLayer {
    private static final long serialVersionUID = 1L;

    private int outHeight;
    private int outWidth;
    private int inHeight;
    private int inWidth;
    private CNN2DFormat format = CNN2DFormat.NCHW;

    /** For JSON deserialisation. */
    public BilinearResize() {
        super();
    }

    /**
     * @param outHeight output height
     * @param outWidth  output width
     */
    public BilinearResize(int outHeight, int outWidth) {
        super();
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("output size " + outHeight + " x " + outWidth + " must be positive");
        }
        this.outHeight = outHeight;
        this.outWidth = outWidth;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray params, boolean initializeParams, DataType dataType) {
        BilinearResizeLayer layer = new BilinearResizeLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(params);
        Map<String, INDArray> table = initializer().init(conf, params, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return super.initializer();
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeConvolutional c = convolutional(inputType);
        inHeight = (int) c.getHeight();
        inWidth = (int) c.getWidth();
        format = c.getFormat();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional c = convolutional(inputType);
        return InputType.convolutional(outHeight, outWidth, c.getChannels(), c.getFormat());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, BilinearResize.class, inputType, out).standardMemory(0, 0)
                .workingMemory(0, 0, out.arrayElementsPerExample(), out.arrayElementsPerExample())
                .cacheMemory(Map.of(), Map.of()).build();
    }

    /**
     * @param in  input length
     * @param out output length
     * @return the out x in interpolation matrix (float64) of PyTorch's bilinear resizing with align_corners=False
     */
    public static INDArray matrix(int in, int out) {
        double[][] a = new double[out][in];
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double src = Math.max(0, (i + 0.5) * scale - 0.5);
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double l1 = src - i0;
            a[i][i0] += 1 - l1;
            a[i][i1] += l1;
        }
        return Nd4j.create(a);
    }

    private static InputType.InputTypeConvolutional convolutional(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalArgumentException("bilinear resizing needs a convolutional input, not " + inputType);
        }
        return c;
    }

    /** @return output height */
    public int getOutHeight() {
        return outHeight;
    }

    /** @param outHeight output height */
    public void setOutHeight(int outHeight) {
        this.outHeight = outHeight;
    }

    /** @return output width */
    public int getOutWidth() {
        return outWidth;
    }

    /** @param outWidth output width */
    public void setOutWidth(int outWidth) {
        this.outWidth = outWidth;
    }

    /** @return input height */
    public int getInHeight() {
        return inHeight;
    }

    /** @param inHeight input height */
    public void setInHeight(int inHeight) {
        this.inHeight = inHeight;
    }

    /** @return input width */
    public int getInWidth() {
        return inWidth;
    }

    /** @param inWidth input width */
    public void setInWidth(int inWidth) {
        this.inWidth = inWidth;
    }

    /** @return activation layout */
    public CNN2DFormat getFormat() {
        return format;
    }

    /** @param format activation layout */
    public void setFormat(CNN2DFormat format) {
        this.format = format;
    }
}
