package dev.hbi;

/**
 * Root of every exception HBI throws. It is never thrown itself: each subclass says when it is
 * thrown and whether the connection can still be used.
 *
 * <p>HBI exceptions are unchecked, because hosted functions are plain lambdas and method references
 * that would otherwise have to wrap them. The original {@link java.io.IOException}, if any, is the
 * cause.
 */
public abstract class HbiException extends RuntimeException {

    /**
     * Creates an exception with a message.
     *
     * @param message what happened
     */
    protected HbiException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened
     * @param cause   the underlying failure
     */
    protected HbiException(String message, Throwable cause) {
        super(message, cause);
    }
}
