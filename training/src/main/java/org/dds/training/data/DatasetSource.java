package org.dds.training.data;

import java.nio.file.Path;
import java.util.Set;

import org.dds.training.task.Task;

/**
 * A dataset the trainer can open: its name, the tasks it annotates, the paper's number of epochs, and how to open
 * one split from its directory. One class implementing this and one constant in {@link Datasets} add a dataset.
 */
public interface DatasetSource {
    /** @return the name on the command line and in result files, e.g. {@code pascal} */
    String name();

    /** @return the tasks the dataset has labels for */
    Set<Task> tasks();

    /** @return the epochs paper Table 5 trains for on it */
    int paperEpochs();

    /** @return a sentence for the message when a task is missing, e.g. why the dataset has no such labels */
    String missingTask(Task task);

    /**
     * @param data  the dataset's directory
     * @param split train or validation
     * @param task  the task that will be trained (a dataset may read extra files for it)
     * @return the split, read lazily
     * @throws org.dds.core.DdsInputException naming the parameter {@code data} when files are missing
     */
    DenseDataset open(Path data, Split split, Task task);
}
