package org.dds.training.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dds.core.DdsInputException;
import org.dds.training.model.NetworkOptions;
import org.dds.training.model.Networks;
import org.dds.training.model.ResNetSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Importing a torchvision ResNet state_dict from .npz. The test writes the archive itself, with random values and
 * the key names and shapes of torchvision's {@code ResNet} with {@code Bottleneck} blocks of depths 3-4-6-3 (the
 * ResNet-50 topology) at widths 8 (stem) and 4-8-16-32, so it stays small.
 */
class TorchvisionWeightsTest {
    private static final ResNetSpec NARROW_50 = new ResNetSpec(3, 8, 7, 2, true, true, List.of(4, 8, 16, 32),
            List.of(3, 4, 6, 3), 32);

    @TempDir
    Path dir;

    /** torchvision's state_dict keys and shapes for a Bottleneck ResNet, written from its module structure. */
    static Map<String, long[]> stateDict(ResNetSpec spec) {
        Map<String, long[]> sd = new LinkedHashMap<>();
        sd.put("conv1.weight", new long[] {spec.stemWidth(), 3, 7, 7});
        bn(sd, "bn1", spec.stemWidth());
        long in = spec.stemWidth();
        for (int s = 1; s <= 4; s++) {
            long w = spec.widths().get(s - 1);
            for (int b = 0; b < spec.depths().get(s - 1); b++) {
                String p = "layer" + s + "." + b + ".";
                sd.put(p + "conv1.weight", new long[] {w, in, 1, 1});
                bn(sd, p + "bn1", w);
                sd.put(p + "conv2.weight", new long[] {w, w, 3, 3});
                bn(sd, p + "bn2", w);
                sd.put(p + "conv3.weight", new long[] {4 * w, w, 1, 1});
                bn(sd, p + "bn3", 4 * w);
                // torchvision's Bottleneck has a downsample when the stride or the channels change.
                if (b == 0 && (s > 1 || in != 4 * w)) {
                    sd.put(p + "downsample.0.weight", new long[] {4 * w, in, 1, 1});
                    bn(sd, p + "downsample.1", 4 * w);
                }
                in = 4 * w;
            }
        }
        sd.put("fc.weight", new long[] {1000, in});
        sd.put("fc.bias", new long[] {1000});
        return sd;
    }

    private static void bn(Map<String, long[]> sd, String prefix, long c) {
        for (String k : List.of("weight", "bias", "running_mean", "running_var")) {
            sd.put(prefix + "." + k, new long[] {c});
        }
        sd.put(prefix + ".num_batches_tracked", new long[] {});
    }

    @Test
    void mapsEveryTensorByName() throws IOException {
        Map<String, long[]> sd = stateDict(NARROW_50);
        Map<String, float[]> values = write(dir.resolve("w.npz"), sd, 3);
        ComputationGraph net = new ComputationGraph(Networks.encoder(NARROW_50, 4, 32, 32, NetworkOptions.defaults()));
        net.init();
        int loaded = TorchvisionWeights.load(dir.resolve("w.npz"), net);
        long usable = sd.keySet().stream().filter(k -> !k.startsWith("fc.") && !k.endsWith("num_batches_tracked"))
                .count();
        assertThat(loaded).as("tensors loaded").isEqualTo(usable);
        assertThat(flat(net.getParam("conv1_W"))).containsExactly(values.get("conv1.weight"));
        assertThat(flat(net.getParam("bn1_var"))).containsExactly(values.get("bn1.running_var"));
        assertThat(flat(net.getParam("layer4_0_downsample_1_gamma")))
                .containsExactly(values.get("layer4.0.downsample.1.weight"));
        assertThat(flat(net.getParam("layer3_5_conv2_W"))).containsExactly(values.get("layer3.5.conv2.weight"));
        // Every encoder parameter came from the file: none is left at its initial value.
        assertThat(net.numParams()).isEqualTo(sd.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("fc.") && !e.getKey().endsWith("num_batches_tracked"))
                .mapToLong(e -> Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b)).sum());
    }

    @Test
    void namesEveryMismatch() throws IOException {
        Map<String, long[]> sd = stateDict(NARROW_50);
        sd.remove("layer2.1.bn2.running_var");
        sd.put("layer3.0.conv2.weight", new long[] {16, 16, 1, 1});
        sd.put("layer5.0.conv1.weight", new long[] {4, 4, 1, 1});
        write(dir.resolve("bad.npz"), sd, 4);
        ComputationGraph net = new ComputationGraph(Networks.encoder(NARROW_50, 4, 32, 32, NetworkOptions.defaults()));
        net.init();
        INDArray before = net.getParam("conv1_W").dup();
        assertThatThrownBy(() -> TorchvisionWeights.load(dir.resolve("bad.npz"), net))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("3 problems")
                .hasMessageContaining("layer2.1.bn2.running_var is missing")
                .hasMessageContaining("layer3.0.conv2.weight has shape [16, 16, 1, 1] but layer3_0_conv2/W needs"
                        + " [16, 16, 3, 3]")
                .hasMessageContaining("tensors that match no layer: layer5.0.conv1.weight");
        assertThat(net.getParam("conv1_W")).as("nothing loaded").isEqualTo(before);
    }

    @Test
    void refusesAMissingFile() {
        ComputationGraph net = new ComputationGraph(Networks.encoder(NARROW_50, 1, 32, 32, NetworkOptions.defaults()));
        net.init();
        assertThatThrownBy(() -> TorchvisionWeights.load(dir.resolve("none.npz"), net))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("does not exist");
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** Writes an .npz as numpy.savez does: float32 tensors, int64 scalars for num_batches_tracked. */
    static Map<String, float[]> write(Path file, Map<String, long[]> sd, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, long[]> e : sd.entrySet()) {
                long[] shape = e.getValue();
                boolean counter = e.getKey().endsWith("num_batches_tracked");
                int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                ByteBuffer data = ByteBuffer.allocate(n * (counter ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    if (counter) {
                        data.putLong(100);
                    } else {
                        v[i] = (float) random.nextDouble(0.5, 1.5);
                        data.putFloat(v[i]);
                    }
                }
                values.put(e.getKey(), v);
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                npy(zip, counter ? "<i8" : "<f4", shape, data.array());
                zip.closeEntry();
            }
        }
        return values;
    }

    private static void npy(OutputStream out, String descr, long[] shape, byte[] data) throws IOException {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims + (shape.length == 1 ? "," : "") + "), }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.write(header.length() & 0xFF);
        b.write(header.length() >> 8);
        b.write(header.getBytes(StandardCharsets.ISO_8859_1));
        b.write(data);
        out.write(b.toByteArray());
    }
}
