package org.dds.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.dds.core.testing.PairwiseOnly;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The T x T affinity matrix of T models over n images (d = 256 features, the paper's default DDS: z-score,
 * cosine, unbiased CKA) three ways, so that each is read as a ratio to the naive baseline of the same run:
 * <ul>
 * <li>{@code naive}: every pair recomputes both models, as the authors' code does (T^2 / 2 preparations);</li>
 * <li>{@code embedded}: each model prepared once, all pairs by one product V V^T (the fast path);</li>
 * <li>{@code pairwise}: each model prepared once, pairs compared one by one with {@code compare} (the path of a
 * g without a unit-vector embedding).</li>
 * </ul>
 * Run with {@code mvn -q -B -pl dds-core -Pjmh test-compile exec:exec} (see dds-core/pom.xml).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AffinityBenchmark {

    /** T, the number of models. */
    @Param({"4", "16"})
    public int models;

    /** n, the number of images. */
    @Param({"100", "200"})
    public int images;

    private FeatureSet set;
    private DdsConfig config;
    private DdsConfig withoutEmbedding;

    /** Seeded features, the same in every run. */
    @Setup
    public void setUp() {
        int d = 256;
        List<FeatureMatrix> list = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            SplittableRandom r = new SplittableRandom(m + 1L);
            double[] v = new double[images * d];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.nextDouble(-1, 1);
            }
            list.add(FeatureMatrix.of("m" + m, images, d, v));
        }
        set = new FeatureSet(list);
        config = DdsConfig.defaults();
        withoutEmbedding = new DdsConfig(config.normalization(), config.function(),
                new PairwiseOnly(config.comparison()));
    }

    /** @return the affinity matrix, every pair from scratch */
    @Benchmark
    public AffinityMatrix naive() {
        return AffinityMatrix.computeNaive(set, config);
    }

    /** @return the affinity matrix by the embedding path */
    @Benchmark
    public AffinityMatrix embedded() {
        return AffinityMatrix.compute(set, config);
    }

    /** @return the affinity matrix by the pairwise fallback */
    @Benchmark
    public AffinityMatrix pairwise() {
        return AffinityMatrix.compute(set, withoutEmbedding);
    }
}
