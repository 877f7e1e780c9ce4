package dev.hbi.internal.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes classic-wire packets: header and payload in one buffer, ready for a gathering write.
 * Stateless.
 */
public final class PacketEncoder {

    private PacketEncoder() {
    }

    /**
     * Encodes one packet.
     *
     * @param directive what the packet means
     * @param payload   its text, encoded as UTF-8
     * @return a buffer holding the whole packet, ready to read
     * @throws IllegalArgumentException if the payload is empty (zero-length packets make the Python
     *                                  reference drop the rest of its read, hbi-wire-reference §1.3) or
     *                                  has an unpaired surrogate
     */
    public static ByteBuffer encode(Directive directive, String payload) {
        byte[] body = Utf8.encode(payload);
        if (body.length == 0) {
            throw new IllegalArgumentException("a " + directive + " packet would be empty; zero-length packets"
                    + " are never sent (hbi-wire-reference §1.3)");
        }
        byte[] length = Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = directive.headerSuffix();
        ByteBuffer packet = ByteBuffer.allocate(1 + length.length + suffix.length + body.length);
        packet.put((byte) '[').put(length).put(suffix).put(body);
        return packet.flip();
    }

    /**
     * Encodes several packets into one buffer, as the answer of a conversation that sent nothing:
     * {@code [n#co_ack_begin]S[n#co_ack_end]S}.
     *
     * @param first  the first packet's directive
     * @param second the second packet's directive
     * @param payload both packets' payload
     * @return a buffer holding both packets
     */
    public static ByteBuffer encodePair(Directive first, Directive second, String payload) {
        ByteBuffer a = encode(first, payload);
        ByteBuffer b = encode(second, payload);
        return ByteBuffer.allocate(a.remaining() + b.remaining()).put(a).put(b).flip();
    }
}
