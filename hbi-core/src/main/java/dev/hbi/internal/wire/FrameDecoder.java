package dev.hbi.internal.wire;

import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

/**
 * Decodes frames of the multiplexed wire from bytes as they arrive, in pieces of any size
 * (docs/wire-protocol.md §3, §4). Stateful, not thread-safe: one per connection, used by its reader.
 *
 * <p>Every check that depends only on the header (the length against MAX_FRAME_SIZE, the fixed sizes of
 * END, WINDOW_UPDATE and PING, which frames may use conversation 0) is made before the payload is
 * allocated or read. Frames of unknown types are skipped without allocating (§3.6).
 *
 * <p>DATA payloads are not collected: each is handed out in pieces as its bytes arrive, as
 * {@link Frame.Data} views of the input buffer, so that the reader copies binary data once, from its
 * read buffer to where the conversation wants it, and a large frame needs no array of its own.
 */
public final class FrameDecoder implements StreamDecoder<Frame> {

    /** The size of a frame header (§3.1). */
    public static final int HEADER_LENGTH = 9;

    private static final byte[] NO_BYTES = new byte[0];

    private final int maxFrameSize;
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
    private int length = -1;
    private int typeCode;
    private FrameType type;
    private int flags;
    private int conversationId;
    private byte[] payload;
    private int received;
    private boolean opened; // the first piece of the DATA frame being decoded was handed out

