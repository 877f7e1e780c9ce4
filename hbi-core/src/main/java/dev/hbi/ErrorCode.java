package dev.hbi;

/**
 * Why a conversation was reset or a connection failed on the multiplexed wire
 * (docs/wire-protocol.md §8). Carried by {@link ConversationResetException} and
 * {@link HbiProtocolException}.
 */
public enum ErrorCode {
    /** Graceful: a connection shut down on purpose. */
    NO_ERROR(0),
    /** A rule of the wire protocol was broken. */
    PROTOCOL_ERROR(1),
    /** The sender failed for a reason of its own. */
    INTERNAL_ERROR(2),
    /** Flow control was broken: more was sent than the receiver granted. */
    FLOW_CONTROL_ERROR(3),
    /** A frame was longer than the receiver accepts, or a fixed-size payload had the wrong size. */
    FRAME_SIZE_ERROR(4),
    /** The conversation was not landed at all; it may be retried. */
    REFUSED_CONVERSATION(5),
    /** The sender no longer wants the conversation. */
    CANCEL(6),
    /** The conversation's code failed to land; the message says why. */
    LANDING_ERROR(7),
    /** Nothing was received for longer than the idle timeout. */
    IDLE_TIMEOUT(8),
    /** The peer speaks another version of the wire. */
    VERSION_MISMATCH(9),
    /** The peer sends more than the receiver is willing to process. */
    ENHANCE_YOUR_CALM(10);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /**
     * Returns the code as written on the wire.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * Finds the error code for a wire value.
     *
     * @param code the value from the wire
     * @return the error code; {@link #INTERNAL_ERROR} for an unknown value, as §8 says
     */
    public static ErrorCode byCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return INTERNAL_ERROR;
    }
}
