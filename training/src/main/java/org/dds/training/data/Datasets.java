package org.dds.training.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.training.task.Task;

/**
 * The datasets of paper Table 5, as instances of {@link DatasetSource} (an enum of instances, like Tribuo's
 * {@code DistanceType}): the command line names them, and a new dataset is one class plus one constant here.
 */
public enum Datasets {
    /** NYUv2 labeled (Silberman et al. 2012): edges, depth, semantic; 200 epochs. */
    NYUV2(new Source("nyuv2", EnumSet.of(Task.EDGE, Task.DEPTH, Task.SEMANTIC), 200,
            "the NYUv2 labeled set has no normals (Table 5 uses edge, depth and semantic on NYUv2)") {
        @Override
        public DenseDataset open(Path data, Split split, Task task) {
            return NyuV2Dataset.open(data, split);
        }
    }),
    /** Pascal VOC 2012 (with distilled normals): edges, normals, semantic; 60 epochs. */
    PASCAL(new Source("pascal", EnumSet.of(Task.EDGE, Task.NORMALS, Task.SEMANTIC), 60, "Pascal VOC has no depth") {
        @Override
        public DenseDataset open(Path data, Split split, Task task) {
            return PascalDataset.open(data, split, task == Task.NORMALS);
        }
    });

    private final DatasetSource source;

    Datasets(DatasetSource source) {
        this.source = source;
    }

    /** @return the dataset */
    public DatasetSource source() {
        return source;
    }

    /**
     * @param name a dataset name (case-insensitive)
     * @return its constant
     * @throws DdsInputException naming the valid names
     */
    public static Datasets parse(String name) {
        for (Datasets d : values()) {
            if (d.source.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return d;
            }
        }
        throw new DdsInputException("unknown dataset '" + name + "': expected one of " + names());
    }

    /** @return the names, e.g. {@code nyuv2 or pascal} */
    public static String names() {
        return Arrays.stream(values()).map(d -> d.source.name()).collect(Collectors.joining(" or "));
    }

    /** The name, tasks and epochs of a built-in dataset. */
    private abstract static class Source implements DatasetSource {
        private final String name;
        private final Set<Task> tasks;
        private final int paperEpochs;
        private final String missing;

        Source(String name, Set<Task> tasks, int paperEpochs, String missing) {
            this.name = name;
            this.tasks = Set.copyOf(tasks);
            this.paperEpochs = paperEpochs;
            this.missing = missing;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Task> tasks() {
            return tasks;
        }

        @Override
        public int paperEpochs() {
            return paperEpochs;
        }

        @Override
        public String missingTask(Task task) {
            return missing;
        }

        @Override
        public String toString() {
            return name.toUpperCase(Locale.ROOT);
        }
    }
}
