package org.dds.training.data;

import java.util.SplittableRandom;

/**
 * Seeded augmentation to a square crop of side S. Training: resize so that the shorter side is S times a random
 * scale in [0.75, 1.5], take a random S x S crop (padding with ignore values where the image is smaller), and flip
 * horizontally with probability 1/2 (negating the x component of normals). Evaluation: resize so that the shorter
 * side is S and take the centre crop. RGB is resized bilinearly, annotations by nearest neighbour.
 */
public final class Augmentation {
    /** Smallest random scale. */
    public static final double MIN_SCALE = 0.75;
    /** Largest random scale. */
    public static final double MAX_SCALE = 1.5;

    private Augmentation() {
    }

    /**
     * @param s      a sample
     * @param size   S
     * @param random the source of the scale, crop and flip (one per sample, derived from the seed)
     * @return the augmented S x S sample
     */
    public static Sample train(Sample s, int size, SplittableRandom random) {
        double scale = MIN_SCALE + (MAX_SCALE - MIN_SCALE) * random.nextDouble();
        double factor = scale * size / Math.min(s.height(), s.width());
        int h = Math.max(1, (int) Math.round(s.height() * factor));
        int w = Math.max(1, (int) Math.round(s.width() * factor));
        int top = h > size ? random.nextInt(h - size + 1) : -((size - h) / 2);
        int left = w > size ? random.nextInt(w - size + 1) : -((size - w) / 2);
        boolean flip = random.nextBoolean();
        return crop(s, h, w, top, left, size, flip);
    }

    /**
     * @param s    a sample
     * @param size S
     * @return the centre S x S crop after resizing the shorter side to S
     */
    public static Sample eval(Sample s, int size) {
        double factor = (double) size / Math.min(s.height(), s.width());
        int h = Math.max(size, (int) Math.round(s.height() * factor));
        int w = Math.max(size, (int) Math.round(s.width() * factor));
        return crop(s, h, w, (h - size) / 2, (w - size) / 2, size, false);
    }

    /**
     * Resizes s to h x w and crops the S x S window at (top, left) of the resized image (negative or overhanging
     * windows are padded: RGB 0, semantic 255, depth 0, normals 0), optionally mirrored.
     */
    static Sample crop(Sample s, int h, int w, int top, int left, int size, boolean flip) {
        int plane = size * size;
        float[] rgb = new float[3 * plane];
        int[] semantic = s.semantic() == null ? null : new int[plane];
        float[] depth = s.depth() == null ? null : new float[plane];
        float[] normals = s.normals() == null ? null : new float[3 * plane];
        int srcPlane = s.height() * s.width();
        double sy = (double) s.height() / h;
        double sx = (double) s.width() / w;
        for (int y = 0; y < size; y++) {
            int ry = top + y;
            for (int x = 0; x < size; x++) {
                int rx = left + (flip ? size - 1 - x : x);
                int o = y * size + x;
                if (ry < 0 || ry >= h || rx < 0 || rx >= w) {
                    if (semantic != null) {
                        semantic[o] = 255;
                    }
                    continue;
                }
                // Source coordinates of the pixel centre (align_corners=False convention).
                double fy = Math.max(0, (ry + 0.5) * sy - 0.5);
                double fx = Math.max(0, (rx + 0.5) * sx - 0.5);
                int y0 = Math.min((int) fy, s.height() - 1);
                int x0 = Math.min((int) fx, s.width() - 1);
                int y1 = Math.min(y0 + 1, s.height() - 1);
                int x1 = Math.min(x0 + 1, s.width() - 1);
                double ly = fy - y0;
                double lx = fx - x0;
                for (int c = 0; c < 3; c++) {
                    int b = c * srcPlane;
                    float[] v = s.rgb();
                    double top0 = v[b + y0 * s.width() + x0] * (1 - lx) + v[b + y0 * s.width() + x1] * lx;
                    double bot0 = v[b + y1 * s.width() + x0] * (1 - lx) + v[b + y1 * s.width() + x1] * lx;
                    rgb[c * plane + o] = (float) (top0 * (1 - ly) + bot0 * ly);
                }
                int ny = Math.min((int) ((ry + 0.5) * sy), s.height() - 1);
                int nx = Math.min((int) ((rx + 0.5) * sx), s.width() - 1);
                int src = ny * s.width() + nx;
                if (semantic != null) {
                    semantic[o] = s.semantic()[src];
                }
                if (depth != null) {
                    depth[o] = s.depth()[src];
                }
                if (normals != null) {
                    normals[o] = flip ? -s.normals()[src] : s.normals()[src];
                    normals[plane + o] = s.normals()[srcPlane + src];
                    normals[2 * plane + o] = s.normals()[2 * srcPlane + src];
                }
            }
        }
        return new Sample(size, size, rgb, semantic, depth, normals);
    }
}
