package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dds.mini.Synthetic.at;

import java.util.Random;

import boofcv.alg.feature.detect.edge.GGradientToEdgeFeatures;
import boofcv.alg.feature.detect.intensity.GradientCornerIntensity;
import boofcv.alg.filter.derivative.DerivativeType;
import boofcv.alg.filter.derivative.GImageDerivativeOps;
import boofcv.factory.feature.detect.intensity.FactoryIntensityPointAlg;
import boofcv.struct.border.BorderType;
import boofcv.struct.image.GrayF32;
import org.junit.jupiter.api.Test;

/** EDGES and KEYPOINTS targets on hand-made images, and agreement with BoofCV's public entry points. */
class GradientMapsTest {
    private static final ImageSize SIZE = ImageSize.FASHION_MNIST;
    private static final int N = SIZE.width();
    /** Float rounding of one division. */
    private static final float FLOAT_TOL = 1e-6f;

    /** Columns 14..27 white, 0..13 black. */
    private static final byte[] STEP = Synthetic.image((r, c) -> c >= 14 ? 255 : 0);
    /** White square on rows and columns 8..19. */
    private static final byte[] SQUARE = Synthetic.image((r, c) -> r >= 8 && r <= 19 && c >= 8 && c <= 19 ? 255 : 0);

    private static float[] target(MiniTask task, byte[] image) {
        return task.samples(Synthetic.copies(1, image), new int[] {0}, 0).target(0);
    }

