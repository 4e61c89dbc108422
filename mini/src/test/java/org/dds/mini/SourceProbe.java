package org.dds.mini;

import java.util.List;
import java.util.Locale;

import org.dds.training.backend.NativeBackend;
import org.dds.training.model.ResNetSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Profiling harness (not a test): trains one source and prints its speed and own-task ridge score. */
public final class SourceProbe {
    public static void main(String[] args) {
        NativeBackend.configure();
        String[] taskNames = args[0].split(",");
        int images = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        double lr = Double.parseDouble(args[4]);
        MiniConfig config = new MiniConfig(null, null, images, epochs, batch, lr, false, 2000, 2000, 200,
                List.of(16, 32, 64, 128), List.of(1, 1, 1, 1), 1993, 0, 0);
        FashionMnist train = FashionMnist.load(null, "train", Integer.MAX_VALUE);
        FashionMnist test = FashionMnist.load(null, "t10k", Integer.MAX_VALUE);
        ImageSize size = train.imageSize();
        int n = train.labels().length;
        ResNetSpec spec = MiniNetworks.encoder(config.widths(), config.depths());
        int[] sourceIdx = range(0, images);
        int[] budgetIdx = range(n - 2000, 2000);
        int[] evalIdx = range(0, 2000);
        if (System.getenv("PAR") != null) {
            org.nd4j.linalg.factory.Nd4j.scalar(0f);
            if (System.getenv("BLAS1") != null) {
                org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(1);
            }
            long t = System.nanoTime();
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            for (String name : taskNames) {
                Thread th = new Thread(() -> {
                    if (System.getenv("SETOMP") != null) {
                        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                    }
                    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    MiniTask task = MiniTask.parse(name);
                    TaskSamples samples = task.samples(train, sourceIdx, MiniBenchmark.seed(config, name, "source"));
                    ComputationGraph net = new ComputationGraph(MiniNetworks.network(spec, size,
                            task.kind() == MiniTask.Kind.CLASSIFICATION, task.outputs(size),
                            MiniBenchmark.seed(config, name, "init"), lr));
                    net.init();
                    long t1 = System.nanoTime();
                    double loss = SourceTrainer.train(net, samples, epochs, batch,
                            MiniBenchmark.seed(config, name, "order"), name, line -> { });
                    System.out.printf(Locale.ROOT, "%s parallel loss %.4f %.1f s, thread cpu %.1f s%n", name, loss,
                            (System.nanoTime() - t1) / 1e9, (java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime() - cpu0) / 1e9);
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            double sec = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "process cpu %.1f s%n", ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
            System.out.printf(Locale.ROOT, "parallel total %.1f s, %.0f img/s%n", sec,
                    taskNames.length * (double) images * epochs / sec);
            return;
        }
        for (String name : taskNames) {
            MiniTask task = MiniTask.parse(name);
            long t0 = System.nanoTime();
            TaskSamples samples = task.samples(train, sourceIdx, MiniBenchmark.seed(config, name, "source"));
            double tSamples = (System.nanoTime() - t0) / 1e9;
            int steps = epochs * ((images + batch - 1) / batch);
            String warm = System.getenv("WARMUP");
            ComputationGraph net = new ComputationGraph(warm == null ? MiniNetworks.network(spec, size,
                    task.kind() == MiniTask.Kind.CLASSIFICATION, task.outputs(size),
                    MiniBenchmark.seed(config, name, "init"), lr) : MiniNetworks.network(spec, size,
                    task.kind() == MiniTask.Kind.CLASSIFICATION, task.outputs(size),
                    MiniBenchmark.seed(config, name, "init"), new OneCycle(lr, Double.parseDouble(warm)).schedule(steps)));
            net.init();
            long t1 = System.nanoTime();
            long c1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            double loss = SourceTrainer.train(net, samples, epochs, batch, MiniBenchmark.seed(config, name, "order"),
                    name, line -> { });
            double tTrain = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "%s training thread cpu %.2f s%n", name,
                    (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c1) / 1e9);
            long t2 = System.nanoTime();
            TaskSamples tr = task.samples(train, budgetIdx, MiniBenchmark.seed(config, name, "transfer"));
            TaskSamples ev = task.samples(test, evalIdx, MiniBenchmark.seed(config, name, "evaluation"));
            String last = MiniNetworks.blocks(spec).get(3);
            float[] fTrain = EncoderFeatures.compute(net, size, tr.inputs(), 2000, List.of(last))[0];
            float[] fEval = EncoderFeatures.compute(net, size, ev.inputs(), 2000, List.of(last))[0];
            double tFeat = (System.nanoTime() - t2) / 1e9;
            long t3 = System.nanoTime();
            double score;
            try (RidgeReadout r = RidgeReadout.prepare(fTrain, 2000, fEval, 2000, fTrain.length / 2000, 7)) {
                score = MiniBenchmark.score(task, r.fit(tr.targets(), task.outputs(size)).predictions(), ev);
            }
            double tRidge = (System.nanoTime() - t3) / 1e9;
            System.out.printf(Locale.ROOT, "%s images=%d epochs=%d batch=%d lr=%s: loss %.4f score %.4f | samples %.1f s"
                    + " train %.1f s (%.0f img/s) features %.1f s ridge %.1f s%n", name, images, epochs, batch, lr, loss,
                    score, tSamples, tTrain, images * (double) epochs / tTrain, tFeat, tRidge);
        }
    }

    private static int[] range(int from, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
