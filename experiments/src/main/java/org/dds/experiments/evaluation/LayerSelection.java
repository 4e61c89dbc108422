package org.dds.experiments.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.kernel.Laplacian;
import org.dds.core.normalization.ZScore;

/**
 * Layer selection by DDS (Dwivedi, Huang, Cichy, Roig, ECCV 2020, section 5.2 and Figure 4): the DDS between each
 * block (layer) of one encoder and each of a set of task models on the same images, summarised per task family,
 * and the blocks of an encoder ranked for one target task. Blocks may have different numbers of features: DDS
 * compares the n x n matrices f gives, not the features themselves. Every model is prepared once.
 */
public final class LayerSelection {

    /**
     * DDS of every block with every task.
     *
     * @param blocks the blocks, in order
     * @param tasks  the tasks, in order
     * @param dds    dds[b][t] = DDS(block b, task t)
     */
    public record Matrix(List<String> blocks, List<String> tasks, double[][] dds) {
        /** Copies the fields. */
        public Matrix {
            blocks = List.copyOf(blocks);
            tasks = List.copyOf(tasks);
            dds = Arrays.stream(dds).map(double[]::clone).toArray(double[][]::new);
        }

        /** @return a copy of the values */
        @Override
        public double[][] dds() {
            return Arrays.stream(dds).map(double[]::clone).toArray(double[][]::new);
        }
    }

    /**
     * The blocks x tasks matrix averaged over the tasks of each family.
     *
     * @param blocks     the blocks, in order
     * @param families   the families that have at least one of the tasks, in the mapping's order
     * @param mean       mean[b][f]: mean DDS of block b with the tasks of family f
     * @param taskCount  how many tasks each family has among the tasks
     * @param unassigned the tasks the mapping has no family for (left out of the means)
     */
    public record FamilyView(List<String> blocks, List<String> families, double[][] mean, int[] taskCount,
            List<String> unassigned) {
        /** Copies the fields. */
        public FamilyView {
            blocks = List.copyOf(blocks);
            families = List.copyOf(families);
            mean = Arrays.stream(mean).map(double[]::clone).toArray(double[][]::new);
            taskCount = taskCount.clone();
            unassigned = List.copyOf(unassigned);
        }

        /**
         * @param block a block index
         * @return the index of the family block {@code block} is most similar to (first on a tie)
         */
        public int mostSimilarFamily(int block) {
            return Vectors.argmax(mean[block]);
        }

        /**
         * @param block a block index
         * @return how much its best family's mean exceeds the second best's (0 with one family)
         */
        public double familyMargin(int block) {
            return margin(mean[block]);
        }

        /**
         * @param family a family index
         * @return the index of the block most similar to that family (first on a tie)
         */
        public int bestBlock(int family) {
            return Vectors.argmax(column(family));
        }

        /**
         * @param family a family index
         * @return how much its best block's mean exceeds the second best block's (0 with one block)
         */
        public double blockMargin(int family) {
            return margin(column(family));
        }

        private double[] column(int family) {
            return Arrays.stream(mean).mapToDouble(row -> row[family]).toArray();
        }
    }

    /**
     * A block ranked for a target.
     *
     * @param rank  1 for the most similar
     * @param block the block's name
     * @param dds   DDS(block, target)
     */
    public record Ranked(int rank, String block, double dds) {
    }

    private LayerSelection() {
    }

    /** @return the DDS of paper Figure 4: z-score, f = Laplacian, unbiased-centred CKA */
    public static DdsConfig paperConfig() {
        return new DdsConfig(new ZScore(), new Laplacian(), new Cka(Centering.UNBIASED));
    }

    /**
     * @param blocks the blocks' features
     * @param tasks  the tasks' features, on the same images in the same order
     * @param config the DDS
     * @return DDS of every block with every task
     * @throws DdsInputException if the image counts differ or a name is in both sets
     */
    public static Matrix blocksVersusTasks(FeatureSet blocks, FeatureSet tasks, DdsConfig config) {
        requireSameImages(blocks, "the blocks", tasks, "the tasks");
        AffinityMatrix a = AffinityMatrix.compute(union(blocks, tasks, "the tasks"), config);
        int nb = blocks.size();
        double[][] dds = new double[nb][tasks.size()];
        for (int b = 0; b < nb; b++) {
            for (int t = 0; t < tasks.size(); t++) {
                dds[b][t] = a.get(b, nb + t);
            }
        }
        return new Matrix(blocks.names(), tasks.names(), dds);
    }

