package dev.hbi.internal.wire;

/** The frame types of the multiplexed wire (docs/wire-protocol.md §4). */
public enum FrameType {
    /** Binary data of a conversation. */
    DATA(0x0),
    /** Script text of a conversation; flags OBJECT and MORE. */
    CODE(0x1),
    /** The end of the sender's part of a conversation. */
    END(0x2),
    /** The abnormal end of the sender's part of a conversation. */
    RESET(0x3),
    /** Flow-control credit. */
    WINDOW_UPDATE(0x4),
    /** Liveness probe; flag ACK. */
    PING(0x5),
    /** No new conversations, or the connection is failing. */
    GOAWAY(0x6),
    /** The sender's settings, once, in the preface. */
    SETTINGS(0x7),
    /** A script landed in order with the other notifications, outside any conversation (§12). */
    NOTIFY(0x8),
    /** How many notifications were landed, and why the last of them failed, if it did (§12). */
    NOTIFIED(0x9);

    /** CODE flag: the text is an object's code (the classic wire's co_recv). */
    public static final int FLAG_OBJECT = 0x1;
    /** CODE flag: more fragments of the same script follow. */
    public static final int FLAG_MORE = 0x2;
    /** PING flag: this is the answer. */
    public static final int FLAG_ACK = 0x1;

    private static final FrameType[] BY_CODE = values();

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /**
     * Returns the type as written on the wire.
     *
     * @return the type code
     */
    public int code() {
        return code;
    }

    /**
     * Finds a frame type.
     *
     * @param code the type code from the wire
     * @return the type, or {@code null} if §4 does not define it (such frames are ignored, §3.6)
     */
    public static FrameType byCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
