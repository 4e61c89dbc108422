package org.dds.core;

import java.util.function.UnaryOperator;

/**
 * A sentence for users that names parameters (e.g. {@code shape}, {@code groundtruth}) without knowing how the
 * front end spells them: it receives the spelling. Library code spells a parameter by its name; the command line
 * spells it as its flag ({@code --shape}), so renaming a flag never touches a library.
 */
@FunctionalInterface
public interface Wording {
    /** Spells every parameter by its own name. */
    UnaryOperator<String> BY_NAME = UnaryOperator.identity();

    /**
     * @param name spells a parameter (given its name, e.g. {@code "shape"}) as the reader knows it; names it does
     *             not know come back unchanged
     * @return the sentence
     */
    String apply(UnaryOperator<String> name);

    /**
     * @param text a sentence that names no parameter
     * @return it, as a wording
     */
    static Wording of(String text) {
        return name -> text;
    }
}
