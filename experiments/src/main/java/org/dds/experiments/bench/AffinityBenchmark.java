package org.dds.experiments.bench;

import java.io.PrintWriter;

/** STAND-IN, to be replaced by the real affinity-matrix benchmark from the benchmark owner. */
public final class AffinityBenchmark {
    private AffinityBenchmark() {
    }

    /**
     * @param models   T
     * @param images   n
     * @param features d
     * @param repeats  timed repeats
     * @param seed     seed of the synthetic features
     * @param out      where the results go
     */
    public static void run(int models, int images, int features, int repeats, long seed, PrintWriter out) {
        out.println("not implemented");
        out.flush();
    }
}
