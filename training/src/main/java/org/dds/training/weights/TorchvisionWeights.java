package org.dds.training.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.dds.core.DdsInputException;
import org.dds.io.NpyArray;
import org.dds.io.NpzReader;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a torchvision ResNet {@code state_dict} exported to {@code .npz} into the encoder of a graph built by
 * {@link org.dds.training.model.ResNetBuilder}, whose layer names are torchvision's with '_' for '.'. Mapping, per
 * encoder layer L (a convolution or a batch norm): {@code L.weight -> W} (convolution, same OIHW layout) or
 * {@code gamma} (batch norm), {@code L.bias -> beta}, {@code L.running_mean -> mean}, {@code L.running_var -> var};
 * {@code num_batches_tracked}, the ImageNet head {@code fc.*} and the stages after the deepest one the network
 * builds (a branch after block b needs stages 1..b) are not used. Every encoder parameter must be
 * present with the same shape, and every tensor must map somewhere: otherwise nothing is loaded and the error names
 * every mismatch.
 *
 * <p>Export (PyTorch, 3 lines; see README "Training"):
 * <pre>
 * import numpy as np, torchvision
 * sd = torchvision.models.resnet50(weights="IMAGENET1K_V1").state_dict()
 * np.savez("resnet50_imagenet.npz", **{k: v.numpy() for k, v in sd.items()})
 * </pre>
 */
public final class TorchvisionWeights {
    private static final Logger LOG = LoggerFactory.getLogger(TorchvisionWeights.class);
    private static final Map<String, String> CONV = Map.of("W", "weight");
    private static final Map<String, String> BN = Map.of("gamma", "weight", "beta", "bias", "mean", "running_mean",
            "var", "running_var");

    private TorchvisionWeights() {
    }

    /**
     * @param npz   the exported state_dict
     * @param graph the network whose encoder receives the weights (decoder layers are left as they are), in the
     *              torchvision layout ({@link org.dds.training.model.ResNetSpec.Downsampling#ON_3X3})
     * @return the number of tensors copied
     * @throws DdsInputException naming the file and every missing, unused or mis-shaped tensor
     * @throws IllegalArgumentException if the graph puts the stride on the first 1 x 1 convolution
     */
    public static int load(Path npz, ComputationGraph graph) {
        Map<String, INDArray> tensors = read(npz);
        WeightFormat.requireDownsampling(graph, org.dds.training.model.ResNetSpec.Downsampling.ON_3X3,
                "torchvision weights " + npz);
        Map<String, INDArray> targets = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (!isEncoderLayer(name)) {
                continue;
            }
            Map<String, String> params = layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization
                    ? BN : CONV;
            for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
                String suffix = params.get(p.getKey());
                if (suffix == null) {
                    throw new IllegalStateException("layer " + name + " has parameter " + p.getKey()
                            + ", which torchvision's ResNet does not have");
                }
                String key = name.replace('_', '.') + "." + suffix;
                targets.put(key, p.getValue());
                origin.put(key, name + "/" + p.getKey());
            }
        }
        List<String> problems = new ArrayList<>();
        TreeSet<String> unused = new TreeSet<>();
        int skipped = 0;
        for (String key : tensors.keySet()) {
            if (targets.containsKey(key) || key.endsWith(".num_batches_tracked") || key.startsWith("fc.")) {
                continue;
            }
            if (laterStage(key, targets.keySet())) {
                skipped++;
            } else {
                unused.add(key);
            }
        }
        if (skipped > 0) {
            LOG.info("{} tensors of stages after the last one this network uses were not needed", skipped);
        }
        for (Map.Entry<String, INDArray> t : targets.entrySet()) {
            INDArray source = tensors.get(t.getKey());
            if (source == null) {
                problems.add(t.getKey() + " is missing (needed by " + origin.get(t.getKey()) + " "
                        + Arrays.toString(t.getValue().shape()) + ")");
            } else if (!Arrays.equals(squeeze(source.shape()), squeeze(t.getValue().shape()))) {
                problems.add(t.getKey() + " has shape " + Arrays.toString(source.shape()) + " but "
                        + origin.get(t.getKey()) + " needs " + Arrays.toString(t.getValue().shape()));
            }
        }
        if (!unused.isEmpty()) {
            problems.add("tensors that match no layer: " + String.join(", ", unused));
        }
        if (!problems.isEmpty()) {
            throw new DdsInputException(npz + " does not fit this ResNet (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems)
                    + ". Export the state_dict of the same torchvision architecture (see README 'Training')");
        }
        for (Map.Entry<String, INDArray> t : targets.entrySet()) {
            INDArray target = t.getValue();
            target.assign(tensors.get(t.getKey()).castTo(target.dataType()).reshape(target.shape()));
        }
        LOG.info("loaded {} tensors from {}", targets.size(), npz);
        return targets.size();
    }

    /**
     * @param key     a tensor name, e.g. {@code layer4.0.conv1.weight}
     * @param targets the tensor names the network needs
     * @return whether it belongs to a stage after the deepest one the network has (a branch after block b builds
     *         only stages 1..b)
     */
    private static boolean laterStage(String key, java.util.Set<String> targets) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("layer(\\d+)\\..*").matcher(key);
        if (!m.matches()) {
            return false;
        }
        int stage = Integer.parseInt(m.group(1));
        int deepest = targets.stream().map(t -> java.util.regex.Pattern.compile("layer(\\d+)\\..*").matcher(t))
                .filter(java.util.regex.Matcher::matches).mapToInt(x -> Integer.parseInt(x.group(1))).max()
                .orElse(0);
        return deepest > 0 && stage > deepest && stage <= 4;
    }

    /** @return whether a layer belongs to the torchvision encoder (stem and stages) */
    static boolean isEncoderLayer(String name) {
        return name.equals("conv1") || name.equals("bn1") || name.startsWith("layer") && !name.endsWith("_relu")
                && !name.endsWith("_add") && !name.matches("layer\\d+");
    }

    private static long[] squeeze(long[] shape) {
        // DL4J stores batch-norm vectors as [1, C]; torch as [C].
        return Arrays.stream(shape).filter(d -> d != 1).toArray();
    }

    private static Map<String, INDArray> read(Path npz) {
        if (!Files.isRegularFile(npz)) {
            throw new DdsInputException(p -> npz + " does not exist: " + p.apply("weights") + " must name a .npz"
                    + " exported from a torchvision state_dict (see README 'Training')");
        }
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        NpzReader.readArrays(npz).forEach((name, a) -> tensors.put(name, ndarray(a)));
        return tensors;
    }

    /** @return the array as ND4J's (float32 stays float32; a 0-D array becomes one value of shape [1]) */
    private static INDArray ndarray(NpyArray a) {
        long[] shape = a.rank() == 0 ? new long[] {1} : a.longShape();
        return a.isFloat() ? Nd4j.create(a.floats(), shape, 'c') : Nd4j.create(a.doubles(), shape, 'c');
    }
}
