package org.dds.training.task;

import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss of a {@link Task} as a DL4J output layer written in SameDiff, so its gradient is automatic: the loss
 * is a mean over the valid pixels of the batch (labels of 255 for semantic, zero normals, zero depth are not valid),
 * as PyTorch's losses with {@code ignore_index} or masks compute it. The layer's activations are the prediction: edge
 * probability, unit normals, log depth, or class scores. Labels are always NCHW.
 */
public final class TaskLoss extends SameDiffOutputLayer {
    /** Positive-class weight of the balanced edge loss (Maninis et al. 2019). */
    public static final double EDGE_POSITIVE_WEIGHT = 0.95;
    /** The semantic label of pixels that do not count. */
    public static final int IGNORE = 255;

    private Task task = Task.SEMANTIC;
    private int outputs = 1;
    private CNN2DFormat format = CNN2DFormat.NCHW;

    /** For JSON deserialisation. */
    public TaskLoss() {
        super();
    }

    /**
     * @param task    the task
     * @param outputs channels of the prediction (classes for semantic)
     * @param format  layout of the prediction
     */
    public TaskLoss(Task task, int outputs, CNN2DFormat format) {
        super();
        this.task = task;
        this.outputs = outputs;
        this.format = format;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, SDVariable labels, Map<String, SDVariable> params) {
        DataType type = input.dataType();
        SDVariable x = format == CNN2DFormat.NHWC ? sd.permute(input, 0, 3, 1, 2) : input;
        SDVariable one = sd.constant(1.0).castTo(type);
        SDVariable loss;
        switch (task) {
            case EDGE -> {
                sd.nn.sigmoid("out", x);
                SDVariable pos = labels.mul(EDGE_POSITIVE_WEIGHT).mul(sd.nn.softplus(x.neg()));
                SDVariable neg = one.sub(labels).mul(1 - EDGE_POSITIVE_WEIGHT).mul(sd.nn.softplus(x));
                loss = pos.add(neg).mean();
            }
            case NORMALS -> {
                SDVariable norm = sd.math.sqrt(x.mul(x).sum(true, 1).add(1e-12));
                SDVariable unit = x.div(norm);
                sd.identity("out", unit);
                SDVariable valid = labels.mul(labels).sum(true, 1).gt(0.5).castTo(type);
                SDVariable cos = unit.mul(labels).sum(true, 1);
                loss = one.sub(cos).mul(valid).sum().div(sd.math.max(valid.sum(), one));
            }
            case DEPTH -> {
                sd.identity("out", x);
                SDVariable valid = labels.gt(0).castTo(type);
                SDVariable logDepth = sd.math.log(sd.math.max(labels, sd.constant(1e-6).castTo(type)));
                loss = sd.math.abs(x.sub(logDepth)).mul(valid).sum().div(sd.math.max(valid.sum(), one));
            }
            case SEMANTIC -> {
                sd.identity("out", x);
                SDVariable squeezed = sd.squeeze(labels, 1);
                SDVariable valid = squeezed.neq(IGNORE).castTo(type);
                SDVariable classes = squeezed.mul(valid).castTo(DataType.INT32);
                SDVariable oneHot = sd.oneHot("onehot", classes, outputs, 1, 1.0, 0.0, type);
                // log-softmax over channels, written out: SameDiff's LogSoftMax op fails with a dimension in M2.1.
                SDVariable shifted = x.sub(x.max(true, 1));
                SDVariable logSoftmax = shifted.sub(sd.math.log(sd.math.exp(shifted).sum(true, 1)));
                SDVariable ce = oneHot.mul(logSoftmax).sum(false, 1).neg();
                loss = ce.mul(valid).sum().div(sd.math.max(valid.sum(), one));
            }
            default -> throw new IllegalStateException("no loss for " + task);
        }
        loss.markAsLoss();
        return loss;
    }

    @Override
    public String activationsVertexName() {
        return "out";
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        // No parameters: the loss only reads the prediction and the labels.
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // No parameters.
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    /** @return the task */
    public Task getTask() {
        return task;
    }

    /** @param task the task */
    public void setTask(Task task) {
        this.task = task;
    }

    /** @return channels of the prediction */
    public int getOutputs() {
        return outputs;
    }

    /** @param outputs channels of the prediction */
    public void setOutputs(int outputs) {
        this.outputs = outputs;
    }

    /** @return layout of the prediction */
    public CNN2DFormat getFormat() {
        return format;
    }

    /** @param format layout of the prediction */
    public void setFormat(CNN2DFormat format) {
        this.format = format;
    }
}
