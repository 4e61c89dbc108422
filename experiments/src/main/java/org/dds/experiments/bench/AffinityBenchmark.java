package org.dds.experiments.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;

/**
 * Time and peak memory of one affinity matrix (the default DDS: z-score, cosine, unbiased CKA) for T models at a
 * given number of images: the scaling check of SPEC section 9 (n = 1000 and n = 5000 images, 20 models).
 */
public final class AffinityBenchmark {
    private AffinityBenchmark() {
    }

    /**
     * @param models   T
     * @param images   n
     * @param features d
     * @param repeats  timed repeats (after one warm-up when repeats > 1)
     * @param seed     feature seed
     * @param out      where the report goes
     */
    public static void run(int models, int images, int features, int repeats, long seed, PrintWriter out) {
        FeatureSet set = SyntheticFeatures.generate(models, images, features, seed);
        DdsConfig config = DdsConfig.defaults();
        out.printf("affinity: %d models x %d images x %d features (float32, seed %d), %s%n", models, images,
                features, seed, config.label());
        out.flush();
        if (repeats > 1) {
            AffinityMatrix.compute(set, config);
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        double[] t = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            AffinityMatrix.compute(set, config);
            t[r] = (System.nanoTime() - t0) / 1e9;
            out.printf("  repeat %d: %.3f s%n", r + 1, t[r]);
            out.flush();
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                heapPeak += p.getPeakUsage().getUsed();
            }
        }
        long offHeap = org.bytedeco.javacpp.Pointer.maxPhysicalBytes() > 0
                ? org.bytedeco.javacpp.Pointer.physicalBytes() : -1;
        out.printf("affinity n=%d: %.3f s (median of %d); peak JVM heap %d MiB; process RSS now %d MiB%n", images,
                AblationBenchmark.median(t), repeats, heapPeak >> 20, offHeap >> 20);
        out.flush();
    }
}
