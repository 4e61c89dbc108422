package org.nd4j.nativeblas;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Forwards the name DL4J 1.0.0-M2.1 looks up for its oneDNN helpers ({@code org.nd4j.nativeblas.Nd4jCpu$Environment
 * .isUseMKLDNN()}, see {@code BaseMKLDNNHelper.mklDnnEnabled}) to the class ND4J M2.1 actually ships
 * ({@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment.isUseONEDNN()}). Without it DL4J swallows a
 * {@code ClassNotFoundException} and never uses oneDNN. Reflection keeps this module compiling against the CUDA
 * backend, where the CPU bindings are absent (and DL4J never asks).
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The forwarding environment. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();
        private static final String TARGET = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private Environment() {
        }

        /** @return the one instance */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** @return whether the loaded native build uses oneDNN (false when the CPU bindings are absent) */
        public boolean isUseMKLDNN() {
            try {
                Class<?> target = Class.forName(TARGET);
                Object env = target.getMethod("getInstance").invoke(null);
                Method use = target.getMethod("isUseONEDNN");
                return (Boolean) use.invoke(env);
            } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
                return false;
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the ND4J CPU environment failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
