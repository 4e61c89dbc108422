package org.dds.training.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dds.training.model.ResNetSpec;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Keras ResNet weight files written by tests with jhdf, in the layout of Keras 2's {@code save_weights}: root
 * attribute {@code layer_names}, one group per layer with the attribute {@code weight_names}, each tensor a dataset
 * at {@code <layer>/<layer>/<role>:0}. Layer names and shapes follow keras/applications/resnet.py (stack1, block1:
 * every first block of a stage has a projection shortcut, every convolution a bias), or the first release's names
 * ({@code res2a_branch2a}, {@code bn2a_branch2a}, {@code res2a_branch1}, {@code conv1}, {@code bn_conv1}).
 */
public final class KerasFiles {
    /** A tensor's Keras layer, role and shape (Keras order: kernels kh x kw x in x out). */
    public record Entry(String layer, String role, int[] shape) {
        /** @return "layer/role" */
        public String key() {
            return layer + "/" + role;
        }
    }

    private KerasFiles() {
    }

    /**
     * @param spec          a bottleneck ResNet
     * @param firstRelease  the first release's names instead of keras.applications'
     * @return its tensors in Keras' layer order, with a few weightless layers (pads, ReLUs) as Keras has them
     */
    public static List<Entry> resnet(ResNetSpec spec, boolean firstRelease) {
        List<Entry> out = new ArrayList<>();
        int stem = spec.stemWidth();
        conv(out, firstRelease ? "conv1" : "conv1_conv", spec.stemKernel(), 3, stem);
        bn(out, firstRelease ? "bn_conv1" : "conv1_bn", stem);
        int in = stem;
        for (int s = 1; s <= spec.stages(); s++) {
            int w = spec.widths().get(s - 1);
            for (int b = 0; b < spec.depths().get(s - 1); b++) {
                String keras = "conv" + (s + 1) + "_block" + (b + 1) + "_";
                String res = "res" + (s + 1) + (char) ('a' + b) + "_branch";
                String bnName = "bn" + (s + 1) + (char) ('a' + b) + "_branch";
                if (b == 0) {
                    conv(out, firstRelease ? res + "1" : keras + "0_conv", 1, in, 4 * w);
                    bn(out, firstRelease ? bnName + "1" : keras + "0_bn", 4 * w);
                }
                int[][] convs = {{1, in, w}, {3, w, w}, {1, w, 4 * w}};
                for (int k = 1; k <= 3; k++) {
                    int[] c = convs[k - 1];
                    conv(out, firstRelease ? res + "2" + (char) ('a' + k - 1) : keras + k + "_conv", c[0], c[1], c[2]);
                    bn(out, firstRelease ? bnName + "2" + (char) ('a' + k - 1) : keras + k + "_bn", c[2]);
                }
                in = 4 * w;
            }
        }
        return out;
    }

    private static void conv(List<Entry> out, String layer, int k, int in, int o) {
        out.add(new Entry(layer, "kernel", new int[] {k, k, in, o}));
        out.add(new Entry(layer, "bias", new int[] {o}));
    }

    private static void bn(List<Entry> out, String layer, int c) {
        for (String role : List.of("gamma", "beta", "moving_mean", "moving_variance")) {
            out.add(new Entry(layer, role, new int[] {c}));
        }
    }

    /**
     * Writes the tensors with seeded random values: scales and variances in [0.5, 1.5], everything else in
     * [-0.1, 0.1]; plus two weightless layers (listed in layer_names without weight_names, as Keras' pads are).
     *
     * @return "layer/role" -> values in C order of the Keras shape
     */
    public static Map<String, float[]> write(Path file, List<Entry> entries, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, List<Entry>> layers = new LinkedHashMap<>();
        layers.put("input_1", List.of());
        layers.put("conv1_pad", List.of());
        for (Entry e : entries) {
            layers.computeIfAbsent(e.layer(), k -> new ArrayList<>()).add(e);
        }
        try (WritableHdfFile h = HdfFile.write(file)) {
            h.putAttribute("layer_names", layers.keySet().toArray(String[]::new));
            h.putAttribute("backend", "tensorflow");
            h.putAttribute("keras_version", "2.4.0");
            for (Map.Entry<String, List<Entry>> layer : layers.entrySet()) {
                WritableGroup g = h.putGroup(layer.getKey());
                if (layer.getValue().isEmpty()) {
                    continue;
                }
                g.putAttribute("weight_names", layer.getValue().stream()
                        .map(e -> e.layer() + "/" + e.role() + ":0").toArray(String[]::new));
                WritableGroup inner = g.putGroup(layer.getKey());
                for (Entry e : layer.getValue()) {
                    int n = Arrays.stream(e.shape()).reduce(1, (a, b) -> a * b);
                    float[] v = new float[n];
                    boolean scale = e.role().equals("gamma") || e.role().equals("moving_variance");
                    for (int i = 0; i < n; i++) {
                        v[i] = (float) (scale ? random.nextDouble(0.5, 1.5) : random.nextDouble(-0.1, 0.1));
                    }
                    values.put(e.key(), v);
                    inner.putDataset(e.role() + ":0", nest(v, e.shape()));
                }
            }
        }
        return values;
    }

    /** @return a flat C-order array as the nested Java array jhdf writes (float[] or float[][][][]) */
    static Object nest(float[] v, int[] shape) {
        if (shape.length == 1) {
            return v.clone();
        }
        float[][][][] a = new float[shape[0]][shape[1]][shape[2]][shape[3]];
        int i = 0;
        for (float[][][] x : a) {
            for (float[][] y : x) {
                for (float[] z : y) {
                    for (int k = 0; k < z.length; k++) {
                        z[k] = v[i++];
                    }
                }
            }
        }
        return a;
    }
}
