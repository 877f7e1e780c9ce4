package dev.hbi;

/**
 * This conversation was reset (multiplexed wire): the peer cancelled it or refused it, or this side
 * gave up on it. The connection and the other conversations are still usable.
 */
public class ConversationResetException extends HbiException {

    private final ErrorCode errorCode;

    /**
     * Creates the exception.
     *
     * @param errorCode why the conversation was reset
     * @param message   what happened, with the peer's own message if it gave one
     */
    public ConversationResetException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /**
     * Returns why the conversation was reset.
     *
     * @return the error code
     */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
