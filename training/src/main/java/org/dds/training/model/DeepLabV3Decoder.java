package org.dds.training.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * Adds the decoder of paper Table 5 after one branch point: the branch output (C channels) is stacked along
 * channels {@code stackTo / C} times (8x/4x/2x/1x for blocks 1-4 of ResNet-50, 2048 channels), then DeepLabV3's ASPP
 * (a 1 x 1 convolution, three 3 x 3 atrous convolutions at rates 6/12/18 scaled to the branch's output stride, and
 * image pooling, each {@code width} channels with batch norm and ReLU; a rate at least the map's size makes the
 * atrous convolution a 1 x 1 one, as it is in effect), concatenated, a 1 x 1 projection with batch
 * norm and ReLU, a 1 x 1 classifier, and bilinear upsampling ({@link BilinearResize}) to the input size.
 */
public final class DeepLabV3Decoder {
    private DeepLabV3Decoder() {
    }

    /**
     * @param g       the graph being built
     * @param encoder the encoder's branch points
     * @param block   1-based block to branch after
     * @param spec    the decoder's size
     * @param outputs channels of the prediction
     * @param height  input image height (the prediction's)
     * @param width   input image width
     * @param options layout and type
     * @return the vertex holding the upsampled prediction (logits)
     */
    public static String add(GraphBuilder g, Encoder encoder, int block, DecoderSpec spec, int outputs, int height,
            int width, NetworkOptions options) {
        String branch = encoder.output(block);
        int channels = encoder.channels().get(block - 1);
        if (spec.stackTo() % channels != 0) {
            throw new IllegalArgumentException("block " + block + " has " + channels + " channels, which do not"
                    + " divide the decoder's " + spec.stackTo() + ": choose stackTo as a multiple");
        }
        int copies = spec.stackTo() / channels;
        String x = branch;
        if (copies > 1) {
            x = "stack";
            g.addVertex(x, new MergeVertex(), Collections.nCopies(copies, branch).toArray(String[]::new));
        }
        int h = encoder.heights().get(block - 1);
        int w = encoder.widths().get(block - 1);
        List<String> branches = new ArrayList<>();
        branches.add(convBnRelu(g, "aspp_0", x, spec.width(), 1, 1, options));
        List<Integer> rates = spec.ratesAt(encoder.strides().get(block - 1));
        for (int k = 0; k < rates.size(); k++) {
            int rate = rates.get(k);
            // With a rate at least the map's size every off-centre tap reads padding: the 3 x 3 atrous convolution
            // is exactly a 1 x 1 convolution (and oneDNN refuses such a descriptor).
            boolean centreOnly = rate >= Math.max(h, w);
            branches.add(convBnRelu(g, "aspp_" + (k + 1), x, spec.width(), centreOnly ? 1 : 3, centreOnly ? 1 : rate,
                    options));
        }
        GlobalPoolingLayer.Builder pool = new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(false);
        if (options.format() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC) {
            pool.poolingDimensions(1, 2);
        }
        g.addLayer("aspp_pool", pool.build(), x);
        String pooled = convBnRelu(g, "aspp_pool_conv", "aspp_pool", spec.width(), 1, 1, options);
        g.addLayer("aspp_pool_up", new BilinearResize(h, w), pooled);
        branches.add("aspp_pool_up");
        g.addVertex("aspp_cat", new MergeVertex(), branches.toArray(String[]::new));
        String projected = convBnRelu(g, "aspp_project", "aspp_cat", spec.width(), 1, 1, options);
        g.addLayer("classifier", new ConvolutionLayer.Builder(1, 1).nOut(outputs).hasBias(true)
                .activation(Activation.IDENTITY).dataFormat(options.format()).build(), projected);
        g.addLayer("upsample", new BilinearResize(height, width), "classifier");
        return "upsample";
    }

    private static String convBnRelu(GraphBuilder g, String name, String in, int nOut, int k, int dilation,
            NetworkOptions options) {
        if (k == 3 && dilation > 1 && options.atrous() == NetworkOptions.Atrous.SHIFT_SUM) {
            // Nine taps by one 1 x 1 convolution, initialised as the 3 x 3 one would be (He, fan-in 9 x C_in).
            g.addLayer(name, new ConvolutionLayer.Builder(1, 1).nOut(9L * nOut).hasBias(false)
                    .activation(Activation.IDENTITY).dataFormat(options.format())
                    .weightInit(new WeightInitAtrous()).build(), in);
            g.addLayer(name + "_shift", new ShiftSum(dilation), name);
            g.addLayer(name + "_bn", ResNetBuilder.batchNorm(true, options), name + "_shift");
            return name + "_bn";
        }
        int pad = dilation * (k / 2);
        g.addLayer(name, new ConvolutionLayer.Builder(k, k).padding(pad, pad).dilation(dilation, dilation)
                .nOut(nOut).hasBias(false).activation(Activation.IDENTITY).dataFormat(options.format()).build(), in);
        g.addLayer(name + "_bn", ResNetBuilder.batchNorm(true, options), name);
        return name + "_bn";
    }
}
