package org.dds.mini;

import java.util.function.IntBinaryOperator;

/** Builds small {@link FashionMnist} data sets from hand-made 28 x 28 images for the tests. */
final class Synthetic {
    static final int N = ImageSize.FASHION_MNIST.width();

    private Synthetic() {
    }

    /**
     * @param grey pixel (row, column) -> grey level 0..255 (so the image in [0, 1] is grey / 255, exactly)
     * @return a 784-byte image
     */
    static byte[] image(IntBinaryOperator grey) {
        byte[] b = new byte[N * N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                b[r * N + c] = (byte) grey.applyAsInt(r, c);
            }
        }
        return b;
    }

    /**
     * @param labels one label per image
     * @param images 784-byte images
     * @return the data set
     */
    static FashionMnist data(int[] labels, byte[]... images) {
        byte[] pixels = new byte[images.length * N * N];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, pixels, i * N * N, N * N);
        }
        return new FashionMnist(new IdxImages.Images(images.length, N, N, pixels), labels);
    }

    /**
     * @param count number of images
     * @return images with varied grey levels (pixel p of image i is (7 i + 13 p) mod 256) and labels i mod 10
     */
    static FashionMnist varied(int count) {
        byte[][] images = new byte[count][];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int image = i;
            images[i] = image((r, c) -> (7 * image + 13 * (r * N + c)) % 256);
            labels[i] = i % 10;
        }
        return data(labels, images);
    }

    /**
     * @param count  number of copies
     * @param single one image
     * @return the image repeated, label 0
     */
    static FashionMnist copies(int count, byte[] single) {
        byte[][] images = new byte[count][];
        java.util.Arrays.fill(images, single);
        return data(new int[count], images);
    }

    /**
     * @param count number of indices
     * @return 0, 1, ..., count - 1
     */
    static int[] range(int count) {
        return java.util.stream.IntStream.range(0, count).toArray();
    }

    /**
     * @param values 784 values
     * @param r      row
     * @param c      column
     * @return value at (r, c)
     */
    static float at(float[] values, int r, int c) {
        return values[r * N + c];
    }
}
