package org.dds.training.data;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;

import org.dds.core.stats.SeedMix;

import org.dds.training.task.Task;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The batches of one epoch: images normalised as the pretrained weights expect ({@link PixelNormalization}:
 * torchvision's ImageNet mean and standard deviation unless told otherwise), and the task's labels. Training
 * batches visit the images in a seeded random order with seeded augmentation and drop the last incomplete batch;
 * evaluation batches are in order, centre-cropped, all images. Everything random derives from (seed, epoch, image
 * index) alone, so an epoch gives the same batches whether or not the run was resumed.
 */
public final class DenseBatches implements MultiDataSetIterator {
    private static final long serialVersionUID = 1L;

    private final transient DenseDataset dataset;
    private final Task task;
    private final int size;
    private final int batch;
    private final boolean training;
    private final long seed;
    private final int images;
    private final CNN2DFormat format;
    private final DataType dataType;
    private final PixelNormalization normalization;
    private int epoch;
    private int[] order;
    private int cursor;
    private MultiDataSetPreProcessor preProcessor;

    /**
     * @param dataset  the images
     * @param task     which labels
     * @param size     side S of the square crops
     * @param batch    images per batch
     * @param training true for shuffled, augmented batches
     * @param seed     the seed of the order and the augmentation
     * @param limit    use only the first {@code limit} images (0 = all)
     * @param format   layout of the image batch
     * @param dataType type of the arrays
     */
    public DenseBatches(DenseDataset dataset, Task task, int size, int batch, boolean training, long seed, int limit,
            CNN2DFormat format, DataType dataType) {
        this(dataset, task, size, batch, training, seed, limit, format, dataType, PixelNormalization.TORCHVISION);
    }

    /**
     * @param dataset       the images
     * @param task          which labels
     * @param size          side S of the square crops
     * @param batch         images per batch
     * @param training      true for shuffled, augmented batches
     * @param seed          the seed of the order and the augmentation
     * @param limit         use only the first {@code limit} images (0 = all)
     * @param format        layout of the image batch
     * @param dataType      type of the arrays
     * @param normalization how pixels become input, as the pretrained weights expect
     */
    public DenseBatches(DenseDataset dataset, Task task, int size, int batch, boolean training, long seed, int limit,
            CNN2DFormat format, DataType dataType, PixelNormalization normalization) {
        if (size < 1 || batch < 1 || limit < 0) {
            throw new IllegalArgumentException("size " + size + ", batch " + batch + ", limit " + limit
                    + ": size and batch must be positive, limit not negative");
        }
        this.dataset = dataset;
        this.task = task;
        this.size = size;
        this.batch = batch;
        this.training = training;
        this.seed = seed;
        this.images = limit == 0 ? dataset.size() : Math.min(limit, dataset.size());
        this.format = format;
        this.dataType = dataType;
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        setEpoch(0);
    }

    /** @param epoch the 0-based epoch whose order and augmentation to produce; rewinds */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
        order = new int[images];
        for (int i = 0; i < images; i++) {
            order[i] = i;
        }
        if (training) {
            SplittableRandom r = new SplittableRandom(mix(seed, epoch));
            for (int i = images - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        cursor = 0;
    }

    /** @return batches per epoch */
    public int batchesPerEpoch() {
        return training ? images / batch : (images + batch - 1) / batch;
    }

    /** @return images used per epoch */
    public int images() {
        return images;
    }

    @Override
    public boolean hasNext() {
        return training ? cursor + batch <= images : cursor < images;
    }

    @Override
    public MultiDataSet next() {
        return next(batch);
    }

    @Override
    public MultiDataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " has no more batches");
        }
        int n = Math.min(num, images - cursor);
        int plane = size * size;
        int channels = task.labelChannels();
        float[] x = new float[n * 3 * plane];
        float[] y = new float[n * channels * plane];
        for (int b = 0; b < n; b++) {
            int index = order[cursor + b];
            Sample raw = dataset.get(index);
            Sample s = training ? Augmentation.train(raw, size, new SplittableRandom(mix(mix(seed, epoch), index)))
                    : Augmentation.eval(raw, size);
            float[] rgb = s.rgb();
            for (int c = 0; c < 3; c++) {
                int off = (b * 3 + c) * plane;
                for (int i = 0; i < plane; i++) {
                    x[off + i] = normalization.apply(rgb[c * plane + i], c);
                }
            }
            System.arraycopy(TaskLabels.of(task, s, dataset.describe()), 0, y, b * channels * plane,
                    channels * plane);
        }
        cursor += n;
        INDArray features = Nd4j.create(x, new long[] {n, 3, size, size}, 'c').castTo(dataType);
        if (format == CNN2DFormat.NHWC) {
            features = features.permute(0, 2, 3, 1).dup('c');
        }
        INDArray labels = Nd4j.create(y, new long[] {n, channels, size, size}, 'c').castTo(dataType);
        org.nd4j.linalg.dataset.MultiDataSet ds = new org.nd4j.linalg.dataset.MultiDataSet(features, labels);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        cursor = 0;
    }

    /** SplitMix64's finaliser of a + golden-ratio multiple of b: well-spread seeds for (seed, epoch, index). */
    static long mix(long a, long b) {
        return SeedMix.mix(a, b);
    }
}
