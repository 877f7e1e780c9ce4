package dev.hbi.internal.wire;

import java.util.Objects;

/**
 * One classic-wire packet: {@code [LEN#DIRECTIVE]PAYLOAD}.
 *
 * @param directive what the packet means
 * @param payload   its text, decoded from UTF-8
 */
public record Packet(Directive directive, String payload) {

    /**
     * Checks the fields.
     *
     * @param directive what the packet means
     * @param payload   its text
     */
    public Packet {
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * Shows the packet for messages and logs as it looks on the wire, the payload cut at 80 characters.
     *
     * @return such as {@code [3#co_begin]101}
     */
    @Override
    public String toString() {
        String shown = payload.length() <= 80 ? payload : payload.substring(0, 80) + "...";
        return "[" + Utf8.length(payload) + "#" + directive.wireName() + "]" + shown;
    }
}
