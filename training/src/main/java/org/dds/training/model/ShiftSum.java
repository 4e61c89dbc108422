package org.dds.training.model;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The second half of a 3 x 3 atrous convolution of rate r written as a 1 x 1 convolution followed by this layer:
 * the 1 x 1 convolution computes the nine taps {@code z_k = W_k x} (9C channels, tap k = 3 ky + kx in blocks of C),
 * and this layer sums them shifted, {@code y[p] = sum_k z_k[p + r (ky - 1, kx - 1)]} (zero outside the map). That is
 * exactly the atrous convolution {@code y[p] = sum_k W_k x[p + r (ky - 1, kx - 1)]} with zero padding r.
 *
 * <p>Why: DL4J 1.0.0-M2.1's oneDNN helper fails on every convolution with dilation above 1 ("could not create a
 * descriptor for a dilated convolution", measured for rates 2 to 48) and falls back, each call, to the much slower
 * built-in path; a 1 x 1 convolution runs in oneDNN, and the shifts are nine strided additions.
 */
public final class ShiftSum extends NoParamLayer {
    private static final long serialVersionUID = 1L;

    private int rate = 1;
    private long channels;
    private CNN2DFormat format = CNN2DFormat.NCHW;

    /** For JSON deserialisation. */
    public ShiftSum() {
        super();
    }

    /** @param rate the atrous rate r, at least 1 */
    public ShiftSum(int rate) {
        super();
        if (rate < 1) {
            throw new IllegalArgumentException("rate " + rate + " must be at least 1");
        }
        this.rate = rate;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray params, boolean initializeParams, DataType dataType) {
        ShiftSumLayer layer = new ShiftSumLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(params);
        Map<String, INDArray> table = initializer().init(conf, params, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeConvolutional c = convolutional(inputType);
        if (c.getChannels() % 9 != 0) {
            throw new IllegalArgumentException("shift-sum needs 9 x C input channels (one block per tap), not "
                    + c.getChannels());
        }
        channels = c.getChannels() / 9;
        format = c.getFormat();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional c = convolutional(inputType);
        return InputType.convolutional(c.getHeight(), c.getWidth(), c.getChannels() / 9, c.getFormat());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, ShiftSum.class, inputType, out).standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0).cacheMemory(Map.of(), Map.of()).build();
    }

    private static InputType.InputTypeConvolutional convolutional(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalArgumentException("shift-sum needs a convolutional input, not " + inputType);
        }
        return c;
    }

    /** @return the rate */
    public int getRate() {
        return rate;
    }

    /** @param rate the rate */
    public void setRate(int rate) {
        this.rate = rate;
    }

    /** @return output channels C */
    public long getChannels() {
        return channels;
    }

    /** @param channels output channels C */
    public void setChannels(long channels) {
        this.channels = channels;
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
