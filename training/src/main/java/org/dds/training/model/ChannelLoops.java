package org.dds.training.model;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * The arithmetic of {@link FastBatchNormLayer} as plain loops over float32 NCHW batches: for each image and channel
 * the H x W pixels are one contiguous run, so every pass reads memory in order and no transposed copy is made.
 * Sums run in double precision in a fixed order (image, channel, pixel), so results do not depend on threads.
 */
final class ChannelLoops {
    private ChannelLoops() {
    }

    /**
     * @param a a batch
     * @param c the layer
     * @return whether the loops can take it: float32, NCHW, rank 4, default strides, fewer than 2^31 values
     */
    static boolean applies(INDArray a, FastBatchNorm c) {
        return a != null && c.getCnn2DFormat() == CNN2DFormat.NCHW && a.rank() == 4
                && a.dataType() == DataType.FLOAT && a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)
                && a.length() < Integer.MAX_VALUE;
    }

    /** @return a copy of the values of a contiguous float array, in its order */
    static float[] read(INDArray a) {
        float[] out = new float[(int) a.length()];
        pointer(a).get(out);
        return out;
    }

    /** Writes values into a contiguous float array of the same length. */
    static void write(INDArray a, float[] values) {
        pointer(a).put(values);
    }

    private static FloatPointer pointer(INDArray a) {
        // A view's data buffer starts at its own offset (measured: a row slice at element 30 has data().offset()
        // 30 and its address points at element 30), so the array starts offset() - data().offset() further on.
        FloatPointer p = new FloatPointer(a.data().addressPointer());
        return p.position(a.offset() - a.data().offset());
    }

    /** Per-channel mean and biased variance (two passes: mean, then squared deviations). */
    static void meanAndVariance(float[] x, long[] shape, double[] mean, double[] var) {
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int pixels = (int) (shape[2] * shape[3]);
        double m = (double) n * pixels;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < channels; k++) {
                int from = (i * channels + k) * pixels;
                double sum = 0;
                for (int p = from; p < from + pixels; p++) {
                    sum += x[p];
                }
                mean[k] += sum;
            }
        }
        for (int k = 0; k < channels; k++) {
            mean[k] /= m;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < channels; k++) {
                int from = (i * channels + k) * pixels;
                double mk = mean[k];
                double sum = 0;
                for (int p = from; p < from + pixels; p++) {
                    double d = x[p] - mk;
                    sum += d * d;
                }
                var[k] += sum;
            }
        }
        for (int k = 0; k < channels; k++) {
            var[k] /= m;
        }
    }

    /** In place: {@code x <- scale x + shift} per channel, then max(0, .) when {@code relu}. */
    static void scaleShift(float[] x, long[] shape, float[] scale, float[] shift, boolean relu) {
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int pixels = (int) (shape[2] * shape[3]);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < channels; k++) {
                int from = (i * channels + k) * pixels;
                float a = scale[k];
                float b = shift[k];
                if (relu) {
                    for (int p = from; p < from + pixels; p++) {
                        x[p] = Math.max(0f, a * x[p] + b);
                    }
                } else {
                    for (int p = from; p < from + pixels; p++) {
                        x[p] = a * x[p] + b;
                    }
                }
            }
        }
    }

    /**
     * The backward pass, in place on {@code dy}: with xhat = (x - mean) invStd and, for a fused ReLU, dy zeroed where
     * gamma xhat + beta is not positive: {@code dbeta = sum dy}, {@code dgamma = sum dy xhat},
     * {@code dx = gamma invStd (dy - dbeta / M - xhat dgamma / M)}.
     */
    static void backward(float[] x, float[] dy, long[] shape, double[] mean, double[] invStd, double[] gamma,
            double[] beta, boolean relu, double[] dGamma, double[] dBeta) {
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int pixels = (int) (shape[2] * shape[3]);
        double m = (double) n * pixels;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < channels; k++) {
                int from = (i * channels + k) * pixels;
                float mk = (float) mean[k];
                float sk = (float) invStd[k];
                float g = (float) gamma[k];
                float b = (float) beta[k];
                double sumDy = 0;
                double sumDyXhat = 0;
                for (int p = from; p < from + pixels; p++) {
                    float xhat = (x[p] - mk) * sk;
                    float d = dy[p];
                    if (relu && g * xhat + b <= 0) {
                        d = 0;
                        dy[p] = 0;
                    }
                    sumDy += d;
                    sumDyXhat += d * xhat;
                }
                dBeta[k] += sumDy;
                dGamma[k] += sumDyXhat;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < channels; k++) {
                int from = (i * channels + k) * pixels;
                float mk = (float) mean[k];
                float sk = (float) invStd[k];
                float a = (float) (gamma[k] * invStd[k]);
                float db = (float) (dBeta[k] / m);
                float dg = (float) (dGamma[k] / m);
                for (int p = from; p < from + pixels; p++) {
                    float xhat = (x[p] - mk) * sk;
                    dy[p] = a * (dy[p] - db - xhat * dg);
                }
            }
        }
    }
}
