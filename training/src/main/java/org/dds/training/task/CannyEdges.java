package org.dds.training.task;

import boofcv.alg.feature.detect.edge.CannyEdge;
import boofcv.factory.feature.detect.edge.FactoryEdgeDetectors;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayU8;

/**
 * Edge labels from the Canny detector (Canny, 1986), as paper Table 5 defines them, computed with BoofCV on the
 * grey image (ITU-R 601 luma of the RGB): Gaussian blur of radius {@value #BLUR_RADIUS}, hysteresis thresholds
 * {@value #LOW} and {@value #HIGH} relative to the largest gradient of the image (BoofCV's dynamic thresholds), so
 * the labels do not depend on the image's contrast.
 */
public final class CannyEdges {
    /** Gaussian blur radius in pixels. */
    public static final int BLUR_RADIUS = 2;
    /** Lower hysteresis threshold, relative to the largest gradient magnitude. */
    public static final float LOW = 0.1f;
    /** Upper hysteresis threshold, relative to the largest gradient magnitude. */
    public static final float HIGH = 0.3f;

    private CannyEdges() {
    }

    /**
     * @param rgb    3 x H x W in [0, 1]
     * @param height H
     * @param width  W
     * @return H x W labels, 1 on an edge and 0 elsewhere
     */
    public static float[] labels(float[] rgb, int height, int width) {
        int plane = height * width;
        GrayF32 grey = new GrayF32(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                grey.set(x, y, 255f * (0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i]));
            }
        }
        CannyEdge<GrayF32, GrayF32> canny = FactoryEdgeDetectors.canny(BLUR_RADIUS, false, true, GrayF32.class,
                GrayF32.class);
        GrayU8 edges = new GrayU8(width, height);
        canny.process(grey, LOW, HIGH, edges);
        float[] out = new float[plane];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = edges.get(x, y) != 0 ? 1f : 0f;
            }
        }
        return out;
    }
}
