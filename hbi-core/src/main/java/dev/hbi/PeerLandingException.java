package dev.hbi;

/**
 * The code this side posted failed to land on the peer (multiplexed wire): the peer reset the
 * conversation with {@link ErrorCode#LANDING_ERROR}. The message is the peer's own description of the
 * failure, never its stack. The connection and the other conversations are still usable.
 */
public class PeerLandingException extends ConversationResetException {

    /**
     * Creates the exception.
     *
     * @param message the peer's message
     */
    public PeerLandingException(String message) {
        super(ErrorCode.LANDING_ERROR, message);
    }
}
