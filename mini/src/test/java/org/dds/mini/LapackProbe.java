package org.dds.mini;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/** Profiling harness (not a test): times the linear algebra of the ridge readout. */
public final class LapackProbe {
    public static void main(String[] args) {
        int n = 2000;
        int d = 2048;
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, d);
        INDArray xf = Nd4j.rand(DataType.FLOAT, n, d);
        for (int rep = 0; rep < 2; rep++) {
            long t = System.nanoTime();
            INDArray k = x.mmul(x.transpose());
            System.out.printf("dgemm %d x %d x %d: %.2f s%n", n, d, n, (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            INDArray kf32 = xf.mmul(xf.transpose());
            System.out.printf("sgemm: %.2f s%n", (System.nanoTime() - t) / 1e9);
            INDArray a = k.dup('f');
            t = System.nanoTime();
            Eigen.symmetricGeneralizedEigenvalues(a, true);
            System.out.printf("nd4j dsyev %d: %.2f s%n", n, (System.nanoTime() - t) / 1e9);
            INDArray b = k.dup('f');
            double[] w = new double[n];
            t = System.nanoTime();
            DoublePointer wp = new DoublePointer(n);
            int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'U', n,
                    (DoublePointer) b.data().addressPointer(), n, wp);
            System.out.printf("dsyevd %d: %.2f s (info %d)%n", n, (System.nanoTime() - t) / 1e9, info);
            INDArray c = k.dup('f');
            t = System.nanoTime();
            info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'U', n,
                    (DoublePointer) c.data().addressPointer(), n);
            System.out.printf("dpotrf %d: %.2f s (info %d)%n", n, (System.nanoTime() - t) / 1e9, info);
        }
    }
}
