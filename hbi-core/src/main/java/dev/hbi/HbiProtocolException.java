package dev.hbi;

/**
 * The peer broke the wire protocol: a malformed packet or frame, an unknown directive, a conversation id
 * that does not match, a packet that belongs to no conversation, more data than flow control allows.
 * The connection is closed after the peer has been told the reason.
 */
public class HbiProtocolException extends HbiException {

    private final ErrorCode errorCode;

    /**
     * Creates the exception for a broken rule of the wire protocol.
     *
     * @param message what the peer sent and which rule it broke
     */
    public HbiProtocolException(String message) {
        this(ErrorCode.PROTOCOL_ERROR, message);
    }

    /**
     * Creates the exception with a specific error code of the multiplexed wire.
     *
     * @param errorCode the error code sent to the peer on the multiplexed wire
     * @param message   what the peer sent and which rule it broke
     */
    public HbiProtocolException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /**
     * Returns the error code the peer is told on the multiplexed wire.
     *
     * @return the error code
     */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
