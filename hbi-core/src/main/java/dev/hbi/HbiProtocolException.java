package dev.hbi;

/**
 * The peer broke the wire protocol: a malformed packet header, an unknown directive, a conversation id
 * that does not match, a packet that belongs to no conversation. The connection is closed after the
 * peer has been told the reason.
 */
public class HbiProtocolException extends HbiException {

    /**
     * Creates the exception.
     *
     * @param message what the peer sent and which rule it broke
     */
    public HbiProtocolException(String message) {
        super(message);
    }
}
