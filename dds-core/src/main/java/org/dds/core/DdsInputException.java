package org.dds.core;

/**
 * A user-supplied input is unusable: wrong shape, non-finite values, a missing or truncated file, an unknown
 * name. The message is one sentence that says what is wrong, where, and how to fix it; the command line maps
 * this exception to exit code 2 and prints only the message.
 */
public class DdsInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, where, and how to fix it */
    public DdsInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, where, and how to fix it
     * @param cause   the underlying error (kept for logs, never shown to users)
     */
    public DdsInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
