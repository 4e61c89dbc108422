package org.dds.training.task;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The per-pixel metrics of paper Table 5, each a mean over the valid pixels of the whole validation set:
 * edge MAE, mean angular error of normals in degrees, and RMSE of log depth.
 */
final class PixelMetrics {
    private PixelMetrics() {
    }

    /** Sum and count over valid pixels. */
    abstract static class Mean implements Metric {
        double sum;
        long count;

        @Override
        public double value() {
            if (count == 0) {
                throw new IllegalStateException("no valid pixel was evaluated: the validation labels are empty");
            }
            return finish(sum / count);
        }

        double finish(double mean) {
            return mean;
        }

        static float[] values(INDArray a) {
            return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        }
    }

    /** Mean absolute error between edge probability and the {0, 1} Canny label, over all pixels. */
    static final class EdgeMae extends Mean {
        @Override
        public void add(INDArray prediction, INDArray labels) {
            float[] p = values(prediction);
            float[] y = values(labels);
            for (int i = 0; i < p.length; i++) {
                sum += Math.abs(p[i] - y[i]);
            }
            count += p.length;
        }
    }

    /** Mean angle in degrees between predicted and true normals, over pixels whose label is not (0, 0, 0). */
    static final class MeanAngle extends Mean {
        @Override
        public void add(INDArray prediction, INDArray labels) {
            float[] p = values(prediction);
            float[] y = values(labels);
            long n = prediction.size(0);
            int plane = (int) (prediction.size(2) * prediction.size(3));
            for (int b = 0; b < n; b++) {
                int base = b * 3 * plane;
                for (int i = 0; i < plane; i++) {
                    double y0 = y[base + i];
                    double y1 = y[base + plane + i];
                    double y2 = y[base + 2 * plane + i];
                    double yn = Math.sqrt(y0 * y0 + y1 * y1 + y2 * y2);
                    if (yn < 0.5) {
                        continue;
                    }
                    double p0 = p[base + i];
                    double p1 = p[base + plane + i];
                    double p2 = p[base + 2 * plane + i];
                    double pn = Math.sqrt(p0 * p0 + p1 * p1 + p2 * p2);
                    double cos = pn == 0 ? 0 : (p0 * y0 + p1 * y1 + p2 * y2) / (pn * yn);
                    sum += Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
                    count++;
                }
            }
        }
    }

    /** sqrt(mean((predicted log depth - log depth)^2)) over pixels with depth > 0. */
    static final class LogRmse extends Mean {
        @Override
        public void add(INDArray prediction, INDArray labels) {
            float[] p = values(prediction);
            float[] y = values(labels);
            for (int i = 0; i < p.length; i++) {
                if (y[i] > 0) {
                    double d = p[i] - Math.log(y[i]);
                    sum += d * d;
                    count++;
                }
            }
        }

        @Override
        double finish(double mean) {
            return Math.sqrt(mean);
        }
    }
}
