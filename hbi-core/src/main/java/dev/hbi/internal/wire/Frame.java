package dev.hbi.internal.wire;

import dev.hbi.ErrorCode;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One decoded frame of the multiplexed wire (docs/wire-protocol.md §4). Payload buffers are read-only
 * views the frame owns.
 */
public sealed interface Frame {

    /**
     * Returns the conversation the frame belongs to, 0 for the connection.
     *
     * @return the conversation id
     */
    int conversationId();

    /** A frame of the connection itself, which always has conversation id 0 (§3.4). */
    sealed interface OfConnection extends Frame {
        @Override
        default int conversationId() {
            return 0;
        }
    }

    /**
     * DATA: binary data of a conversation, or a piece of it. The decoder hands a DATA payload out in
     * pieces as it arrives: the first as soon as the header is complete, with the payload bytes there
     * are (perhaps none), then one for each further run of bytes; the piece that reaches
     * {@code frameLength} ends the frame. A frame sent or decoded whole is one piece.
     *
     * @param conversationId the conversation
     * @param frameLength    the length of the frame's whole payload
     * @param offset         where this piece begins in it
     * @param first          whether this piece opens the frame
     * @param payload        the bytes of this piece
     */
    record Data(int conversationId, int frameLength, int offset, boolean first, ByteBuffer payload)
            implements Frame {
        /**
         * Checks the piece.
         *
         * @param conversationId the conversation
         * @param frameLength    the length of the whole payload
         * @param offset         where this piece begins
         * @param first          whether it opens the frame
         * @param payload        the bytes
         */
        public Data {
            Objects.requireNonNull(payload, "payload");
            if (offset < 0 || offset + payload.remaining() > frameLength || first && offset != 0) {
                throw new IllegalArgumentException("a " + (first ? "first " : "") + "piece of " + payload.remaining()
                        + " bytes at " + offset + " does not fit a DATA frame of " + frameLength);
            }
        }

        /**
         * A whole frame.
         *
         * @param conversationId the conversation
         * @param payload        all its bytes
         */
        public Data(int conversationId, ByteBuffer payload) {
            this(conversationId, payload.remaining(), 0, true, payload);
        }

        /**
         * Tells whether this piece ends its frame.
         *
         * @return {@code true} for the last piece
         */
        public boolean last() {
            return offset + payload.remaining() == frameLength;
        }
    }

    /**
     * CODE: a fragment of script text.
     *
     * @param conversationId the conversation
     * @param object         whether the script is an object's code
     * @param more           whether more fragments of the script follow
     * @param text           the UTF-8 bytes of the fragment
     */
    record Code(int conversationId, boolean object, boolean more, ByteBuffer text) implements Frame {
        /**
         * Checks the text.
         *
         * @param conversationId the conversation
         * @param object         whether the script is an object's code
         * @param more           whether more fragments follow
         * @param text           the UTF-8 bytes
         */
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * END: the end of the sender's part of a conversation.
     *
     * @param conversationId the conversation
     */
    record End(int conversationId) implements Frame {
    }

    /**
     * RESET: the abnormal end of the sender's part of a conversation.
     *
     * @param conversationId the conversation
     * @param errorCode      why
     * @param message        what happened, possibly empty
     */
    record Reset(int conversationId, ErrorCode errorCode, String message) implements Frame {
    }

    /**
     * WINDOW_UPDATE: flow-control credit.
     *
     * @param conversationId the conversation, or 0 for the connection
     * @param increment      the credit, 1 to 2^31 - 1
     */
    record WindowUpdate(int conversationId, int increment) implements Frame {
    }

    /**
     * PING: a liveness probe or its answer.
     *
     * @param ack     whether this is the answer
     * @param opaque  the 8 bytes, echoed by the answer
     */
    record Ping(boolean ack, long opaque) implements OfConnection {
    }

    /**
     * GOAWAY: no new conversations, or the connection is failing.
     *
     * @param errorCode NO_ERROR for a graceful shutdown
     * @param message   what happened, possibly empty
     */
    record GoAway(ErrorCode errorCode, String message) implements OfConnection {
    }

    /**
     * SETTINGS: the sender's settings.
     *
     * @param settings the settings
     */
    record SettingsFrame(Settings settings) implements OfConnection {
    }

    /**
     * NOTIFY: a script to land in order with the other notifications of the connection (§12).
     *
     * @param text the UTF-8 bytes of the script
     */
    record Notify(ByteBuffer text) implements OfConnection {
        /**
         * Checks the text.
         *
         * @param text the UTF-8 bytes
         */
        public Notify {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * NOTIFIED: the receiver of notifications landed this many more of them (§12).
     *
     * @param count   how many, 1 to 2^31 - 1, counted from the last NOTIFIED
     * @param failure empty if all of them landed; otherwise why the last of them failed to land
     */
    record Notified(int count, String failure) implements OfConnection {
    }

    /**
     * A frame of a type §4 does not define; its payload was skipped (§3.6).
     *
     * @param conversationId the id in its header
     * @param typeCode       its type
     * @param length         its payload length
     */
    record Unknown(int conversationId, int typeCode, int length) implements Frame {
    }
}
