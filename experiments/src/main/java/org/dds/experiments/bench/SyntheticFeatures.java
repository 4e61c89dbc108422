package org.dds.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;

/**
 * Seeded float32 features shaped like encoder outputs: each model is a random linear map of shared image
 * factors plus noise, passed through a ReLU (so columns are non-negative and rows share a positive mean, as in
 * real encoder features). The same seed gives the same features.
 */
public final class SyntheticFeatures {
    private SyntheticFeatures() {
    }

    /**
     * @param models   T
     * @param images   n
     * @param features d
     * @param seed     seed
     * @return T models of n x d float32 values (widened to float64)
     */
    public static FeatureSet generate(int models, int images, int features, long seed) {
        List<FeatureMatrix> out = new ArrayList<>(models);
        forEachModel(models, images, features, seed,
                (t, x) -> out.add(FeatureMatrix.ofFloats("model" + t, images, features, x)));
        return new FeatureSet(out);
    }

    /** Receives one model's features. */
    @FunctionalInterface
    public interface ModelSink {
        /**
         * @param model    the model's index, 0 .. T-1 (its name is {@code model<index>})
         * @param features n x d float32, row-major
         */
        void accept(int model, float[] features);
    }

    /**
     * The features of {@link #generate}, one model at a time, so that T n d values never need to be held at once.
     *
     * @param models   T
     * @param images   n
     * @param features d
     * @param seed     seed
     * @param sink     receives each model in order
     */
    public static void forEachModel(int models, int images, int features, long seed, ModelSink sink) {
        SplittableRandom root = new SplittableRandom(seed);
        int factors = 16;
        double[] shared = new double[images * factors];
        SplittableRandom sr = root.split();
        for (int k = 0; k < shared.length; k++) {
            shared[k] = gaussian(sr);
        }
        for (int t = 0; t < models; t++) {
            SplittableRandom r = root.split();
            double[] w = new double[factors * features];
            for (int k = 0; k < w.length; k++) {
                w[k] = gaussian(r) / Math.sqrt(factors);
            }
            float[] x = new float[images * features];
            for (int i = 0; i < images; i++) {
                for (int j = 0; j < features; j++) {
                    double v = 0;
                    for (int f = 0; f < factors; f++) {
                        v += shared[i * factors + f] * w[f * features + j];
                    }
                    v += 0.5 * gaussian(r);
                    x[i * features + j] = (float) Math.max(0.0, v);
                }
            }
            sink.accept(t, x);
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller from the splittable stream (no global RNG).
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
