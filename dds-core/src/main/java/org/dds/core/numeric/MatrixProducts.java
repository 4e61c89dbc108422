package org.dds.core.numeric;

import java.util.Locale;

import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.blas.Blas;
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
 *
 * <p>On the CPU the large Gram products of the pairwise kernels (a block of a few hundred rows or more; see
 * {@link #worthNative}) call OpenBLAS directly ({@code dsyrk} for A A^T, {@code dgemm} for A B^T, on the Java arrays,
 * through the JavaCPP binding ND4J itself loads): on the 2-core AVX-512 machine, shared with other jobs, a
 * one-thread {@code dsyrk} of 958 x 2048 took 0.055 s against 0.125 s for the vector-module loops, and 0.19 s
 * against 0.67 s at 2000 x 2048, while at 200 x 2048 the loops, which run several models at once, stay. One such product runs at a time, on one OpenBLAS thread per core
 * (two Java threads each calling a multi-threaded OpenBLAS make its idle threads spin). OpenBLAS splits a product's
 * rows and columns among its threads, never a dot product, so the thread count does not change the numbers.
 */
public final class MatrixProducts {
    /** A workspace reuses the same native memory for V and V V^T across calls (the ablation makes 42). */
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP)
            .build();

    /** Fewest multiply-adds (na nb d) of a product worth a native call: 362 x 362 x 2048. */
    static final long NATIVE_MIN_MULTIPLY_ADDS = 1L << 28;
    /** Fewest rows of either factor worth a native call (fewer rows: the Java loops are as fast). */
    static final int NATIVE_MIN_ROWS = 128;
    /** One native product at a time, on all cores. */
    private static final Object NATIVE = new Object();

    private MatrixProducts() {
    }

    /**
     * @param na rows of A
     * @param nb rows of B (na for A A^T)
     * @param d  columns of both
     * @return true when A B^T (or A A^T) should be computed by {@link #upperGram} or {@link #crossProduct}: OpenBLAS
     *         is loaded, ND4J runs on the CPU, and the product is large enough to gain from it
     */
    public static boolean worthNative(int na, int nb, int d) {
        return Math.min(na, nb) >= NATIVE_MIN_ROWS && (long) na * nb * d >= NATIVE_MIN_MULTIPLY_ADDS
                && nativeAvailable();
    }

    /** @return true when OpenBLAS can be called directly and ND4J's backend is the CPU one */
    public static boolean nativeAvailable() {
        return Backend.AVAILABLE && Backend.ON_CPU && Cblas.AVAILABLE;
    }

    /**
     * The upper triangle (diagonal included) of A A^T by OpenBLAS {@code dsyrk}; the strict lower triangle of
     * {@code out} is left as it was.
     *
     * @param a   row-major n x d
     * @param n   rows
     * @param d   columns
     * @param out row-major n x n
     */
    public static void upperGram(double[] a, int n, int d, double[] out) {
        upperGram(a, n, d, out, AS_SET);
    }

    /** {@link #upperGram(double[], int, int, double[])} on {@code threads} OpenBLAS threads. */
    static void upperGram(double[] a, int n, int d, double[] out, int threads) {
        checkNative();
        onThreads(threads, () -> openblas_nolapack.cblas_dsyrk(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasUpper,
                openblas_nolapack.CblasNoTrans, n, d, 1.0, a, d, 0.0, out, n));
    }

    /**
     * A B^T by OpenBLAS {@code dgemm}.
     *
     * @param a   row-major na x d
     * @param na  rows of a
     * @param b   row-major nb x d
     * @param nb  rows of b
     * @param d   columns
     * @param out row-major na x nb
     */
    public static void crossProduct(double[] a, int na, double[] b, int nb, int d, double[] out) {
        crossProduct(a, na, b, nb, d, out, AS_SET);
    }

    /** {@link #crossProduct(double[], int, double[], int, int, double[])} on {@code threads} OpenBLAS threads. */
    static void crossProduct(double[] a, int na, double[] b, int nb, int d, double[] out, int threads) {
        checkNative();
        onThreads(threads, () -> openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasTrans, na, nb, d, 1.0, a, d, b, d, 0.0, out, nb));
    }

    private static void checkNative() {
        if (!nativeAvailable()) {
            throw new IllegalStateException("OpenBLAS is not available in this process: check nativeAvailable()");
        }
    }

    /**
     * The public methods' thread count: OpenBLAS's setting as it is (one per core unless the process or a caller
     * changed it). OpenBLAS has one setting for the whole process, so changing it here, even for one product, would
     * change the rounding of the products other threads run at that moment: Mini-Taskonomy's workers set one thread,
     * and a transferability estimator's distance product ran here on one thread per core beside them (observed: the
     * full mode's sources, trained beside the estimators, differed in their last digits from the quick mode's).
     */
    private static final int AS_SET = 0;

    /**
     * Runs one native product at a time on {@code threads} OpenBLAS threads ({@link #AS_SET}: as currently set),
     * and restores the setting.
     */
    private static void onThreads(int threads, Runnable product) {
        synchronized (NATIVE) {
            Blas blas = Nd4j.factory().blas();
            int before = blas.getMaxThreads();
            if (threads == AS_SET) {
                threads = before;
            }
            if (before != threads) {
                blas.setMaxThreads(threads);
            }
            try {
                product.run();
            } finally {
                if (before != threads) {
                    blas.setMaxThreads(before);
                }
            }
        }
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

    /** Loads OpenBLAS's binding once, on first use. */
    private static final class Cblas {
        static final boolean AVAILABLE;

        static {
            boolean available = false;
            try {
                if (Backend.AVAILABLE && Backend.ON_CPU) {
                    // Initialising the class loads the native library (JavaCPP does it in its static block).
                    Class.forName(openblas_nolapack.class.getName(), true, MatrixProducts.class.getClassLoader());
                    available = true;
                }
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // No JavaCPP binding (e.g. the CUDA backend): ND4J's products or the Java loops.
                available = false;
            }
            AVAILABLE = available;
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
