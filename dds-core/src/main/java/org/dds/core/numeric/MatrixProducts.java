package org.dds.core.numeric;

import java.util.Locale;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The large matrix products of DDS in double precision, through ND4J (BLAS on the CPU, cuBLAS with the CUDA
 * backend): the Gram matrix A A^T of a model's feature rows and the product V V^T of the stacked model
 * embeddings. This is the only class of dds-core that calls ND4J, so the backend can be swapped here alone.
 */
public final class MatrixProducts {
    /** A workspace reuses the same native memory for V and V V^T across calls (the ablation makes 42). */
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP)
            .build();

    private MatrixProducts() {
    }

    /**
     * @return true when ND4J's backend runs on the CPU (not CUDA), so that Java loops compete with it for the
     *         same cores
     */
    public static boolean onCpu() {
        return Backend.ON_CPU;
    }

    /**
     * @return true when ND4J and a backend are on the class path; a process without them (e.g. a Spark executor
     *         given only dds-core) multiplies with Java loops instead
     */
    public static boolean available() {
        return Backend.AVAILABLE;
    }

    /** Looks the backend up once, on first use. */
    private static final class Backend {
        static final boolean AVAILABLE;
        static final boolean ON_CPU;

        static {
            boolean available;
            boolean cpu;
            try {
                cpu = Nd4j.getBackend().getClass().getName().toLowerCase(Locale.ROOT).contains("cpu");
                available = true;
            } catch (NoClassDefFoundError | RuntimeException e) {
                // No ND4J, or no backend: Java loops on the CPU.
                cpu = true;
                available = false;
            }
            AVAILABLE = available;
            ON_CPU = cpu;
        }
    }

    /**
     * @param a row-major n x d
     * @param n rows
     * @param d columns
     * @return A A^T, row-major n x n, as the backend computes it (symmetric up to rounding)
     */
    public static double[] gram(double[] a, int n, int d) {
        try (INDArray m = Nd4j.create(a, new long[] {n, d}, DataType.DOUBLE);
             INDArray g = m.mmul(m.transpose());
             INDArray c = g.dup('c')) {
            return c.data().asDouble();
        }
    }

    /**
     * @param a  row-major na x d
     * @param na rows of a
     * @param b  row-major nb x d
     * @param nb rows of b
     * @param d  columns
     * @return A B^T, row-major na x nb
     */
    public static double[] product(double[] a, int na, double[] b, int nb, int d) {
        try (INDArray x = Nd4j.create(a, new long[] {na, d}, DataType.DOUBLE);
             INDArray y = Nd4j.create(b, new long[] {nb, d}, DataType.DOUBLE);
             INDArray g = x.mmul(y.transpose());
             INDArray c = g.dup('c')) {
            return c.data().asDouble();
        }
    }

    /**
     * @param v row-major t x m: one vector per row
     * @param t rows
     * @param m columns
     * @return V V^T, the inner products of all pairs of rows, as t rows of t values, as the backend computes it
     *         (symmetric up to rounding)
     */
    @SuppressWarnings("try") // the workspace is used by being open: ND4J allocates inside it
    public static double[][] innerProducts(double[] v, int t, int m) {
        double[][] a = new double[t][t];
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, "dds-affinity")) {
            INDArray x = Nd4j.create(v, new long[] {t, m}, DataType.DOUBLE);
            INDArray p = x.mmul(x.transpose());
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    a[i][j] = p.getDouble(i, j);
                }
            }
        }
        return a;
    }
}
