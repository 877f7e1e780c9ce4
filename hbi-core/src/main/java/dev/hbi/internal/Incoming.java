package dev.hbi.internal;

/**
 * What a conversation receives next, whatever the wire: code to land for its side effects, an object's
 * code to land and hand to {@code recvObj}, or the end of what the peer sends in this conversation.
 *
 * @param kind what it is
 * @param code the code, or {@code null} for {@link Kind#END}
 */
record Incoming(Kind kind, String code) {

    /** The kinds of incoming items. */
    enum Kind {
        /** Code landed for its side effects. */
        CODE,
        /** Code whose landed value {@code recvObj} returns. */
        OBJECT,
        /** The peer sends nothing more in this conversation. */
        END
    }

    static final Incoming END = new Incoming(Kind.END, null);
}