    /**
     * Creates a decoder.
     *
     * @param maxFrameSize the largest payload accepted: this side's MAX_FRAME_SIZE setting
     */
    public FrameDecoder(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Consumes bytes of the next frame and returns the frame once its last byte has been consumed, or,
     * for DATA, the next piece of its payload as soon as one byte or more of it is there. Consumes
     * nothing past the frame.
     *
     * @param in bytes from the wire, between position and limit
     * @return the frame or piece of DATA, or {@code null} if more bytes are needed; a piece of DATA is a
     *         view of {@code in}, valid until {@code in} changes
     * @throws HbiProtocolException with the error code of §7.1 if the bytes are not a valid frame
     */
    @Override
    public Frame decode(ByteBuffer in) {
        if (length < 0 && !readHeader(in)) {
            return null;
        }
        if (type == FrameType.DATA) {
            return dataPiece(in);
        }
        int n = Math.min(length - received, in.remaining());
        if (payload != null) {
            in.get(payload, received, n);
        } else {
            in.position(in.position() + n);
        }
        received += n;
        if (received < length) {
            return null;
        }
        Frame frame = frame();
        length = -1;
        payload = null;
        return frame;
    }

    /**
     * Accounts for payload bytes of the DATA frame being decoded that the caller read from the wire
     * itself, straight to where they were wanted, once the decoder had consumed every byte it was given.
     *
     * @param n how many bytes were read
     * @throws IllegalStateException if no DATA frame is being decoded or it has fewer bytes left
     */
    public void skipData(int n) {
        if (length < 0 || type != FrameType.DATA || n > length - received) {
            throw new IllegalStateException("no DATA frame has " + n + " bytes left to read");
        }
        received += n;
        if (received == length) {
            length = -1;
        }
    }

    /**
     * The next piece of a DATA payload: every byte of it there is. The first piece comes even with no
     * byte, so that the reader may read the payload straight to where it is wanted.
     */
    private Frame dataPiece(ByteBuffer in) {
        int n = Math.min(length - received, in.remaining());
        if (n == 0 && opened) {
            return null;
        }
        Frame.Data piece = new Frame.Data(conversationId, length, received, !opened, in.slice(in.position(), n));
        opened = true;
        in.position(in.position() + n);
        received += n;
        if (received == length) {
            length = -1;
        }
        return piece;
    }

    @Override
    public String unitName() {
        return "frame";
    }

    @Override
    public boolean isIdle() {
        return length < 0 && header.position() == 0;
    }

    private boolean readHeader(ByteBuffer in) {
        Buffers.transfer(in, header);
        if (header.hasRemaining()) {
            return false;
        }
        header.flip();
        length = (header.get() & 0xff) << 16 | (header.get() & 0xff) << 8 | header.get() & 0xff;
        typeCode = header.get() & 0xff;
        flags = header.get() & 0xff;
        conversationId = header.getInt() & 0x7fffffff; // §3.3: the R bit is ignored
        header.clear();
        type = FrameType.byCode(typeCode);
        checkHeader();
        payload = type == null || type == FrameType.DATA ? null : length == 0 ? NO_BYTES : new byte[length];
        received = 0;
        opened = false;
        return true;
    }

    private void checkHeader() {
        if (length > maxFrameSize) {
            throw new HbiProtocolException(ErrorCode.FRAME_SIZE_ERROR, "a " + name() + " frame of " + length
                    + " bytes is longer than the MAX_FRAME_SIZE of " + maxFrameSize + " (wire-protocol.md §3.2)");
        }
        if (type == null) {
            return;
        }
        boolean connectionLevel = type == FrameType.PING || type == FrameType.GOAWAY || type == FrameType.SETTINGS
                || type == FrameType.NOTIFY || type == FrameType.NOTIFIED;
        if (connectionLevel != (conversationId == 0) && type != FrameType.WINDOW_UPDATE) {
            throw new HbiProtocolException("a " + type + " frame must " + (connectionLevel ? "" : "not ")
                    + "use conversation id 0, not " + conversationId + " (wire-protocol.md §3.4)");
        }
        int fixed = switch (type) {
            case END -> 0;
            case WINDOW_UPDATE -> 4;
            case PING -> 8;
            default -> -1;
        };
        boolean sizeOk = fixed >= 0 ? length == fixed
                : type == FrameType.SETTINGS ? length % 6 == 0
                : type == FrameType.NOTIFY ? length >= 1
                : type != FrameType.RESET && type != FrameType.GOAWAY && type != FrameType.NOTIFIED || length >= 4;
        if (!sizeOk) {
            throw new HbiProtocolException(ErrorCode.FRAME_SIZE_ERROR, "a " + type + " frame cannot carry "
                    + length + " bytes (wire-protocol.md §4)");
        }
    }

    private Frame frame() {
        if (type == null) {
            return new Frame.Unknown(conversationId, typeCode, length);
        }
        ByteBuffer body = ByteBuffer.wrap(payload);
        return switch (type) {
            case DATA -> throw new IllegalStateException("DATA is handed out in pieces");
            case CODE -> new Frame.Code(conversationId, (flags & FrameType.FLAG_OBJECT) != 0,
                    (flags & FrameType.FLAG_MORE) != 0, body);
            case END -> new Frame.End(conversationId);
            case RESET -> new Frame.Reset(conversationId, ErrorCode.byCode(body.getInt()), message(body));
            case WINDOW_UPDATE -> windowUpdate(body.getInt() & 0x7fffffff);
            case PING -> new Frame.Ping((flags & FrameType.FLAG_ACK) != 0, body.getLong());
            case GOAWAY -> new Frame.GoAway(ErrorCode.byCode(body.getInt()), message(body));
            case SETTINGS -> new Frame.SettingsFrame(Settings.decode(body));
            case NOTIFY -> new Frame.Notify(body);
            case NOTIFIED -> notified(body.getInt() & 0x7fffffff, body);
        };
    }

    private Frame windowUpdate(int increment) {
        if (increment == 0) {
            throw new HbiProtocolException("a WINDOW_UPDATE of 0 on conversation " + conversationId
                    + " (wire-protocol.md §4.5)");
        }
        return new Frame.WindowUpdate(conversationId, increment);
    }

    private Frame notified(int count, ByteBuffer body) {
        if (count == 0) {
            throw new HbiProtocolException("a NOTIFIED frame that counts no notification (wire-protocol.md §12.4)");
        }
        return new Frame.Notified(count, message(body));
    }

    private String message(ByteBuffer body) {
        try {
            return Utf8.decode(payload, body.position(), body.remaining());
        } catch (CharacterCodingException e) {
            throw new HbiProtocolException("the message of a " + type + " frame is not valid UTF-8");
        }
    }

    private String name() {
        return type != null ? type.name() : "type-" + typeCode;
    }
}
