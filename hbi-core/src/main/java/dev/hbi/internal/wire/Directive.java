package dev.hbi.internal.wire;

/**
 * The directives of the classic wire, written between {@code #} and {@code ]} in a packet header
 * (hbi-wire-reference §2.1). This is the complete list of the reference snapshot.
 */
public enum Directive {
    /** A plain code packet (empty directive): landed for its side effects. */
    CODE(""),
    /** Starts a posting conversation; the payload is its co_seq. */
    CO_BEGIN("co_begin"),
    /** Ends the send stage of a posting conversation. */
    CO_END("co_end"),
    /** Starts the answer to the posting conversation named by the payload. */
    CO_ACK_BEGIN("co_ack_begin"),
    /** Ends that answer: the posting conversation is complete. */
    CO_ACK_END("co_ack_end"),
    /** An object packet: landed, its value handed to the waiting {@code recvObj}. */
    CO_RECV("co_recv"),
    /** A fatal error; the payload is the reason. The receiver disconnects without answering. */
    ERR("err"),
    /** Legacy, sent by no API of the reference snapshot; parsed so that it can be refused by name. */
    CO_SEND("co_send");

    private final String wireName;
    private final byte[] headerSuffix;

    Directive(String wireName) {
        this.wireName = wireName;
        this.headerSuffix = ("#" + wireName + "]").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Returns the directive as written on the wire.
     *
     * @return the name, empty for {@link #CODE}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns {@code #name]}, the bytes that follow the length in a header.
     *
     * @return the bytes, shared: never modify them
     */
    byte[] headerSuffix() {
        return headerSuffix;
    }

    /**
     * Finds a directive by its wire name.
     *
     * @param wireName the name between {@code #} and {@code ]}
     * @return the directive, or {@code null} if it is not one of the reference's
     */
    public static Directive byWireName(String wireName) {
        for (Directive d : values()) {
            if (d.wireName.equals(wireName)) {
                return d;
            }
        }
        return null;
    }
}
