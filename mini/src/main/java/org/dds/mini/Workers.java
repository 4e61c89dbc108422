package org.dds.mini;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.dds.training.backend.NativeBackend;

/**
 * Runs independent, indexed jobs on a few threads, each running its native (ND4J, oneDNN, BLAS) operations on one
 * OpenMP thread ({@link NativeBackend#oneNativeThreadHere}), with OpenBLAS on one thread while more than one worker runs
 * ({@link NativeBackend#blasThreads}). Each job writes only its own slot of the caller's arrays,
 * so the results depend neither on the number of workers, nor on the machine's cores, nor on which job finishes
 * first; the first failure (in index order) is rethrown as it was thrown.
 */
final class Workers {
    private Workers() {
    }

    /**
     * @param count   jobs 0 .. count-1
     * @param threads threads to run them on (1 runs them in this thread, in order)
     * @param job     the job of an index
     */
    static void run(int count, int threads, IntConsumer job) {
        int size = Math.max(1, Math.min(threads, count));
        int blasBefore = size > 1 ? NativeBackend.blasThreads(1) : -1;
        ExecutorService pool = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(() -> {
                NativeBackend.oneNativeThreadHere();
                r.run();
            }, "mini-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int k = i;
                futures.add(pool.submit(() -> job.accept(k)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the workers", e);
        } finally {
            pool.shutdownNow();
            if (blasBefore > 0) {
                NativeBackend.blasThreads(blasBefore);
            }
        }
    }
}
