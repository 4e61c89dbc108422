package org.dds.training.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dds.core.DdsInputException;
import org.dds.training.model.ResNetBuilder;
import org.dds.training.model.ResNetSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Keras' ImageNet ResNet50 ({@code keras.applications}, file
 * {@code resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5}) into the encoder of a graph built by
 * {@link ResNetBuilder} with {@link ResNetSpec.Downsampling#ON_1X1}: Keras' ResNet50 is He et al.'s "v1", with a
 * downsampling block's stride on its first 1 x 1 convolution (torchvision's "v1.5" has it on the 3 x 3). Layer
 * names, per {@link Naming}: {@code conv1_conv}, {@code conv1_bn}, then {@code conv<s+1>_block<b+1>_<k>_conv/_bn}
 * for torchvision's {@code layer<s>.<b-1>.conv<k>/bn<k>} and {@code ..._0_conv/_0_bn} for its
 * {@code downsample.0/.1}; the first release of the file used {@code conv1}, {@code bn_conv1},
 * {@code res2a_branch2a}, {@code bn2a_branch2a}, {@code res2a_branch1}, ... instead, and both are read.
 *
 * <p>How Keras' arithmetic maps onto the graph's (torchvision's: convolutions without bias, batch norm with
 * epsilon 1e-5), exactly in inference:
 * <ul>
 * <li>Kernels: Keras stores kh x kw x in x out (HWIO), DL4J out x in x kh x kw: transposed. Keras feeds BGR images
 * ({@code preprocess_input(mode="caffe")}); the network gets RGB with the caffe mean
 * ({@link org.dds.training.data.PixelNormalization#CAFFE}), so the stem kernel's input channels are reversed.</li>
 * <li>Convolution bias b before batch norm: {@code BN(Wx + b) = gamma (Wx + b - mean) / sqrt(var + eps) + beta}
 * equals batch norm of {@code Wx} with {@code mean' = mean - b}; it is folded into the moving mean. In training
 * mode batch norm subtracts the batch mean, which already contains b, so b has no effect there either (and Keras
 * gives it no gradient through batch norm): the fold is exact in both modes.</li>
 * <li>Epsilon: Keras' ResNet50 uses 1.001e-5 (the first release Keras' default, 1e-3);
 * {@code var' = var + eps_keras - 1e-5} makes {@code sqrt(var' + 1e-5)} Keras' denominator. Exact in inference;
 * in training mode the batch variance is used with eps 1e-5 (a relative difference below 1e-3 / batch variance
 * in the normaliser, i.e. none for the current file and small for the first release).</li>
 * <li>Stem: Keras zero-pads by 3 and convolves "valid", as the graph's padding of 3 does; its max pool pads with
 * zeros after a ReLU, where zeros never exceed the window's maximum, as with the graph's padding.</li>
 * </ul>
 * Every encoder parameter must be present with the right shape and every tensor must map somewhere, otherwise
 * nothing is loaded and the error names every mismatch. Layers without weights, the ImageNet head
 * ({@code predictions}, {@code fc1000}) and the stages after the deepest one the network builds are not used.
 */
public final class KerasWeights {
    private static final Logger LOG = LoggerFactory.getLogger(KerasWeights.class);
    private static final Set<String> HEADS = Set.of("predictions", "fc1000", "probs");
    private static final Pattern BLOCK = Pattern.compile("layer(\\d+)_(\\d+)_(conv|bn)(\\d)");
    private static final Pattern SHORTCUT = Pattern.compile("layer(\\d+)_(\\d+)_downsample_([01])");

    /** The two generations of Keras' ResNet50 layer names, with the batch-norm epsilon of each. */
    enum Naming {
        /** keras.applications (Keras 2.2.5 on, tf.keras): {@code conv2_block1_1_conv}; epsilon 1.001e-5. */
        APPLICATIONS(1.001e-5, Pattern.compile("conv(\\d+)_block\\d+_\\d_(conv|bn)")),
        /** The first release (Keras 2.0-2.2): {@code res2a_branch2a}, {@code bn2a_branch2a}; epsilon 1e-3. */
        FIRST_RELEASE(1e-3, Pattern.compile("(?:res|bn)(\\d+)[a-z]_branch(?:1|2[a-c])"));

        final double eps;
        private final Pattern stagePattern;

        Naming(double eps, Pattern stagePattern) {
            this.eps = eps;
            this.stagePattern = stagePattern;
        }

        /**
         * @param ours a layer of the graph, e.g. {@code layer1_0_conv1}
         * @return its Keras name, e.g. {@code conv2_block1_1_conv}
         */
        String keras(String ours) {
            if (ours.equals("conv1")) {
                return this == APPLICATIONS ? "conv1_conv" : "conv1";
            }
            if (ours.equals("bn1")) {
                return this == APPLICATIONS ? "conv1_bn" : "bn_conv1";
            }
            Matcher m = BLOCK.matcher(ours);
            Matcher d = SHORTCUT.matcher(ours);
            boolean shortcut = d.matches();
            if (!shortcut && !m.matches()) {
                throw new IllegalStateException("layer " + ours + " is not a ResNet encoder layer of ResNetBuilder");
            }
            Matcher g = shortcut ? d : m;
            int stage = Integer.parseInt(g.group(1)) + 1;
            int block = Integer.parseInt(g.group(2));
            boolean conv = shortcut ? g.group(3).equals("0") : g.group(3).equals("conv");
            int k = shortcut ? 0 : Integer.parseInt(g.group(4));
            if (this == APPLICATIONS) {
                return "conv" + stage + "_block" + (block + 1) + "_" + k + (conv ? "_conv" : "_bn");
            }
            if (block >= 26) {
                throw new IllegalArgumentException("block " + block + " of stage " + stage + " has no letter in the"
                        + " first Keras naming (a to z)");
            }
            return (conv ? "res" : "bn") + stage + (char) ('a' + block) + "_branch"
                    + (shortcut ? "1" : "2" + (char) ('a' + k - 1));
        }

        /** @return the 1-based stage of a Keras layer name (0 for the stem or anything else) */
        int stage(String keras) {
            Matcher m = stagePattern.matcher(keras);
            return m.matches() ? Integer.parseInt(m.group(1)) - 1 : 0;
        }

        static Naming detect(Path file, Set<String> layers) {
            if (layers.contains("conv1_conv")) {
                return APPLICATIONS;
            }
            if (layers.contains("bn_conv1")) {
                return FIRST_RELEASE;
            }
            throw new DdsInputException(file + " holds the Keras layers " + String.join(", ", layers.stream()
                    .limit(6).toList()) + (layers.size() > 6 ? ", ..." : "") + " but neither conv1_conv nor bn_conv1,"
                    + " so it is not Keras' ResNet50: give keras.applications' ResNet50 weights");
        }
    }

    private KerasWeights() {
    }

    /**
     * @param h5    Keras' ResNet50 weights
     * @param graph the network whose encoder receives them (built with {@link ResNetSpec.Downsampling#ON_1X1};
     *              decoder layers are left as they are)
     * @return the number of Keras tensors used
     * @throws DdsInputException naming the file and every missing, unused or mis-shaped tensor
     * @throws IllegalArgumentException if the graph puts the stride on the 3 x 3 convolution
     */
    public static int load(Path h5, ComputationGraph graph) {
        Map<String, Map<String, KerasH5.Tensor>> file = KerasH5.read(h5);
        Naming naming = Naming.detect(h5, file.keySet());
        WeightFormat.requireDownsampling(graph, ResNetSpec.Downsampling.ON_1X1, "Keras weights " + h5);
        Lookup lookup = new Lookup(file);
        List<INDArray[]> values = new ArrayList<>();
        int deepest = 0;
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (!TorchvisionWeights.isEncoderLayer(name)) {
                continue;
            }
            Matcher stage = Pattern.compile("layer(\\d+)_.*").matcher(name);
            deepest = Math.max(deepest, stage.matches() ? Integer.parseInt(stage.group(1)) : 0);
            String keras = naming.keras(name);
            Map<String, INDArray> params = layer.paramTable();
            if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
                batchNorm(name, keras, naming.keras(convBefore(name)), naming.eps, params, lookup, values);
            } else {
                INDArray w = params.get("W");
                if (w == null || params.size() != 1) {
                    throw new IllegalStateException("layer " + name + " has parameters " + params.keySet()
                            + " where a convolution without bias (W) is expected");
                }
                long[] s = w.shape();
                int[] hwio = {(int) s[2], (int) s[3], (int) s[1], (int) s[0]};
                KerasH5.Tensor kernel = lookup.need(keras, "kernel", name + "/W", hwio);
                if (kernel != null) {
                    // The stem reads Keras' BGR channels; the graph gets RGB.
                    boolean bgr = name.equals("conv1") && s[1] == 3;
                    values.add(new INDArray[] {w, Nd4j.create(oihw(kernel.values(), hwio, bgr), s, 'c')});
                }
            }
        }
        List<String> problems = new ArrayList<>(lookup.problems);
        TreeSet<String> unused = new TreeSet<>();
        int skipped = 0;
        for (Map.Entry<String, Map<String, KerasH5.Tensor>> layer : file.entrySet()) {
            for (KerasH5.Tensor t : layer.getValue().values()) {
                if (lookup.used.contains(t.key()) || HEADS.contains(t.layer())) {
                    continue;
                }
                int s = naming.stage(t.layer());
                if (deepest > 0 && s > deepest && s <= 4) {
                    skipped++;
                } else {
                    unused.add(t.key());
                }
            }
        }
        if (!unused.isEmpty()) {
            problems.add("tensors that match no layer: " + String.join(", ", unused));
        }
        if (!problems.isEmpty()) {
            throw new DdsInputException(h5 + " does not fit this ResNet (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems)
                    + ". Give the weights of Keras' ResNet50 for a ResNet-50 encoder (see README 'Training')");
        }
        if (skipped > 0) {
            LOG.info("{} tensors of stages after the last one this network uses were not needed", skipped);
        }
        // (target, value) pairs: INDArray's equals compares values, so a map keyed by parameters would merge them.
        values.forEach(tv -> tv[0].assign(tv[1].castTo(tv[0].dataType())));
        LOG.info("loaded {} tensors ({} naming) from {}", lookup.used.size(), naming, h5);
        return lookup.used.size();
    }

    private static void batchNorm(String name, String keras, String kerasConv, double eps, Map<String, INDArray> params,
            Lookup lookup, List<INDArray[]> values) {
        INDArray gamma = params.get("gamma");
        int c = (int) gamma.length();
        int[] vec = {c};
        KerasH5.Tensor g = lookup.need(keras, "gamma", name + "/gamma", vec);
        KerasH5.Tensor b = lookup.need(keras, "beta", name + "/beta", vec);
        KerasH5.Tensor m = lookup.need(keras, "moving_mean", name + "/mean", vec);
        KerasH5.Tensor v = lookup.need(keras, "moving_variance", name + "/var", vec);
        // A Keras convolution without bias (use_bias=False) is fine: the bias is then 0.
        KerasH5.Tensor bias = lookup.optional(kerasConv, "bias", name + "/mean", vec);
        if (g == null || b == null || m == null || v == null) {
            return;
        }
        // In double, rounded once to the network's type.
        double[] mean = new double[c];
        double[] var = new double[c];
        for (int i = 0; i < c; i++) {
            mean[i] = (double) m.values()[i] - (bias == null ? 0 : bias.values()[i]);
            var[i] = (double) v.values()[i] + (eps - ResNetBuilder.BN_EPS);
        }
        put(values, params.get("gamma"), g.values());
        put(values, params.get("beta"), b.values());
        values.add(new INDArray[] {params.get("mean"), Nd4j.create(mean, params.get("mean").shape(), 'c')});
        values.add(new INDArray[] {params.get("var"), Nd4j.create(var, params.get("var").shape(), 'c')});
    }

    private static void put(List<INDArray[]> values, INDArray target, float[] v) {
        values.add(new INDArray[] {target, Nd4j.create(v, target.shape(), 'c')});
    }

    /** @return the convolution whose output a batch norm of the graph normalises */
    static String convBefore(String bn) {
        if (bn.equals("bn1")) {
            return "conv1";
        }
        if (bn.endsWith("_downsample_1")) {
            return bn.substring(0, bn.length() - 1) + "0";
        }
        return bn.replaceFirst("_bn(\\d)$", "_conv$1");
    }

    /**
     * @param hwio values of a kh x kw x in x out kernel, C order
     * @param dims kh, kw, in, out
     * @param reverseIn whether to reverse the input channels (BGR -> RGB)
     * @return the out x in x kh x kw kernel, C order
     */
    static float[] oihw(float[] hwio, int[] dims, boolean reverseIn) {
        int kh = dims[0];
        int kw = dims[1];
        int in = dims[2];
        int out = dims[3];
        float[] r = new float[hwio.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    int source = reverseIn ? in - 1 - i : i;
                    for (int o = 0; o < out; o++) {
                        r[((o * in + i) * kh + y) * kw + x] = hwio[((y * kw + x) * in + source) * out + o];
                    }
                }
            }
        }
        return r;
    }

    /** Finds tensors, records which were used and what is missing or mis-shaped. */
    private static final class Lookup {
        private final Map<String, Map<String, KerasH5.Tensor>> file;
        private final Set<String> used = new HashSet<>();
        private final Set<String> missingLayers = new HashSet<>();
        private final List<String> problems = new ArrayList<>();

        Lookup(Map<String, Map<String, KerasH5.Tensor>> file) {
            this.file = file;
        }

        KerasH5.Tensor need(String layer, String role, String target, int[] shape) {
            Map<String, KerasH5.Tensor> tensors = file.get(layer);
            if (tensors == null) {
                if (missingLayers.add(layer)) {
                    problems.add("layer " + layer + " is missing (needed by " + target.substring(0,
                            target.indexOf('/')) + ")");
                }
                return null;
            }
            KerasH5.Tensor t = tensors.get(role);
            if (t == null) {
                problems.add(layer + "/" + role + " is missing (needed by " + target + " " + Arrays.toString(shape)
                        + ")");
                return null;
            }
            return check(t, target, shape);
        }

        KerasH5.Tensor optional(String layer, String role, String target, int[] shape) {
            Map<String, KerasH5.Tensor> tensors = file.get(layer);
            KerasH5.Tensor t = tensors == null ? null : tensors.get(role);
            return t == null ? null : check(t, target, shape);
        }

        private KerasH5.Tensor check(KerasH5.Tensor t, String target, int[] shape) {
            used.add(t.key());
            if (!Arrays.equals(t.shape(), shape)) {
                problems.add(t.key() + " has shape " + Arrays.toString(t.shape()) + " but " + target + " needs "
                        + Arrays.toString(shape) + (shape.length == 4 ? " (Keras order: kh, kw, in, out)" : ""));
                return null;
            }
            return t;
        }
    }
}
