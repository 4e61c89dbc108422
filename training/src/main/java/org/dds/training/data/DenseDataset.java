package org.dds.training.data;

/**
 * A dataset of images with dense annotations, read one sample at a time from its files (never all in memory).
 * Implementations are safe to call from one thread at a time.
 */
public interface DenseDataset extends AutoCloseable {

    /** @return the number of images in this split */
    int size();

    /**
     * @param index 0 to size() - 1
     * @return that image with its annotations
     * @throws org.dds.core.DdsInputException if its files are unreadable
     */
    Sample get(int index);

    /** @return semantic classes (labels 0 .. classes - 1) */
    int classes();

    /** @return e.g. "NYUv2 labeled, train split (795 images) from /data/nyu" */
    String describe();

    @Override
    default void close() {
        // Nothing to release by default.
    }
}
