package dev.hbi;

/**
 * The peer completed the conversation without sending what {@code recvObj} waited for. The
 * conversation is over; the connection is still usable.
 */
public class ConversationEndedException extends HbiException {

    /**
     * Creates the exception.
     *
     * @param message which conversation ended and what was still expected
     */
    public ConversationEndedException(String message) {
        super(message);
    }
}
