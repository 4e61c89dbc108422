package org.dds.experiments.bench;

import java.io.PrintWriter;

/** STAND-IN, to be replaced by the real Table-2 ablation benchmark from the benchmark owner. */
public final class AblationBenchmark {
    private AblationBenchmark() {
    }

    /**
     * @param models       T
     * @param images       n
     * @param features     d
     * @param repeats      timed repeats of the fast path
     * @param naiveRepeats timed repeats of the naive baseline
     * @param seed         seed of the synthetic features
     * @param out          where the results go
     */
    public static void run(int models, int images, int features, int repeats, int naiveRepeats, long seed,
            PrintWriter out) {
        out.println("not implemented");
        out.flush();
    }
}
