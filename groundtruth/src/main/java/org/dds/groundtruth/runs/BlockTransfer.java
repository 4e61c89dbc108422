package org.dds.groundtruth.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.groundtruth.GroundTruthSource;

/**
 * Transfer ground truth for one target task from fine-tuning (Dwivedi et al., ECCV 2020, Table 5 and Fig. 4): how
 * well the ImageNet ResNet-50 cut after block k transfers to the target, measured as the validation metric of the
 * network fine-tuned from it. {@link #score} orients it so that higher is better: mIoU as it is, errors (mean
 * absolute error of edges, mean angle of normals, RMSE of log depth; {@code higher_is_better=false} in the result
 * file) negated. A DDS ranking of the blocks is then compared with the ranking of these scores.
 *
 * @param dataset        e.g. {@code pascal}
 * @param task           e.g. {@code semantic}
 * @param metric         the metric of every run, e.g. {@code miou}
 * @param higherIsBetter whether a larger metric is better
 * @param values         block -> metric as measured (not oriented), at least one block
 * @param sources        the result files, one per block, in block order
 */
public record BlockTransfer(String dataset, String task, String metric, boolean higherIsBetter,
        SortedMap<Integer, Double> values, List<GroundTruthSource> sources) {

    /** Validates and copies the fields. */
    public BlockTransfer {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(metric, "metric");
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        sources = List.copyOf(sources);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("transfer to " + dataset + "/" + task + " has no block");
        }
        if (values.values().stream().anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalArgumentException("transfer to " + dataset + "/" + task + " has a non-finite value: "
                    + values);
        }
    }

    /**
     * Groups runs by target (dataset, task).
     *
     * @param runs finished runs, e.g. from {@link TrainingRuns#read}
     * @return one entry per target, sorted by dataset and task
     * @throws DdsInputException if two runs give the same target and block, or a target's runs disagree on the
     *                           metric
     */
    public static List<BlockTransfer> of(List<TrainingRun> runs) {
        Map<String, List<TrainingRun>> byTarget = runs.stream().sorted(Comparator.comparing(TrainingRun::dataset)
                .thenComparing(TrainingRun::task).thenComparingInt(TrainingRun::block))
                .collect(Collectors.groupingBy(TrainingRun::target, LinkedHashMap::new, Collectors.toList()));
        List<BlockTransfer> out = new ArrayList<>();
        for (List<TrainingRun> target : byTarget.values()) {
            TrainingRun first = target.get(0);
            SortedMap<Integer, Double> values = new TreeMap<>();
            Map<Integer, TrainingRun> seen = new TreeMap<>();
            List<GroundTruthSource> sources = new ArrayList<>();
            for (TrainingRun r : target) {
                if (!r.metric().equals(first.metric()) || r.higherIsBetter() != first.higherIsBetter()) {
                    throw new DdsInputException(r.source().location() + " measures " + r.target() + " by "
                            + r.metric() + " (higher is better: " + r.higherIsBetter() + ") but "
                            + first.source().location() + " by " + first.metric() + " (" + first.higherIsBetter()
                            + "): the runs of one task must use one metric; train them with the same dds version");
                }
                TrainingRun before = seen.put(r.block(), r);
                if (before != null) {
                    throw new DdsInputException("two runs give " + r.target() + " block " + r.block() + ": "
                            + before.source().location() + " and " + r.source().location() + "; keep one of them in"
                            + " the runs directory");
                }
                values.put(r.block(), r.value());
                sources.add(r.source());
            }
            out.add(new BlockTransfer(first.dataset(), first.task(), first.metric(), first.higherIsBetter(), values,
                    sources));
        }
        return out;
    }

    /** @return the blocks with a run, ascending */
    public List<Integer> blocks() {
        return List.copyOf(values.keySet());
    }

    /**
     * @param block a block
     * @return the metric the run of that block reached, as measured
     * @throws DdsInputException if no run of that block is at hand
     */
    public double value(int block) {
        Double v = values.get(block);
        if (v == null) {
            throw new DdsInputException(p -> "no finished run of " + dataset + "/" + task + " block " + block
                    + " (runs: blocks " + values.keySet() + "): train it with ./dds train " + p.apply("dataset") + " "
                    + dataset + " " + p.apply("task") + " " + task + " " + p.apply("block") + " " + block
                    + ", or leave the block out");
        }
        return v;
    }

    /**
     * @param block a block
     * @return its value oriented so that higher is better (negated for errors)
     * @throws DdsInputException if no run of that block is at hand
     */
    public double score(int block) {
        double v = value(block);
        return higherIsBetter ? v : -v;
    }

    /**
     * @param blocks blocks, e.g. the feature models being ranked
     * @return their scores in that order
     * @throws DdsInputException naming the first block without a run
     */
    public double[] scores(List<Integer> blocks) {
        return blocks.stream().mapToDouble(this::score).toArray();
    }

    /** @return "dataset/task" */
    public String target() {
        return dataset + "/" + task;
    }
}
