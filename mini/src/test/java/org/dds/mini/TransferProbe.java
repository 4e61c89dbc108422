package org.dds.mini;

import java.util.List;
import java.util.Locale;

import org.dds.training.backend.NativeBackend;
import org.dds.training.model.ResNetSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Profiling harness (not a test): times features and ridge readouts of one untrained source, one thread. */
public final class TransferProbe {
    public static void main(String[] args) {
        NativeBackend.configure();
        NativeBackend.oneNativeThreadHere();
        boolean blocks = args.length > 0 && args[0].equals("blocks");
        MiniConfig config = MiniConfig.quick(null, null, 1993);
        FashionMnist train = FashionMnist.load(null, "train", Integer.MAX_VALUE);
        FashionMnist test = FashionMnist.load(null, "t10k", Integer.MAX_VALUE);
        ImageSize size = train.imageSize();
        int n = train.labels().length;
        ResNetSpec spec = MiniNetworks.encoder(config.widths(), config.depths());
        ComputationGraph net = new ComputationGraph(MiniNetworks.network(spec, size, true, 10, 1, 1e-3));
        net.init();
        int[] budgetIdx = new int[2000];
        int[] evalIdx = new int[2000];
        for (int i = 0; i < 2000; i++) {
            budgetIdx[i] = n - 2000 + i;
            evalIdx[i] = i;
        }
        List<String> all = MiniNetworks.blocks(spec);
        List<String> vertices = blocks ? all : List.of(all.get(3));
        for (MiniTask.Input input : MiniTask.Input.values()) {
            List<MiniTask> group = java.util.Arrays.stream(MiniTask.values()).filter(t -> t.input() == input).toList();
            TaskSamples tr0 = group.get(0).samples(train, budgetIdx, 1);
            TaskSamples ev0 = group.get(0).samples(test, evalIdx, 2);
            long t0 = System.nanoTime();
            float[][] ft = EncoderFeatures.compute(net, size, tr0.inputs(), 2000, vertices);
            float[][] fe = EncoderFeatures.compute(net, size, ev0.inputs(), 2000, vertices);
            long t1 = System.nanoTime();
            double prep = 0;
            double fit = 0;
            for (int v = 0; v < vertices.size(); v++) {
                long p0 = System.nanoTime();
                try (RidgeReadout r = RidgeReadout.prepare(ft[v], 2000, fe[v], 2000, ft[v].length / 2000, 3)) {
                    long p1 = System.nanoTime();
                    prep += (p1 - p0) / 1e9;
                    for (MiniTask t : group) {
                        TaskSamples tr = t.samples(train, budgetIdx, 1);
                        long f0 = System.nanoTime();
                        r.fit(tr.targets(), t.outputs(size));
                        fit += (System.nanoTime() - f0) / 1e9;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s (%d targets): features %.2f s, prepare %.2f s, fits %.2f s%n", input,
                    group.size(), (t1 - t0) / 1e9, prep, fit);
        }
    }
}
