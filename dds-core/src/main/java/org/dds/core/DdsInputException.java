package org.dds.core;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A user-supplied input is unusable: wrong shape, non-finite values, a missing or truncated file, an unknown
 * name. The message is one sentence that says what is wrong, where, and how to fix it; the command line maps
 * this exception to exit code 2 and prints only the message.
 *
 * <p>Library code names parameters by their names (e.g. {@code shape}, {@code centering}), never by a command-line
 * flag. A message that tells the user to change a parameter is built from a {@link Wording}, which receives how
 * each parameter is spelled: {@link #getMessage()} spells them by name ("pass shape H,W,C"), and a front end
 * re-spells them in its own terms with {@link #messageFor} (the command line's "pass --shape H,W,C").
 */
public class DdsInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // lambdas are not serialised; a deserialised exception keeps its message
    private final transient Wording wording;

    /** @param message what is wrong, where, and how to fix it */
    public DdsInputException(String message) {
        this(message, (Throwable) null);
    }

    /**
     * @param message what is wrong, where, and how to fix it
     * @param cause   the underlying error (kept for logs, never shown to users)
     */
    public DdsInputException(String message, Throwable cause) {
        super(message, cause);
        this.wording = null;
    }

    /**
     * @param wording what is wrong, where, and how to fix it, naming parameters through the spelling it is given
     */
    public DdsInputException(Wording wording) {
        this(wording, null);
    }

    /**
     * @param wording what is wrong, where, and how to fix it, naming parameters through the spelling it is given
     * @param cause   the underlying error (kept for logs, never shown to users)
     */
    public DdsInputException(Wording wording, Throwable cause) {
        super(Objects.requireNonNull(wording, "wording").apply(Wording.BY_NAME), cause);
        this.wording = wording;
    }

    /**
     * @param spelling how the reader knows a parameter, given its name (e.g. {@code shape -> --shape}); names it
     *                 does not know should be returned unchanged
     * @return the message with every parameter spelled so; {@link #getMessage()} when it names none
     */
    public String messageFor(UnaryOperator<String> spelling) {
        return wording == null ? getMessage() : wording.apply(spelling);
    }
}
