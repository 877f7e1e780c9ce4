package dev.hbi;

/**
 * The calling thread was interrupted while it waited in a blocking HBI call. The thread's interrupt
 * flag is set again before this is thrown. Waiting for the wire (a send turn, an answer) can be
 * interrupted without harm; interrupting a classic-wire read that has already begun ends the
 * connection, because the byte stream cannot be resynchronised.
 */
public class ConversationInterruptedException extends HbiException {

    /**
     * Creates the exception.
     *
     * @param message what the thread was waiting for
     * @param cause   the interruption
     */
    public ConversationInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
