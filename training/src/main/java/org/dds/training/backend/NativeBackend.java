package org.dds.training.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the fast native build of ND4J before it loads, and turns on DL4J's layer helpers (oneDNN on the CPU,
 * cuDNN on CUDA). Must run before the first ND4J or DL4J class is used in the JVM: the CLI commands of the training
 * module and the tests' launcher listener call {@link #configure()} first.
 *
 * <p>Measured on a 2-core AVX-512 VM: without oneDNN, DL4J 1.0.0-M2.1's convolutions are 15-30x slower than
 * PyTorch's. The build with oneDNN is a separate classifier of {@code nd4j-native}; JavaCPP loads it when the system
 * property {@value #EXTENSION} names it. DL4J creates its oneDNN layer helpers only when {@value #HELPERS_DISABLE}
 * is {@code false} (its default is {@code true}) and when {@code org.nd4j.nativeblas.Nd4jCpu$Environment} answers
 * {@code isUseMKLDNN()}, a class that M2.1 renamed; {@code org.nd4j.nativeblas.Nd4jCpu} in this module forwards the
 * old name to the new one.
 *
 * <p>An explicit {@code -D} setting of either property is kept, so {@code -Dorg.bytedeco.javacpp.platform.extension=}
 * (empty) runs the plain build for a comparison.
 */
public final class NativeBackend {
    /** JavaCPP's system property that selects a variant of the native libraries. */
    public static final String EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** DL4J's system property that disables all layer helpers (default true in 1.0.0-M2.1). */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private static final Logger LOG = LoggerFactory.getLogger(NativeBackend.class);
    private static final String PLATFORM = "linux-x86_64";
    private static final String CPU_BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";
    private static final String CUDA_BINDINGS = "org/nd4j/linalg/jcublas/bindings/";

    private static String chosen;

    private NativeBackend() {
    }

    /**
     * Sets the two properties (unless set already) and returns the native variant chosen. Idempotent.
     *
     * @return the JavaCPP platform extension in force, e.g. {@code -onednn-avx512}, or "" for the plain build
     */
    public static synchronized String configure() {
        if (chosen != null) {
            return chosen;
        }
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
        String given = System.getProperty(EXTENSION);
        if (given != null) {
            chosen = given;
        } else {
            chosen = detect();
            if (!chosen.isEmpty()) {
                System.setProperty(EXTENSION, chosen);
            }
        }
        LOG.info("ND4J native variant '{}{}', DL4J layer helpers {}", PLATFORM, chosen,
                Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE)) ? "disabled" : "enabled");
        return chosen;
    }

    /** @return the variant that is on the class path and runs on this processor, best first */
    private static String detect() {
        ClassLoader loader = NativeBackend.class.getClassLoader();
        if (loader.getResource(CUDA_BINDINGS + PLATFORM + "-cudnn/libnd4jcuda.so") != null) {
            return "-cudnn";
        }
        if (hasAvx512() && loader.getResource(CPU_BINDINGS + PLATFORM + "-onednn-avx512/libnd4jcpu.so") != null) {
            return "-onednn-avx512";
        }
        if (loader.getResource(CPU_BINDINGS + PLATFORM + "-onednn/libnd4jcpu.so") != null) {
            return "-onednn";
        }
        LOG.warn("no oneDNN build of ND4J on the class path: convolutions will be 15-30x slower");
        return "";
    }

    /** @return the version of DL4J on the class path (from its Maven metadata), or "unknown" */
    public static String dl4jVersion() {
        try (java.io.InputStream in = NativeBackend.class.getResourceAsStream(
                "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return whether /proc/cpuinfo lists avx512f (false where it cannot be read) */
    private static boolean hasAvx512() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            return Files.isReadable(cpuinfo) && Files.readString(cpuinfo).toLowerCase(Locale.ROOT).contains(" avx512f");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes the native operations called from the current thread run on one OpenMP thread (libnd4j's
     * {@code setOmpNumThreads}, OpenMP's per-thread {@code omp_set_num_threads}); other threads keep their setting.
     * For work split over Java threads, one per core: measured on 2 cores (Mini-Taskonomy sources, 2 networks
     * trained side by side), two single-threaded workers used 20% less CPU time than two workers with 2 OpenMP threads
     * each, and gave the same numbers as a process started with {@code OMP_NUM_THREADS=1}. The results of a thread
     * set this way do not depend on how many cores the machine has.
     */
    public static void oneNativeThreadHere() {
        configure();
        org.nd4j.linalg.factory.Nd4j.getBackend();
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }

    /**
     * Sets the number of threads of OpenBLAS, which ND4J's matrix products and LAPACK calls run on. Unlike OpenMP's,
     * OpenBLAS's setting is one for the whole process, and {@code OPENBLAS_NUM_THREADS} does not reach the copy ND4J
     * loads. Work split over Java threads, one per core, should set it to 1 for its duration: measured on 2 cores (two
     * Mini-Taskonomy sources trained side by side, 4,000 images each), the process spent 6.8 s of system time with
     * OpenBLAS's default of one thread per core (its idle threads spin in {@code sched_yield} while the other worker
     * needs the core) and 1.6 s with one thread, 15.3 s against 13.6 s of wall time, with the same losses: OpenBLAS
     * splits a product's rows and columns among its threads, never a dot product, so the numbers do not change.
     *
     * @param threads the threads, at least 1
     * @return the setting before
     */
    public static int blasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("OpenBLAS needs at least 1 thread, not " + threads);
        }
        configure();
        org.nd4j.linalg.api.blas.Blas blas = org.nd4j.linalg.factory.Nd4j.factory().blas();
        int before = blas.getMaxThreads();
        blas.setMaxThreads(threads);
        return before;
    }
}