    /**
     * Checks, before any DDS is computed, what {@link #blocksVersusTasks} and {@link #byFamily} would refuse.
     *
     * @param blocks   the blocks' features
     * @param tasks    the tasks' features
     * @param families the task families
     * @throws DdsInputException if the image counts differ, a name is in both sets or no task has a family
     */
    public static void check(FeatureSet blocks, FeatureSet tasks, TaskFamilies families) {
        requireSameImages(blocks, "the blocks", tasks, "the tasks");
        union(blocks, tasks, "the tasks");
        usedFamilies(tasks.names(), families);
    }

    /**
     * @param m        DDS of blocks with tasks
     * @param families the task families
     * @return the means per family
     * @throws DdsInputException if no task has a family
     */
    public static FamilyView byFamily(Matrix m, TaskFamilies families) {
        List<String> used = usedFamilies(m.tasks(), families);
        List<String> unassigned = m.tasks().stream().filter(t -> families.familyOf(t).isEmpty()).toList();
        double[][] dds = m.dds();
        double[][] mean = new double[m.blocks().size()][used.size()];
        int[] count = new int[used.size()];
        for (int t = 0; t < m.tasks().size(); t++) {
            int f = families.familyOf(m.tasks().get(t)).map(used::indexOf).orElse(-1);
            if (f >= 0) {
                count[f]++;
                for (int b = 0; b < mean.length; b++) {
                    mean[b][f] += dds[b][t];
                }
            }
        }
        for (double[] row : mean) {
            for (int f = 0; f < row.length; f++) {
                row[f] /= count[f];
            }
        }
        return new FamilyView(m.blocks(), used, mean, count, unassigned);
    }

    /**
     * The blocks ranked by DDS with a target, most similar first (ties keep the blocks' order).
     *
     * @param blocks the blocks' features
     * @param target the target's features, same images in the same order
     * @param config the DDS
     * @return one entry per block
     */
    public static List<Ranked> rank(FeatureSet blocks, FeatureMatrix target, DdsConfig config) {
        FeatureSet t = new FeatureSet(List.of(target));
        requireSameImages(blocks, "the blocks", t, "the target '" + target.name() + "'");
        AffinityMatrix a = AffinityMatrix.compute(union(blocks, t, "the target"), config);
        int nb = blocks.size();
        Integer[] order = IntStream.range(0, nb).boxed()
                .sorted(Comparator.comparingDouble((Integer b) -> -a.get(b, nb)).thenComparingInt(b -> b))
                .toArray(Integer[]::new);
        List<Ranked> out = new ArrayList<>(nb);
        for (int k = 0; k < nb; k++) {
            out.add(new Ranked(k + 1, blocks.names().get(order[k]), a.get(order[k], nb)));
        }
        return out;
    }

    private static List<String> usedFamilies(List<String> tasks, TaskFamilies families) {
        List<String> used = families.families().stream()
                .filter(f -> tasks.stream().anyMatch(t -> families.familyOf(t).filter(f::equals).isPresent()))
                .toList();
        if (used.isEmpty()) {
            throw new DdsInputException("none of the tasks (" + String.join(", ", tasks) + ") has a family in "
                    + families.source() + ": name the task models as in it, or give a CSV 'task,family' for them");
        }
        return used;
    }

    private static void requireSameImages(FeatureSet a, String aName, FeatureSet b, String bName) {
        if (a.images() != b.images()) {
            throw new DdsInputException("the features of " + aName + " describe " + a.images() + " images but those of "
                    + bName + " " + b.images() + ": extract both on the same images, in the same order");
        }
    }

    private static FeatureSet union(FeatureSet blocks, FeatureSet others, String what) {
        Set<String> names = new HashSet<>(blocks.names());
        for (String n : others.names()) {
            if (names.contains(n)) {
                throw new DdsInputException("model '" + n + "' is both a block and in " + what
                        + ": give the blocks and the tasks distinct names");
            }
        }
        List<FeatureMatrix> all = new ArrayList<>(blocks.models());
        all.addAll(others.models());
        return new FeatureSet(all);
    }

    private static double margin(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length - 1] - s[s.length - 2];
    }
}
