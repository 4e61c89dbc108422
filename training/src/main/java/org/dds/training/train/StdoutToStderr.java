package org.dds.training.train;

import java.io.PrintStream;

/**
 * Runs code with {@code System.out} pointed at {@code System.err}. ND4J 1.0.0-M2.1's SameDiff prints "Added
 * differentiated op ..." to stdout when it first builds a gradient function (the losses are SameDiff output
 * layers); the command line keeps stdout for results only.
 */
public final class StdoutToStderr {
    private StdoutToStderr() {
    }

    /** @param action what to run; System.out is restored afterwards, even on failure */
    public static synchronized void during(Runnable action) {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            action.run();
        } finally {
            System.setOut(out);
        }
    }
}
