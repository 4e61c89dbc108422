package org.dds.training.model;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Adds a ResNet encoder ({@link ResNetSpec}) to a DL4J computation graph, in the torchvision layout and with
 * torchvision's names ('.' becomes '_'): {@code conv1}, {@code bn1}, {@code maxpool}, then per block
 * {@code layer<s>_<b>_conv1 .. _bn3} and {@code layer<s>_<b>_downsample_0/_1}, so that an ImageNet
 * {@code state_dict} maps by name ({@link org.dds.training.weights.TorchvisionWeights}; Keras' names are mapped
 * onto these by {@link org.dds.training.weights.KerasWeights}). The output of stage s is the vertex
 * {@code layer<s>} (the branch point after block s). A downsampling block's stride goes where
 * {@link ResNetSpec#downsampling()} says.
 *
 * <p>Padding is explicit (PyTorch's: k/2 times the dilation) with {@code ConvolutionMode.Truncate}, so the sizes and
 * the arithmetic equal PyTorch's, also for odd sizes. Batch norm: {@link FastBatchNorm}, eps 1e-5, running-average
 * momentum 0.1 (DL4J decay 0.9), variance stored as is, ReLU fused where torchvision has one.
 */
public final class ResNetBuilder {
    /** The batch-norm epsilon (PyTorch's default); weights made with another one are adjusted on import. */
    public static final double BN_EPS = 1e-5;
    private static final double BN_DECAY = 0.9;

    private final GraphBuilder g;
    private final ResNetSpec spec;
    private final NetworkOptions options;
    private int height;
    private int width;
    private int channels;
    private int stride = 1;
    private int dilation = 1;

    private ResNetBuilder(GraphBuilder g, ResNetSpec spec, NetworkOptions options, int height, int width) {
        this.g = g;
        this.spec = spec;
        this.options = options;
        this.height = height;
        this.width = width;
        this.channels = spec.inputChannels();
    }

    /**
     * Adds the stem and the first {@code stages} stages.
     *
     * @param g       the graph being built
     * @param input   the vertex holding the image batch
     * @param spec    the ResNet
     * @param stages  how many stages to add, 1 to {@code spec.stages()} (a branch after block 2 needs only 2)
     * @param height  input height
     * @param width   input width
     * @param options layout and type
     * @return the branch points
     */
    public static Encoder addEncoder(GraphBuilder g, String input, ResNetSpec spec, int stages, int height,
            int width, NetworkOptions options) {
        if (stages < 1 || stages > spec.stages()) {
            throw new IllegalArgumentException("stages " + stages + " must be 1 to " + spec.stages());
        }
        return new ResNetBuilder(g, spec, options, height, width).build(input, stages);
    }

    private Encoder build(String input, int stages) {
        String x = conv("conv1", input, spec.stemWidth(), spec.stemKernel(), spec.stemStride(), 1);
        x = bn("bn1", x, true);
        if (spec.stemPool()) {
            g.addLayer("maxpool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(3, 3)
                    .stride(2, 2).padding(1, 1).dataFormat(options.format()).build(), x);
            height = out(height, 3, 2, 1, 1);
            width = out(width, 3, 2, 1, 1);
            stride *= 2;
            x = "maxpool";
        }
        List<String> names = new ArrayList<>();
        List<Integer> ch = new ArrayList<>();
        List<Integer> hs = new ArrayList<>();
        List<Integer> ws = new ArrayList<>();
        List<Integer> st = new ArrayList<>();
        for (int s = 1; s <= stages; s++) {
            boolean dilate = s == 4 && spec.outputStride() <= 16 || s == 3 && spec.outputStride() == 8;
            int blockStride = s == 1 ? 1 : 2;
            int previousDilation = dilation;
            if (dilate) {
                // torchvision's replace_stride_with_dilation: the first block keeps the previous dilation.
                dilation *= blockStride;
                blockStride = 1;
            }
            for (int b = 0; b < spec.depths().get(s - 1); b++) {
                String name = b == spec.depths().get(s - 1) - 1 ? "layer" + s : "layer" + s + "_" + b + "_relu";
                x = block("layer" + s + "_" + b, name, x, spec.widths().get(s - 1), b == 0 ? blockStride : 1,
                        b == 0 ? previousDilation : dilation);
            }
            names.add(x);
            ch.add(channels);
            hs.add(height);
            ws.add(width);
            st.add(stride);
        }
        return new Encoder(names, ch, hs, ws, st);
    }

    private String block(String prefix, String outName, String in, int inner, int blockStride, int blockDilation) {
        int inChannels = channels;
        int inHeight = height;
        int inWidth = width;
        int outChannels = inner * spec.expansion();
        String x;
        if (spec.bottleneck()) {
            boolean onFirst = spec.downsampling() == ResNetSpec.Downsampling.ON_1X1;
            x = conv(prefix + "_conv1", in, inner, 1, onFirst ? blockStride : 1, 1);
            x = bn(prefix + "_bn1", x, true);
            x = conv(prefix + "_conv2", x, inner, 3, onFirst ? 1 : blockStride, blockDilation);
            x = bn(prefix + "_bn2", x, true);
            x = conv(prefix + "_conv3", x, outChannels, 1, 1, 1);
            x = bn(prefix + "_bn3", x, false);
        } else {
            x = conv(prefix + "_conv1", in, inner, 3, blockStride, blockDilation);
            x = bn(prefix + "_bn1", x, true);
            x = conv(prefix + "_conv2", x, outChannels, 3, 1, blockDilation);
            x = bn(prefix + "_bn2", x, false);
        }
        String shortcut = in;
        if (blockStride != 1 || inChannels != outChannels) {
            int h = height;
            int w = width;
            int c = channels;
            int s = stride;
            // The shortcut reads the block input: restore the input's size while adding it.
            height = inHeight;
            width = inWidth;
            channels = inChannels;
            stride = s / blockStride;
            shortcut = conv(prefix + "_downsample_0", in, outChannels, 1, blockStride, 1);
            shortcut = bn(prefix + "_downsample_1", shortcut, false);
            height = h;
            width = w;
            channels = c;
            stride = s;
        }
        g.addVertex(prefix + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), x, shortcut);
        g.addLayer(outName, new ActivationLayer.Builder().activation(Activation.RELU).build(), prefix + "_add");
        return outName;
    }

    private String conv(String name, String in, int nOut, int k, int s, int d) {
        int pad = d * (k / 2);
        g.addLayer(name, new ConvolutionLayer.Builder(k, k).stride(s, s).padding(pad, pad).dilation(d, d).nOut(nOut)
                .hasBias(false).activation(Activation.IDENTITY).dataFormat(options.format()).build(), in);
        height = out(height, k, s, pad, d);
        width = out(width, k, s, pad, d);
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("the input is too small: layer " + name + " would have a "
                    + height + " x " + width + " output");
        }
        stride *= s;
        channels = nOut;
        return name;
    }

    private String bn(String name, String in, boolean relu) {
        g.addLayer(name, batchNorm(relu, options), in);
        return name;
    }

    /**
     * @param relu    whether ReLU follows
     * @param options layout and type
     * @return batch norm as in PyTorch (eps 1e-5, momentum 0.1) with the ReLU fused. Not DL4J's own layer: it
     *         ignores its activation (measured: negative outputs with RELU) and is slow, see {@link FastBatchNorm}
     */
    static FastBatchNorm batchNorm(boolean relu, NetworkOptions options) {
        return new FastBatchNorm(BN_EPS, BN_DECAY, relu, options.format());
    }

    /** PyTorch's (and DL4J Truncate mode's) output size of a convolution or pooling. */
    static int out(int in, int k, int s, int pad, int d) {
        return Math.floorDiv(in + 2 * pad - d * (k - 1) - 1, s) + 1;
    }
}
