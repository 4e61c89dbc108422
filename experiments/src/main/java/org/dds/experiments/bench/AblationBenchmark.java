package org.dds.experiments.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dds.core.FeatureSet;
import org.dds.core.MapShape;
import org.dds.core.affinity.Ablation;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.comparison.Cka;
import org.dds.core.comparison.MatrixComparison;
import org.dds.core.kernel.FunctionType;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.NormalizationType;

/**
 * The full Table-2 ablation (7 normalisations x 6 functions f, g = unbiased CKA, all T x T pairs) on seeded
 * float32 features, timed against the naive computation that recomputes both models for every pair (what the
 * authors' code does). Prints per-repeat times, the largest difference between the two results, and a last
 * line {@code ablation: <median s> s, naive: <median s> s, speed-up <x>}.
 */
public final class AblationBenchmark {
    private AblationBenchmark() {
    }

    /**
     * @param models       T
     * @param images       n
     * @param features     d (a multiple of 8 for the map normalisations' 16 x 16 x 8 layout when d = 2048; other d
     *                     use an (d/8) x 1 x 8 map)
     * @param repeats      timed repeats of the fast ablation (after one warm-up)
     * @param naiveRepeats timed repeats of the naive baseline
     * @param seed         feature seed
     * @param out          where the report goes
     */
    public static void run(int models, int images, int features, int repeats, int naiveRepeats, long seed,
            PrintWriter out) {
        MapShape shape = features == 2048 ? MapShape.TASKONOMY : new MapShape(features / 8, 1, 8);
        FeatureSet set = SyntheticFeatures.generate(models, images, features, seed);
        List<Normalization> norms = new ArrayList<>();
        for (NormalizationType t : NormalizationType.values()) {
            norms.add(t.create(shape));
        }
        List<PairwiseFunction> fs = new ArrayList<>();
        for (FunctionType t : FunctionType.values()) {
            fs.add(t.create());
        }
        MatrixComparison g = new Cka();
        out.printf("ablation: %d models x %d images x %d features (float32, seed %d), %d normalisations x %d f, "
                + "g = %s, %d cores%n", models, images, features, seed, norms.size(), fs.size(), g,
                Runtime.getRuntime().availableProcessors());
        out.flush();

        Map<String, Map<String, AffinityMatrix>> fast = Ablation.compute(set, norms, fs, g); // warm-up
        double[] fastTimes = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            fast = Ablation.compute(set, norms, fs, g);
            fastTimes[r] = (System.nanoTime() - t0) / 1e9;
            out.printf("  ablation repeat %d: %.3f s%n", r + 1, fastTimes[r]);
            out.flush();
        }
        double[] naiveTimes = new double[naiveRepeats];
        double maxDiff = 0;
        for (int r = 0; r < naiveRepeats; r++) {
            long t0 = System.nanoTime();
            for (Normalization norm : norms) {
                for (PairwiseFunction f : fs) {
                    AffinityMatrix naive = AffinityMatrix.computeNaive(set, new DdsConfig(norm, f, g));
                    AffinityMatrix a = fast.get(norm.name()).get(f.name());
                    for (int i = 0; i < models; i++) {
                        for (int j = 0; j < models; j++) {
                            maxDiff = Math.max(maxDiff, Math.abs(naive.get(i, j) - a.get(i, j)));
                        }
                    }
                }
            }
            naiveTimes[r] = (System.nanoTime() - t0) / 1e9;
            out.printf("  naive repeat %d: %.3f s%n", r + 1, naiveTimes[r]);
            out.flush();
        }
        Runtime rt = Runtime.getRuntime();
        out.printf("max |ablation - naive| = %.3g; JVM heap in use after the run: %d MiB%n", maxDiff,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        double fm = median(fastTimes);
        double nm = median(naiveTimes);
        out.printf("ablation: %.3f s, naive: %.3f s, speed-up %.1fx%n", fm, nm, nm / fm);
        out.flush();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
