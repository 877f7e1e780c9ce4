package dev.hbi.internal.wire;

import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import java.nio.ByteBuffer;

/**
 * The start of the multiplexed wire's preface: an 8-byte magic and a 2-byte version
 * (docs/wire-protocol.md §2). Its first byte, 0x00, can never start a classic-wire packet.
 */
public final class Preface {

    /** The length of the magic and the version. */
    public static final int LENGTH = 10;
    /** The first byte of the magic: what tells this wire from the classic one (§10.1). */
    public static final byte FIRST_BYTE = 0x00;
    /** The only version of this wire. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = {0x00, 'H', 'B', 'I', 'M', 'U', 'X', '\n'};

    private Preface() {
    }

    /**
     * Returns the magic and the version.
     *
     * @return a new buffer, ready to read
     */
    public static ByteBuffer magicAndVersion() {
        return ByteBuffer.allocate(LENGTH).put(MAGIC).putShort((short) VERSION).flip();
    }

    /**
     * Checks the peer's magic (§2.4: a peer with another magic is told nothing).
     *
     * @param bytes the first {@link #LENGTH} bytes the peer sent
     * @throws HbiProtocolException naming what arrived, and saying so if it looks like the classic wire
     */
    public static void checkMagic(ByteBuffer bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.get(bytes.position() + i) != MAGIC[i]) {
                throw new HbiProtocolException("the peer did not start with the multiplexed wire's preface"
                        + (bytes.get(bytes.position()) == '[' ? "; it speaks the classic wire" : "")
                        + " (wire-protocol.md §2)");
            }
        }
    }

    /**
     * Tells whether the peer's first bytes are a token challenge (docs/wire-protocol.md §11) rather than a
     * preface: the server requires a token this side did not bring.
     *
     * @param bytes the first {@link #LENGTH} bytes the peer sent
     * @return {@code true} for a challenge
     */
    public static boolean isTokenChallenge(ByteBuffer bytes) {
        byte[] challenge = {0x00, 'H', 'B', 'I', 'A', 'U', 'T', 'H'};
        return bytes.remaining() >= challenge.length
                && bytes.slice(bytes.position(), challenge.length).equals(ByteBuffer.wrap(challenge));
    }

    /**
     * Checks the peer's version.
     *
     * @param bytes the first {@link #LENGTH} bytes the peer sent
     * @throws HbiProtocolException with VERSION_MISMATCH for another version (§2.4)
     */
    public static void checkVersion(ByteBuffer bytes) {
        int version = Short.toUnsignedInt(bytes.getShort(bytes.position() + MAGIC.length));
        if (version != VERSION) {
            throw new HbiProtocolException(ErrorCode.VERSION_MISMATCH, "the peer speaks version " + version
                    + " of the multiplexed wire; this side speaks " + VERSION + " (wire-protocol.md §2.4)");
        }
    }
}
