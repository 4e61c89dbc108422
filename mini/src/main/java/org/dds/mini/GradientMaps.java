package org.dds.mini;

import boofcv.alg.feature.detect.edge.GGradientToEdgeFeatures;
import boofcv.alg.feature.detect.intensity.impl.HarrisCorner_F32;
import boofcv.alg.feature.detect.intensity.impl.ImplSsdCorner_F32;
import boofcv.alg.filter.convolve.border.ConvolveJustBorder_General_SB;
import boofcv.alg.filter.derivative.GradientSobel;
import boofcv.alg.filter.derivative.impl.GradientSobel_UnrolledOuter;
import boofcv.core.image.border.FactoryImageBorder;
import boofcv.struct.border.BorderType;
import boofcv.struct.border.ImageBorder_F32;
import boofcv.struct.image.GrayF32;

/**
 * Targets of the tasks EDGES and KEYPOINTS, computed with BoofCV on an image in [0, 1] of a given {@link ImageSize}.
 *
 * <p><b>Gradient</b>: BoofCV's Sobel operator, {@code gx = [-1 0 1; -2 0 2; -1 0 1] / 4} and its transpose for
 * {@code gy}, with BoofCV's extended border (the edge pixels repeat outwards).
 *
 * <p><b>Edges</b> (Sobel 1968): {@code min(1, sqrt(gx^2 + gy^2) / (sqrt(5) / 2))}. The constant is the largest
 * magnitude any image in [0, 1] can reach: along the unit direction (cos t, sin t), {@code gx cos t + gy sin t} is
 * linear in the nine pixels and is largest when the pixels with a positive weight are 1 and the others 0, which
 * gives {@code (|cos t + sin t| + |cos t - sin t| + 2|cos t| + 2|sin t|) / 4}; its maximum over t is
 * {@code sqrt(4^2 + 2^2) / 4 = sqrt(5) / 2} at tan t = 1/2, reached by the patch {@code [0 0 1; 0 * 1; 0 1 1]}.
 * A step of height 1 therefore maps to {@code 2 / sqrt(5) = 0.894}, and the clip only absorbs rounding.
 *
 * <p><b>Keypoints</b> (Harris and Stephens 1988): with sums over the (2 * {@value #HARRIS_RADIUS} + 1)^2 box
 * around each pixel (unweighted), {@code R = (Sxx Syy - Sxy^2) - kappa (Sxx + Syy)^2}, kappa = {@value
 * #HARRIS_KAPPA}; BoofCV leaves the outer ring of width {@value #HARRIS_RADIUS} at 0. Negative R (edges) become 0,
 * the map is divided by the image's own maximum (so the strongest corner is 1 whatever the contrast; an image
 * without corners gives all zeros), and the square root spreads the many small responses over more of [0, 1].
 *
 * <p>An instance reuses its BoofCV images and is not thread-safe: use one per thread. It calls BoofCV's
 * single-threaded kernels directly — the entry points {@code GradientSobel.process} and
 * {@code FactoryIntensityPointAlg.harris} switch to fork-join versions when {@code BoofConcurrency.USE_CONCURRENT}
 * is set (the default), which on 28 x 28 images cost more than they save (measured on 2 cores: Sobel, magnitude
 * and Harris of 10,000 images in 1.3 s against 0.15 s single-threaded); {@code GradientMapsTest} checks that the
 * results equal those of the public entry points.
 */
public final class GradientMaps {
    /** Largest Sobel gradient magnitude of an image in [0, 1]: sqrt(5) / 2 (see the class comment). */
    public static final float SOBEL_MAX = (float) Math.sqrt(1.25);
    /** Radius of the Harris window. */
    public static final int HARRIS_RADIUS = 2;
    /** The Harris trace weight. */
    public static final float HARRIS_KAPPA = 0.04f;

    private final int count;
    private final GrayF32 image;
    private final GrayF32 gx;
    private final GrayF32 gy;
    private final GrayF32 map;
    private final ImageBorder_F32 border = FactoryImageBorder.single(BorderType.EXTENDED, GrayF32.class);
    private final ImplSsdCorner_F32 harris = new ImplSsdCorner_F32(HARRIS_RADIUS, new HarrisCorner_F32(HARRIS_KAPPA));

    /** @param size the size of every image this instance is given */
    public GradientMaps(ImageSize size) {
        count = size.pixels();
        // GrayF32 takes (width, height).
        image = new GrayF32(size.width(), size.height());
        gx = new GrayF32(size.width(), size.height());
        gy = new GrayF32(size.width(), size.height());
        map = new GrayF32(size.width(), size.height());
    }

    /**
     * Sobel gradient magnitude divided by {@link #SOBEL_MAX}, clipped at 1.
     *
     * @param pixels the image, row-major
     * @param dst    output array
     * @param offset where the output values start in {@code dst}
     */
    public void edges(float[] pixels, float[] dst, int offset) {
        gradient(pixels);
        GGradientToEdgeFeatures.intensityE(gx, gy, map);
        float[] m = map.data;
        for (int p = 0; p < count; p++) {
            dst[offset + p] = Math.min(1f, m[p] / SOBEL_MAX);
        }
    }

    /**
     * {@code sqrt(max(R, 0) / max R)} of the Harris response R, all zeros where no R is positive.
     *
     * @param pixels the image, row-major
     * @param dst    output array
     * @param offset where the output values start in {@code dst}
     */
    public void keypoints(float[] pixels, float[] dst, int offset) {
        gradient(pixels);
        harris.process(gx, gy, map);
        float[] r = map.data;
        float max = 0f;
        for (int p = 0; p < count; p++) {
            max = Math.max(max, r[p]);
        }
        for (int p = 0; p < count; p++) {
            dst[offset + p] = max > 0f && r[p] > 0f ? (float) Math.sqrt(r[p] / max) : 0f;
        }
    }

    /** Sobel gradients into gx, gy: the single-threaded branch of {@code GradientSobel.process}. */
    private void gradient(float[] pixels) {
        // A GrayF32 made with (width, height) has stride = width and starts at 0: data is row-major like pixels.
        System.arraycopy(pixels, 0, image.data, 0, count);
        GradientSobel_UnrolledOuter.process_F32_sub(image, gx, gy);
        border.setImage(image);
        ConvolveJustBorder_General_SB.convolve(GradientSobel.kernelDerivX_F32, border, gx);
        ConvolveJustBorder_General_SB.convolve(GradientSobel.kernelDerivY_F32, border, gy);
    }
}
