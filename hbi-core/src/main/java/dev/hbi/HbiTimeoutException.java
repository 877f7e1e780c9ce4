package dev.hbi;

/**
 * A blocking call did not complete within its deadline (see {@link HbiConfig}). On the classic wire a
 * timeout while a conversation owned the wire also ends the connection, because the byte stream cannot be
 * resynchronised; the message says so when it happens.
 */
public class HbiTimeoutException extends HbiException {

    /**
     * Creates the exception.
     *
     * @param message what was waited for, and for how long
     */
    public HbiTimeoutException(String message) {
        super(message);
    }
}
