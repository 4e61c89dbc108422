package org.dds.training.data;

/**
 * One image with its dense annotations, all H x W, channels first. Absent annotations are null.
 *
 * @param height   H
 * @param width    W
 * @param rgb      3 x H x W, red, green, blue in [0, 1]
 * @param semantic H x W class indices, 255 = ignore; or null
 * @param depth    H x W depth in metres, 0 = unknown; or null
 * @param normals  3 x H x W unit surface normals (x, y, z), (0, 0, 0) = unknown; or null
 */
public record Sample(int height, int width, float[] rgb, int[] semantic, float[] depth, float[] normals) {

    /** Checks the sizes. */
    public Sample {
        int plane = height * width;
        if (height < 1 || width < 1 || rgb == null || rgb.length != 3 * plane) {
            throw new IllegalArgumentException("an image of " + height + " x " + width + " needs 3 x " + plane
                    + " rgb values, not " + (rgb == null ? "none" : rgb.length));
        }
        check("semantic", semantic == null ? -1 : semantic.length, plane);
        check("depth", depth == null ? -1 : depth.length, plane);
        check("normals", normals == null ? -1 : normals.length, 3 * plane);
    }

    private static void check(String what, int length, int expected) {
        if (length >= 0 && length != expected) {
            throw new IllegalArgumentException(what + " has " + length + " values, not " + expected);
        }
    }
}
