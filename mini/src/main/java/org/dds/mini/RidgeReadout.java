package org.dds.mini;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The transfer function of the Mini-Taskonomy benchmark: a linear readout from frozen source features to a target,
 * fitted by ridge regression (float64, closed form, so no optimiser noise enters the transfer matrix).
 *
 * <p>Features and targets are centred by their training means. The readout is solved in its dual form,
 * {@code W = Xc^T (Xc Xc^T + lambda I)^-1 Yc}, through one eigendecomposition of the n x n Gram matrix, so that
 * every target and every lambda costs only O(n^2 k) after it, whatever the feature dimension. Lambda is chosen per
 * readout from {@link #GRID} (multiples of the mean eigenvalue, i.e. trace / n) by the mean squared error on a
 * seeded {@value #VALIDATION_SHARE} share of the labelled images held out from the fit, then the readout is refitted
 * on all of them. Classification targets are one-hot vectors (a least-squares classifier; the class is the argmax).
 */
public final class RidgeReadout implements AutoCloseable {
    /** Lambda candidates, as multiples of trace(K) / n. */
    public static final double[] GRID = {1e-4, 1e-3, 1e-2, 1e-1, 1, 10};
    /** The share of labelled images held out to choose lambda. */
    public static final double VALIDATION_SHARE = 0.2;

    private final int n;
    private final int m;
    private final int[] fit;
    private final int[] validation;
    private final Spectrum fitSpectrum;
    private final INDArray validationKernel;
    private final Spectrum fullSpectrum;
    private final INDArray evalKernel;

    /** An eigendecomposition K = U diag(values) U^T with the eigenvalues clamped at 0. */
    private record Spectrum(INDArray vectors, INDArray values, double meanValue) {
        static Spectrum of(INDArray k) {
            INDArray a = k.dup('f');
            INDArray values = Eigen.symmetricGeneralizedEigenvalues(a, true);
            values = Transforms.max(values.reshape(values.length()), 0.0);
            return new Spectrum(a, values, values.sumNumber().doubleValue() / values.length());
        }

        /** @return (K + lambda I)^-1 y */
        INDArray solve(INDArray y, double lambda) {
            INDArray projected = vectors.transpose().mmul(y);
            INDArray shifted = values.add(lambda);
            projected.diviColumnVector(shifted.reshape(values.length(), 1));
            INDArray out = vectors.mmul(projected);
            close(projected, shifted);
            return out;
        }
    }

    /**
     * What a readout predicts.
     *
     * @param predictions m x k predicted targets of the evaluation images, row-major
     * @param lambdaScale the chosen multiple of trace(K) / n
     */
    public record Prediction(double[] predictions, double lambdaScale) {
    }

    private RidgeReadout(int n, int m, int[] fit, int[] validation, Spectrum fitSpectrum, INDArray validationKernel,
            Spectrum fullSpectrum, INDArray evalKernel) {
        this.n = n;
        this.m = m;
        this.fit = fit;
        this.validation = validation;
        this.fitSpectrum = fitSpectrum;
        this.validationKernel = validationKernel;
        this.fullSpectrum = fullSpectrum;
        this.evalKernel = evalKernel;
    }

    /**
     * Prepares readouts from one set of features: the Gram matrices and their eigendecompositions.
     *
     * @param train features of the n labelled images, n x d row-major
     * @param n     labelled images (at least 5)
     * @param eval  features of the m evaluation images, m x d row-major
     * @param m     evaluation images
     * @param d     the feature dimension
     * @param seed  chooses the images held out to choose lambda
     * @return the prepared readouts
     */
    public static RidgeReadout prepare(float[] train, int n, float[] eval, int m, int d, long seed) {
        if (n < 5 || (long) n * d != train.length || (long) m * d != eval.length) {
            throw new IllegalArgumentException("ridge readout needs n >= 5 and n x d, m x d features: n " + n
                    + ", m " + m + ", d " + d + ", " + train.length + " and " + eval.length + " values");
        }
        INDArray x = matrix(train, n, d);
        INDArray mean = x.mean(0).reshape(1, d);
        INDArray xc = x.subRowVector(mean);
        INDArray ec = matrix(eval, m, d).subRowVector(mean);
        int[] order = SourceTrainer.permutation(n, new SplittableRandom(seed));
        int held = Math.max(1, (int) Math.round(n * VALIDATION_SHARE));
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] fit = Arrays.copyOfRange(order, held, n);
        Arrays.sort(validation);
        Arrays.sort(fit);
        INDArray xf = xc.getRows(fit);
        INDArray xv = xc.getRows(validation);
        INDArray kf = xf.mmul(xf.transpose());
        Spectrum fitSpectrum = Spectrum.of(kf);
        INDArray validationKernel = xv.mmul(xf.transpose());
        INDArray k = xc.mmul(xc.transpose());
        Spectrum full = Spectrum.of(k);
        INDArray evalKernel = ec.mmul(xc.transpose());
        // ND4J's buffers live off the Java heap and are freed only when the GC notices them: with n x d features
        // (d up to 12544 for the first block) that is gigabytes, so free them now.
        close(x, mean, xc, ec, xf, xv, kf, k);
        return new RidgeReadout(n, m, fit, validation, fitSpectrum, validationKernel, full, evalKernel);
    }

    /**
     * Fits a readout to one target and predicts the evaluation images.
     *
     * @param targets n x k targets of the labelled images, row-major
     * @param k       target dimension
     * @return the predictions and the chosen lambda
     */
    public Prediction fit(float[] targets, int k) {
        if ((long) n * k != targets.length) {
            throw new IllegalArgumentException(targets.length + " target values for " + n + " images x " + k);
        }
        INDArray y = matrix(targets, n, k);
        INDArray yFit = y.getRows(fit);
        INDArray yVal = y.getRows(validation);
        INDArray fitMean = yFit.mean(0).reshape(1, k);
        INDArray yFitCentred = yFit.subRowVector(fitMean);
        double bestScale = GRID[0];
        double bestError = Double.POSITIVE_INFINITY;
        for (double scale : GRID) {
            INDArray alpha = fitSpectrum.solve(yFitCentred, scale * fitSpectrum.meanValue());
            INDArray residual = validationKernel.mmul(alpha).addiRowVector(fitMean).subi(yVal);
            INDArray squares = residual.mul(residual);
            double error = squares.sumNumber().doubleValue();
            close(alpha, residual, squares);
            if (error < bestError) {
                bestError = error;
                bestScale = scale;
            }
        }
        INDArray mean = y.mean(0).reshape(1, k);
        INDArray alpha = fullSpectrum.solve(y.subRowVector(mean), bestScale * fullSpectrum.meanValue());
        INDArray predictions = evalKernel.mmul(alpha).addiRowVector(mean);
        double[] out = predictions.dup('c').data().asDouble();
        close(y, yFit, yVal, fitMean, yFitCentred, mean, alpha, predictions);
        return new Prediction(out, bestScale);
    }

    /** Frees the Gram matrices and eigenvectors now rather than when the garbage collector gets to them. */
    @Override
    public void close() {
        close(fitSpectrum.vectors(), fitSpectrum.values(), validationKernel, fullSpectrum.vectors(),
                fullSpectrum.values(), evalKernel);
    }

    private static void close(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    /** @return the number of evaluation images */
    public int evaluationImages() {
        return m;
    }

    private static INDArray matrix(float[] values, int rows, int cols) {
        return Nd4j.create(values, new long[] {rows, cols}, 'c').castTo(DataType.DOUBLE);
    }
}
