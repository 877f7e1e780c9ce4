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

    /**
     * DATA: binary data of a conversation.
     *
     * @param conversationId the conversation
     * @param payload        the bytes
     */
    record Data(int conversationId, ByteBuffer payload) implements Frame {
        /**
         * Checks the payload.
         *
         * @param conversationId the conversation
         * @param payload        the bytes
         */
        public Data {
            Objects.requireNonNull(payload, "payload");
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
    record Ping(boolean ack, long opaque) implements Frame {
        @Override
        public int conversationId() {
            return 0;
        }
    }

    /**
     * GOAWAY: no new conversations, or the connection is failing.
     *
     * @param errorCode NO_ERROR for a graceful shutdown
     * @param message   what happened, possibly empty
     */
    record GoAway(ErrorCode errorCode, String message) implements Frame {
        @Override
        public int conversationId() {
            return 0;
        }
    }

    /**
     * SETTINGS: the sender's settings.
     *
     * @param settings the settings
     */
    record SettingsFrame(Settings settings) implements Frame {
        @Override
        public int conversationId() {
            return 0;
        }
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
