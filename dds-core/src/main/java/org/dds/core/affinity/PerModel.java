package org.dds.core.affinity;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.dds.core.kernel.RowGeometry;

/**
 * Runs one task per model, concurrently when the kernels allow it, and reports failures deterministically: if
 * several models fail, the error of the first in model order is thrown, as a sequential run would.
 */
final class PerModel {
    private PerModel() {
    }

    static void run(int models, IntConsumer task) {
        RuntimeException[] errors = new RuntimeException[models];
        IntStream range = IntStream.range(0, models);
        if (RowGeometry.modelsCanRunConcurrently()) {
            range = range.parallel();
        }
        range.forEach(m -> {
            try {
                task.accept(m);
            } catch (RuntimeException e) {
                errors[m] = e;
            }
        });
        for (RuntimeException e : errors) {
            if (e != null) {
                throw e;
            }
        }
    }
}
