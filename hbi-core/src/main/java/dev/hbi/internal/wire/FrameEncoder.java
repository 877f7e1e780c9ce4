package dev.hbi.internal.wire;

import dev.hbi.ErrorCode;
import java.nio.ByteBuffer;

/**
 * Encodes frames of the multiplexed wire (docs/wire-protocol.md §3, §4) into buffers ready for a
 * gathering write. Stateless. DATA payloads are not copied: the frame is the header followed by a view
 * of the caller's buffer.
 */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /**
     * Encodes a frame header.
     *
     * @param length         the payload length
     * @param type           the frame type
     * @param flags          the flags
     * @param conversationId the conversation, 0 for the connection
     * @return the 9 header bytes, ready to read
     */
    public static ByteBuffer header(int length, FrameType type, int flags, int conversationId) {
        return putHeader(ByteBuffer.allocate(FrameDecoder.HEADER_LENGTH), length, type, flags, conversationId).flip();
    }

    private static ByteBuffer putHeader(ByteBuffer out, int length, FrameType type, int flags, int id) {
        return out.put((byte) (length >>> 16)).put((byte) (length >>> 8)).put((byte) length)
                .put((byte) type.code()).put((byte) flags).putInt(id);
    }

    /**
     * Encodes a DATA frame as a header and a view of the payload; the caller's buffer is not advanced.
     *
     * @param conversationId the conversation
     * @param payload        the bytes between position and limit
     * @return header and payload
     */
    public static ByteBuffer[] data(int conversationId, ByteBuffer payload) {
        return new ByteBuffer[] {header(payload.remaining(), FrameType.DATA, 0, conversationId), payload.slice()};
    }

    /**
     * Encodes a CODE frame, header and text in one buffer.
     *
     * @param conversationId the conversation
     * @param object         whether the script is an object's code
     * @param more           whether more fragments follow
     * @param text           the UTF-8 bytes between position and limit; not advanced
     * @return the frame
     */
    public static ByteBuffer code(int conversationId, boolean object, boolean more, ByteBuffer text) {
        int flags = (object ? FrameType.FLAG_OBJECT : 0) | (more ? FrameType.FLAG_MORE : 0);
        return withText(FrameType.CODE, flags, conversationId, text);
    }

    /** A frame whose payload is the given bytes, header and payload in one buffer. */
    private static ByteBuffer withText(FrameType type, int flags, int id, ByteBuffer text) {
        ByteBuffer out = ByteBuffer.allocate(FrameDecoder.HEADER_LENGTH + text.remaining());
        return putHeader(out, text.remaining(), type, flags, id).put(text.duplicate()).flip();
    }

    /**
     * Encodes an END frame.
     *
     * @param conversationId the conversation
     * @return the frame
     */
    public static ByteBuffer end(int conversationId) {
        return header(0, FrameType.END, 0, conversationId);
    }

    /**
     * Encodes a RESET frame.
     *
     * @param conversationId the conversation
     * @param code           why
     * @param message        what happened; cut to fit the peer's MAX_FRAME_SIZE
     * @param maxFrameSize   the peer's MAX_FRAME_SIZE
     * @return the frame
     */
    public static ByteBuffer reset(int conversationId, ErrorCode code, String message, int maxFrameSize) {
        return coded(FrameType.RESET, conversationId, code.code(), message, maxFrameSize);
    }

    /**
     * Encodes a GOAWAY frame.
     *
     * @param code         NO_ERROR for a graceful shutdown
     * @param message      what happened; cut to fit the peer's MAX_FRAME_SIZE
     * @param maxFrameSize the peer's MAX_FRAME_SIZE
     * @return the frame
     */
    public static ByteBuffer goAway(ErrorCode code, String message, int maxFrameSize) {
        return coded(FrameType.GOAWAY, 0, code.code(), message, maxFrameSize);
    }

    /** A frame whose payload is a 4-byte value and a message cut to fit the peer's MAX_FRAME_SIZE. */
    private static ByteBuffer coded(FrameType type, int id, int value, String message, int maxFrameSize) {
        byte[] text = Utf8.encodeAtMost(message, maxFrameSize - 4);
        ByteBuffer out = ByteBuffer.allocate(FrameDecoder.HEADER_LENGTH + 4 + text.length);
        return putHeader(out, 4 + text.length, type, 0, id).putInt(value).put(text).flip();
    }

    /**
     * Encodes a WINDOW_UPDATE frame.
     *
     * @param conversationId the conversation, 0 for the connection
     * @param increment      the credit, 1 to 2^31 - 1
     * @return the frame
     */
    public static ByteBuffer windowUpdate(int conversationId, int increment) {
        ByteBuffer out = ByteBuffer.allocate(FrameDecoder.HEADER_LENGTH + 4);
        return putHeader(out, 4, FrameType.WINDOW_UPDATE, 0, conversationId).putInt(increment).flip();
    }

    /**
     * Encodes a PING frame.
     *
     * @param ack    whether this is the answer
     * @param opaque the 8 bytes
     * @return the frame
     */
    public static ByteBuffer ping(boolean ack, long opaque) {
        ByteBuffer out = ByteBuffer.allocate(FrameDecoder.HEADER_LENGTH + 8);
        return putHeader(out, 8, FrameType.PING, ack ? FrameType.FLAG_ACK : 0, 0).putLong(opaque).flip();
    }

    /**
     * Encodes a NOTIFY frame, header and text in one buffer.
     *
     * @param text the UTF-8 bytes of the script between position and limit; not advanced
     * @return the frame
     */
    public static ByteBuffer notify(ByteBuffer text) {
        return withText(FrameType.NOTIFY, 0, 0, text);
    }

    /**
     * Encodes a NOTIFIED frame.
     *
     * @param count        how many notifications were landed since the last NOTIFIED, 1 to 2^31 - 1
     * @param failure      empty if all landed, else why the last failed; cut to fit the peer's MAX_FRAME_SIZE
     * @param maxFrameSize the peer's MAX_FRAME_SIZE
     * @return the frame
     */
    public static ByteBuffer notified(int count, String failure, int maxFrameSize) {
        return coded(FrameType.NOTIFIED, 0, count, failure, maxFrameSize);
    }

    /**
     * Encodes the preface: the magic, the version and the SETTINGS frame (§2.1).
     *
     * @param settings this side's settings
     * @return the preface
     */
    public static ByteBuffer preface(Settings settings) {
        ByteBuffer body = settings.encode();
        ByteBuffer out = ByteBuffer.allocate(Preface.LENGTH + FrameDecoder.HEADER_LENGTH + body.remaining());
        out.put(Preface.magicAndVersion());
        return putHeader(out, body.remaining(), FrameType.SETTINGS, 0, 0).put(body).flip();
    }
}
