package org.dds.mini;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The transfer function of the Mini-Taskonomy benchmark: a linear readout from frozen source features to a target,
 * fitted by ridge regression (float64, closed form, so no optimiser noise enters the transfer matrix).
 *
 * <p>Features and targets are centred by their training means. The readout is solved in its dual form,
 * {@code W = Xc^T (Xc Xc^T + lambda I)^-1 Yc}, so that its cost after the n x n Gram matrix does not depend on the
 * feature dimension. Lambda is chosen per readout from {@link #GRID} (multiples of the mean eigenvalue of the Gram
 * matrix, i.e. trace / n) by the mean squared error on a seeded {@value #VALIDATION_SHARE} share of the labelled
 * images held out from the fit, then the readout is refitted on all of them. Classification targets are one-hot
 * vectors (a least-squares classifier; the class is the argmax).
 *
 * <p>Cost: the Gram matrix of the labelled images is computed once (the fit and validation kernels are its blocks),
 * and each {@code K + lambda I} is solved by a Cholesky factorisation (LAPACK {@code dpotrf}/{@code dpotrs}), kept
 * while the readout is open so that every target of the same features reuses it. An earlier version
 * eigendecomposed both kernels instead; LAPACK's symmetric eigensolver took 8-20 s for n = 2,000 on 2 cores against
 * 0.1-0.3 s for a Cholesky factorisation, and made the reference run's transfer matrix take 14 minutes.
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
    private final INDArray fitKernel;
    private final INDArray validationKernel;
    private final INDArray fullKernel;
    private final INDArray evalKernel;
    private final double fitMeanEigenvalue;
    private final double fullMeanEigenvalue;
    private final Map<Double, INDArray> fitFactors = new HashMap<>();
    private final Map<Double, INDArray> fullFactors = new HashMap<>();

    /**
     * What a readout predicts.
     *
     * @param predictions m x k predicted targets of the evaluation images, row-major
     * @param lambdaScale the chosen multiple of trace(K) / n
     */
    public record Prediction(double[] predictions, double lambdaScale) {
    }

    private RidgeReadout(int n, int m, int[] fit, int[] validation, INDArray fitKernel, INDArray validationKernel,
            INDArray fullKernel, INDArray evalKernel) {
        this.n = n;
        this.m = m;
        this.fit = fit;
        this.validation = validation;
        this.fitKernel = fitKernel;
        this.validationKernel = validationKernel;
        this.fullKernel = fullKernel;
        this.evalKernel = evalKernel;
        this.fitMeanEigenvalue = meanEigenvalue(fitKernel);
        this.fullMeanEigenvalue = meanEigenvalue(fullKernel);
    }

    /**
     * Prepares readouts from one set of features: the Gram matrices.
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
        // Centred in place, each float copy freed as soon as its double copy exists: with d up to 12544 (the first
        // block) every n x d double matrix is 200 MB off the Java heap.
        INDArray xc = matrix(train, n, d);
        INDArray mean = xc.mean(0).reshape(1, d);
        xc.subiRowVector(mean);
        INDArray ec = matrix(eval, m, d);
        ec.subiRowVector(mean);
        int[] order = SourceTrainer.permutation(n, new SplittableRandom(seed));
        int held = Math.max(1, (int) Math.round(n * VALIDATION_SHARE));
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] fit = Arrays.copyOfRange(order, held, n);
        Arrays.sort(validation);
        Arrays.sort(fit);
        INDArray xt = xc.transpose();
        INDArray k = xc.mmul(xt);
        INDArray evalKernel = ec.mmul(xt);
        close(xc, ec, mean);
        INDArray rowsFit = k.getRows(fit);
        INDArray kf = rowsFit.getColumns(fit);
        INDArray rowsValidation = k.getRows(validation);
        INDArray kv = rowsValidation.getColumns(fit);
        // ND4J's buffers live off the Java heap and are freed only when the garbage collector notices them: free
        // them now.
        close(rowsFit, rowsValidation);
        return new RidgeReadout(n, m, fit, validation, kf, kv, k, evalKernel);
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
            INDArray factor = fitFactors.computeIfAbsent(scale,
                    s -> cholesky(fitKernel, s * fitMeanEigenvalue));
            INDArray alpha = solve(factor, yFitCentred);
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
        INDArray centred = y.subRowVector(mean);
        double chosen = bestScale;
        INDArray factor = fullFactors.computeIfAbsent(chosen, s -> cholesky(fullKernel, s * fullMeanEigenvalue));
        INDArray alpha = solve(factor, centred);
        INDArray predictions = evalKernel.mmul(alpha).addiRowVector(mean);
        double[] out = predictions.dup('c').data().asDouble();
        close(y, yFit, yVal, fitMean, yFitCentred, mean, centred, alpha, predictions);
        return new Prediction(out, bestScale);
    }

    /** Frees the kernels and factors now rather than when the garbage collector gets to them. */
    @Override
    public void close() {
        close(fitKernel, validationKernel, fullKernel, evalKernel);
        close(fitFactors.values().toArray(INDArray[]::new));
        close(fullFactors.values().toArray(INDArray[]::new));
        fitFactors.clear();
        fullFactors.clear();
    }

    /** @return trace(K) / n, the mean eigenvalue of K */
    private static double meanEigenvalue(INDArray k) {
        int size = (int) k.rows();
        double trace = 0;
        for (int i = 0; i < size; i++) {
            trace += k.getDouble(i, i);
        }
        return trace / size;
    }

    /** @return the upper Cholesky factor of K + lambda I, column-major (LAPACK's layout) */
    private static INDArray cholesky(INDArray k, double lambda) {
        int size = (int) k.rows();
        INDArray a = k.dup('f');
        for (int i = 0; i < size; i++) {
            a.putScalar(i, i, a.getDouble(i, i) + lambda);
        }
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'U', size,
                (DoublePointer) a.data().addressPointer(), size);
        if (info != 0) {
            throw new IllegalStateException("the ridge system K + " + lambda + " I of " + size + " images is not"
                    + " positive definite (LAPACK dpotrf info " + info + "); are the features finite?");
        }
        return a;
    }

    /** @return (K + lambda I)^-1 y from the factor of K + lambda I */
    private static INDArray solve(INDArray factor, INDArray y) {
        int size = (int) factor.rows();
        INDArray b = y.dup('f');
        int info = openblas.LAPACKE_dpotrs(openblas.LAPACK_COL_MAJOR, (byte) 'U', size, (int) b.columns(),
                (DoublePointer) factor.data().addressPointer(), size, (DoublePointer) b.data().addressPointer(),
                size);
        if (info != 0) {
            throw new IllegalStateException("LAPACK dpotrs failed with info " + info);
        }
        return b;
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
        INDArray single = Nd4j.create(values, new long[] {rows, cols}, 'c');
        INDArray out = single.castTo(DataType.DOUBLE);
        close(single);
        return out;
    }
}
