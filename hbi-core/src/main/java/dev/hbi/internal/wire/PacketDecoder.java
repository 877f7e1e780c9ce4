package dev.hbi.internal.wire;

import dev.hbi.HbiProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes classic-wire packets from bytes as they arrive, in pieces of any size (hbi-wire-reference
 * §1.1). Stateful, not thread-safe: one per connection, used by its reader only.
 *
 * <pre>
 *   [ LEN # DIRECTIVE ] PAYLOAD
 *   |<-- header, at most 60 bytes -->|<-- LEN bytes of UTF-8 -->|
 * </pre>
 *
 * <p>It consumes exactly the bytes of one packet and never looks past them, because the bytes after a
 * packet may be raw data (§1.2) that only the application can count. Stricter than the reference on
 * purpose: LEN is ASCII digits only, the header is refused once it reaches 60 bytes without {@code ]}
 * (Go's rule; Python enforces it only sometimes), a LEN over the configured limit is refused before
 * anything is allocated, and the payload must be valid UTF-8 (as Python requires). The payload buffer
 * grows with the bytes that actually arrive, so a peer that announces a large packet and stalls holds
 * no more memory than it sent.
 */
public final class PacketDecoder implements StreamDecoder<Packet> {

    /** The longest header accepted, counting {@code [} and {@code ]} (hbi-wire-reference §1.1). */
    public static final int MAX_HEADER = 60;

    private static final int FIRST_CHUNK = 8192;

    private final int maxPayload;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerLength;
    private Directive directive;
    private int payloadLength = -1;
    private byte[] payload;
    private int received;

    /**
     * Creates a decoder.
     *
     * @param maxPayload the largest payload accepted, in bytes
     */
    public PacketDecoder(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    /**
     * Consumes bytes of the next packet from {@code in}, and returns the packet once its last byte has
     * been consumed. Consumes nothing past the packet.
     *
     * @param in bytes from the wire, between position and limit
     * @return the packet, or {@code null} if more bytes are needed
     * @throws HbiProtocolException if the bytes are not a valid packet
     */
    @Override
    public Packet decode(ByteBuffer in) {
        if (payloadLength < 0 && !readHeader(in)) {
            return null;
        }
        int wanted = payloadLength - received;
        int n = Math.min(wanted, in.remaining());
        if (n > 0) {
            ensureCapacity(received + n);
            in.get(payload, received, n);
            received += n;
        }
        if (received < payloadLength) {
            return null;
        }
        Packet packet = new Packet(directive, text());
        reset();
        return packet;
    }

    /**
     * Tells whether the decoder is between packets: no byte of an unfinished packet has been consumed.
     *
     * @return {@code true} if a clean end of stream here loses nothing
     */
    @Override
    public String unitName() {
        return "packet";
    }

    @Override
    public boolean isIdle() {
        return headerLength == 0 && payloadLength < 0;
    }

    private boolean readHeader(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (headerLength == 0 && b != '[') {
                throw new HbiProtocolException("expected '[' to start a packet header, got " + show(new byte[] {b}, 1)
                        + " (hbi-wire-reference §1.1)");
            }
            header[headerLength++] = b;
            if (b == ']') {
                parseHeader();
                return true;
            }
            if (headerLength == MAX_HEADER) {
                throw new HbiProtocolException("no ']' within the first " + MAX_HEADER + " bytes of a packet header: "
                        + show(header, headerLength) + " (hbi-wire-reference §1.1)");
            }
        }
        return false;
    }

    private void parseHeader() {
        int hash = -1;
        for (int i = 1; i < headerLength - 1; i++) {
            if (header[i] == '#') {
                hash = i;
                break;
            }
        }
        if (hash < 0) {
            throw malformed("it has no '#'");
        }
        payloadLength = parseLength(hash);
        String name = new String(header, hash + 1, headerLength - hash - 2, StandardCharsets.US_ASCII);
        directive = Directive.byWireName(name);
        if (directive == null) {
            throw malformed("'" + name + "' is not a directive of the classic wire (hbi-wire-reference §2.1)");
        }
        payload = new byte[Math.min(payloadLength, FIRST_CHUNK)];
    }

    private int parseLength(int hash) {
        if (hash == 1) {
            throw malformed("the length is missing");
        }
        long length = 0;
        for (int i = 1; i < hash; i++) {
            byte b = header[i];
            if (b < '0' || b > '9') {
                throw malformed("the length is not a decimal number");
            }
            length = length * 10 + (b - '0');
            if (length > maxPayload) {
                throw new HbiProtocolException("packet " + show(header, headerLength) + " announces more than the "
                        + maxPayload + " bytes a packet may carry");
            }
        }
        return (int) length;
    }

    private void ensureCapacity(int needed) {
        if (needed > payload.length) {
            int grown = (int) Math.min(payloadLength, Math.max(needed, 2L * payload.length));
            payload = Arrays.copyOf(payload, grown);
        }
    }

    private String text() {
        try {
            return Utf8.decode(payload, payloadLength);
        } catch (CharacterCodingException e) {
            throw new HbiProtocolException("the payload of a " + show(header, headerLength)
                    + " packet is not valid UTF-8 (hbi-wire-reference §1.1)");
        }
    }

    private void reset() {
        headerLength = 0;
        payloadLength = -1;
        payload = null;
        received = 0;
        directive = null;
    }

    private HbiProtocolException malformed(String why) {
        return new HbiProtocolException("malformed packet header " + show(header, headerLength) + ": " + why);
    }

    private static String show(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\'' && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return out.append('\'').toString();
    }
}
