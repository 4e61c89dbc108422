package org.dds.training.weights;

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

import org.dds.training.model.ResNetSpec;

/** torchvision state_dicts written as .npz by tests: key names and shapes from torchvision's ResNet module structure. */
public final class StateDicts {
    /** The ResNet-50 topology (Bottleneck 3-4-6-3) at widths 8 (stem) and 4-8-16-32, so archives stay small. */
    public static final ResNetSpec NARROW_50 = new ResNetSpec(3, 8, 7, 2, true, true, java.util.List.of(4, 8, 16, 32),
            java.util.List.of(3, 4, 6, 3), 32);

    private StateDicts() {
    }

    /** torchvision's state_dict keys and shapes for a Bottleneck ResNet, written from its module structure. */
    public static Map<String, long[]> stateDict(ResNetSpec spec) {
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

    /**
     * Writes an .npz as numpy.savez does: float32 tensors (batch-norm scales and variances in [0.5, 1.5], everything
     * else in [-0.1, 0.1]), int64 scalars for num_batches_tracked.
     */
    public static Map<String, float[]> write(Path file, Map<String, long[]> sd, long seed) throws IOException {
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
                        boolean scale = e.getKey().endsWith("running_var") || e.getKey().matches(".*(bn\\d|downsample\\.1)\\.weight");
                        v[i] = (float) (scale ? random.nextDouble(0.5, 1.5) : random.nextDouble(-0.1, 0.1));
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