    @Test
    void sobelOfAVerticalStep() {
        // gx at (r, 13) = [(1 + 2 + 1) - (0 + 0 + 0)] / 4 = 1 (column 14 white, column 12 black); the same at
        // (r, 14) (column 15 white, 13 black); gx = 0 two or more columns away; gy = 0 everywhere, also on rows 0
        // and 27 where the extended border repeats the constant columns. Magnitude 1 / (sqrt(5) / 2) = 2 / sqrt 5.
        float[] edges = target(MiniTask.EDGES, STEP);
        float atEdge = (float) (2 / Math.sqrt(5));
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                float expected = c == 13 || c == 14 ? atEdge : 0f;
                assertThat(at(edges, r, c)).as("edge map at (%d, %d)", r, c).isCloseTo(expected, within(FLOAT_TOL));
            }
        }
    }

    @Test
    void theScaleIsTheLargestPossibleMagnitude() {
        // The patch [0 0 1; 0 0 1; 0 1 1] around (10, 10): gx = (1 + 2 + 1) / 4 = 1, gy = ((0 + 2 + 1) - (0 + 0 + 1))
        // / 4 = 1/2, magnitude sqrt(5) / 2 = SOBEL_MAX, so the edge map is exactly 1 there.
        byte[] patch = Synthetic.image((r, c) -> (c == 11 && r >= 9 && r <= 11) || (r == 11 && c == 10) ? 255 : 0);
        float[] edges = target(MiniTask.EDGES, patch);
        assertThat(at(edges, 10, 10)).isEqualTo(1f);
        assertThat(GradientMaps.SOBEL_MAX).isCloseTo((float) (Math.sqrt(5) / 2), within(FLOAT_TOL));
    }

    @Test
    void edgesEqualBoofCvsSobelEntryPointAndNeedNoClipping() {
        // 200 random black-and-white images, the hardest case for the bound: the maps must equal BoofCV's public
        // GImageDerivativeOps.gradient (extended border) + intensityE divided by SOBEL_MAX, with no value above 1.
        Random random = new Random(17);
        GradientMaps maps = new GradientMaps(SIZE);
        GrayF32 image = new GrayF32(N, N);
        GrayF32 gx = new GrayF32(N, N);
        GrayF32 gy = new GrayF32(N, N);
        GrayF32 magnitude = new GrayF32(N, N);
        float[] out = new float[SIZE.pixels()];
        for (int t = 0; t < 200; t++) {
            for (int p = 0; p < SIZE.pixels(); p++) {
                image.data[p] = random.nextBoolean() ? 1f : 0f;
            }
            GImageDerivativeOps.gradient(DerivativeType.SOBEL, image, gx, gy, BorderType.EXTENDED);
            GGradientToEdgeFeatures.intensityE(gx, gy, magnitude);
            maps.edges(image.data.clone(), out, 0);
            for (int p = 0; p < SIZE.pixels(); p++) {
                assertThat(magnitude.data[p] / GradientMaps.SOBEL_MAX).as("image %d pixel %d", t, p)
                        .isLessThanOrEqualTo(1f).isEqualTo(out[p]);
            }
        }
    }

    @Test
    void harrisIsLargestAtTheSquaresCorners() {
        float[] keypoints = target(MiniTask.KEYPOINTS, SQUARE);
        // Flat: around (14, 14) and (4, 4) the 5 x 5 window holds no gradient (the gradient is non-zero only on
        // rows and columns 7, 8, 19, 20), so R = 0.
        assertThat(at(keypoints, 14, 14)).as("inside the square").isZero();
        assertThat(at(keypoints, 4, 4)).as("background").isZero();
        // Edge: around (8, 14) the window (rows 6..10, columns 12..16) holds only gy, so Sxx = Sxy = 0 and
        // R = -kappa Syy^2 < 0, set to 0.
        assertThat(at(keypoints, 8, 14)).as("middle of the top edge").isZero();
        assertThat(at(keypoints, 14, 19)).as("middle of the right edge").isZero();
        // Corner: the window holds gx and gy, R > 0. The square is symmetric under the half turn about its centre,
        // which negates both gradients and keeps R: opposite corners respond alike.
        assertThat(at(keypoints, 8, 8)).as("top-left corner").isGreaterThan(0.5f);
        assertThat(at(keypoints, 8, 8)).isCloseTo(at(keypoints, 19, 19), within(FLOAT_TOL));
        int best = 0;
        for (int p = 1; p < SIZE.pixels(); p++) {
            best = keypoints[p] > keypoints[best] ? p : best;
        }
        assertThat(keypoints[best]).as("divided by the image's maximum").isEqualTo(1f);
        int row = best / N;
        int col = best % N;
        int toCorner = Math.min(Math.abs(row - 8), Math.abs(row - 19)) + Math.min(Math.abs(col - 8), Math.abs(col - 19));
        assertThat(toCorner).as("the maximum (%d, %d) is next to a corner", row, col).isLessThanOrEqualTo(2);
    }

    @Test
    void anImageWithoutCornersHasNoKeypoints() {
        // The step has only gx, so R = -kappa Sxx^2 <= 0 everywhere: the maximum is 0 and the map is all 0.
        assertThat(target(MiniTask.KEYPOINTS, STEP)).containsOnly(0f);
        assertThat(target(MiniTask.KEYPOINTS, new byte[N * N])).containsOnly(0f);
    }

    @Test
    void keypointsEqualBoofCvsHarrisEntryPointAndSurviveReuse() {
        // FactoryIntensityPointAlg.harris(2, 0.04, unweighted) on the public Sobel gradients, then the task's
        // transform sqrt(max(R, 0) / max R); one GradientMaps reused over all images.
        GradientCornerIntensity<GrayF32> harris = FactoryIntensityPointAlg.harris(2, 0.04f, false, GrayF32.class);
        Random random = new Random(5);
        GradientMaps maps = new GradientMaps(SIZE);
        GrayF32 image = new GrayF32(N, N);
        GrayF32 gx = new GrayF32(N, N);
        GrayF32 gy = new GrayF32(N, N);
        GrayF32 response = new GrayF32(N, N);
        float[] out = new float[SIZE.pixels()];
        for (int t = 0; t < 50; t++) {
            for (int p = 0; p < SIZE.pixels(); p++) {
                image.data[p] = t == 0 ? SQUARE[p] & 0xff : random.nextFloat();
            }
            GImageDerivativeOps.gradient(DerivativeType.SOBEL, image, gx, gy, BorderType.EXTENDED);
            harris.process(gx, gy, response);
            float max = 0;
            for (float v : response.data) {
                max = Math.max(max, v);
            }
            maps.keypoints(image.data.clone(), out, 0);
            for (int p = 0; p < SIZE.pixels(); p++) {
                float r = response.data[p];
                float expected = r > 0 ? (float) Math.sqrt(r / max) : 0f;
                assertThat(out[p]).as("image %d pixel %d", t, p).isCloseTo(expected, within(FLOAT_TOL));
            }
            // BoofCV leaves a ring of width HARRIS_RADIUS at 0.
            assertThat(out[N + 5]).as("ring").isZero();
        }
    }
}
