package dev.hbi.internal;

import dev.hbi.HbiAuthenticationException;
import dev.hbi.HbiConfig;
import dev.hbi.HbiSecurity;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Token authentication by challenge-response (docs/wire-protocol.md §11), run before either wire starts:
 * the server sends a random nonce; the client answers with its own nonce, the wire it wants, and an
 * HMAC-SHA256 of both nonces keyed with the token; the server checks it in constant time and answers with
 * the wire it chose and its own HMAC, which the client checks. The token never crosses the wire, and a
 * recorded exchange proves nothing in another one (fresh nonces on both sides).
 *
 * <p>Runs on the thread that sets the connection up, before the connection's threads exist; the caller
 * bounds it with a {@link HandshakeTimer}.
 */
final class TokenHandshake {

    /** The first bytes of the challenge. Its first byte is that of the multiplexed preface, never '['. */
    static final byte[] MAGIC = {0x00, 'H', 'B', 'I', 'A', 'U', 'T', 'H'};
    private static final int VERSION = 1;
    private static final int NONCE = 32;
    private static final int PROOF = 32;
    private static final int ACCEPTED = 0;
    private static final int REFUSED = 1;
    private static final int MAX_REASON = 1024;
    private static final byte[] CLIENT_LABEL = "hbi-auth-1 client".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_LABEL = "hbi-auth-1 server".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHandshake() {
    }

    /**
     * The client's part: answers the challenge and checks the server's proof.
     *
     * @param wire     the connected wire (plain or TLS)
     * @param security the settings, with the token
     * @param wanted   the wire this side wants, or {@link HbiConfig.Wire#AUTO}
     * @return the wire the server chose
     * @throws HbiAuthenticationException if the server refused the token or could not prove it knows it
     * @throws IOException                if the wire fails
     */
    static HbiConfig.Wire prove(Wire wire, HbiSecurity security, HbiConfig.Wire wanted) throws IOException {
        ByteBuffer challenge = readFully(wire, MAGIC.length + 1 + NONCE, "the server's challenge");
        checkChallenge(challenge);
        byte[] serverNonce = bytes(challenge, NONCE);
        byte[] clientNonce = nonce();
        byte code = code(wanted);
        byte[] token = TokenAccess.tokenBytes(security);
        try {
            writeFully(wire, ByteBuffer.allocate(NONCE + 1 + PROOF).put(clientNonce).put(code)
                    .put(hmac(token, CLIENT_LABEL, serverNonce, clientNonce, code)).flip());
            ByteBuffer verdict = readFully(wire, 1, "the server's verdict");
            if (verdict.get() != ACCEPTED) {
                throw new HbiAuthenticationException("the server refused this side's token: " + reason(wire));
            }
            ByteBuffer accepted = readFully(wire, 1 + PROOF, "the server's proof");
            byte chosen = accepted.get();
            byte[] expected = hmac(token, SERVER_LABEL, clientNonce, serverNonce, chosen);
            if (!MessageDigest.isEqual(expected, bytes(accepted, PROOF))) {
                throw new HbiAuthenticationException("the server could not prove it knows the token");
            }
            return wire(chosen);
        } finally {
            Arrays.fill(token, (byte) 0);
        }
    }

    /**
     * The server's part: challenges the client, checks its proof, chooses the wire and proves itself.
     *
     * @param wire     the connected wire (plain or TLS)
     * @param security the settings, with the token
     * @param offered  the wires this server speaks ({@link HbiConfig.Wire#AUTO} for both)
     * @return the wire chosen
     * @throws HbiAuthenticationException if the client's proof is wrong (it has been told)
     * @throws IOException                if the wire fails
     */
    static HbiConfig.Wire challenge(Wire wire, HbiSecurity security, HbiConfig.Wire offered) throws IOException {
        byte[] serverNonce = nonce();
        writeFully(wire, ByteBuffer.allocate(MAGIC.length + 1 + NONCE).put(MAGIC).put((byte) VERSION)
                .put(serverNonce).flip());
        ByteBuffer response = readFully(wire, NONCE + 1 + PROOF, "the client's answer to the challenge");
        byte[] clientNonce = bytes(response, NONCE);
        byte wanted = response.get();
        byte[] token = TokenAccess.tokenBytes(security);
        try {
            byte[] expected = hmac(token, CLIENT_LABEL, serverNonce, clientNonce, wanted);
            if (!MessageDigest.isEqual(expected, bytes(response, PROOF))) {
                throw refuse(wire, "wrong token");
            }
            HbiConfig.Wire chosen = choose(wire, offered, wanted);
            byte code = code(chosen);
            writeFully(wire, ByteBuffer.allocate(2 + PROOF).put((byte) ACCEPTED).put(code)
                    .put(hmac(token, SERVER_LABEL, clientNonce, serverNonce, code)).flip());
            return chosen;
        } finally {
            Arrays.fill(token, (byte) 0);
        }
    }

    private static HbiConfig.Wire choose(Wire wire, HbiConfig.Wire offered, byte wanted) throws IOException {
        HbiConfig.Wire asked = wireOrNull(wanted);
        if (asked == null) {
            throw refuse(wire, "unknown wire " + wanted);
        }
        if (asked == HbiConfig.Wire.AUTO) {
            return offered == HbiConfig.Wire.AUTO ? HbiConfig.Wire.MULTIPLEXED : offered;
        }
        if (offered != HbiConfig.Wire.AUTO && offered != asked) {
            throw refuse(wire, "this server speaks only the " + offered.name().toLowerCase(java.util.Locale.ROOT)
                    + " wire");
        }
        return asked;
    }

    private static HbiAuthenticationException refuse(Wire wire, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        writeFully(wire, ByteBuffer.allocate(3 + text.length).put((byte) REFUSED).putShort((short) text.length)
                .put(text).flip());
        return new HbiAuthenticationException("refused a client: " + reason);
    }

    private static String reason(Wire wire) throws IOException {
        int length = Short.toUnsignedInt(readFully(wire, 2, "the server's reason").getShort());
        if (length > MAX_REASON) {
            return "(a reason of " + length + " bytes, not shown)";
        }
        return StandardCharsets.UTF_8.decode(readFully(wire, length, "the server's reason")).toString();
    }

    private static void checkChallenge(ByteBuffer challenge) {
        for (byte b : MAGIC) {
            if (challenge.get() != b) {
                throw new HbiAuthenticationException("the server did not ask for a token: it does not require one,"
                        + " or it is not an HBI server (docs/wire-protocol.md §11)");
            }
        }
        int version = Byte.toUnsignedInt(challenge.get());
        if (version != VERSION) {
            throw new HbiAuthenticationException("the server's token challenge is version " + version
                    + "; this side speaks " + VERSION);
        }
    }

    private static byte code(HbiConfig.Wire wire) {
        return (byte) wire.ordinal();
    }

    private static HbiConfig.Wire wireOrNull(byte code) {
        HbiConfig.Wire[] wires = HbiConfig.Wire.values();
        return code >= 0 && code < wires.length ? wires[code] : null;
    }

    private static HbiConfig.Wire wire(byte code) {
        HbiConfig.Wire chosen = wireOrNull(code);
        if (chosen == null || chosen == HbiConfig.Wire.AUTO) {
            throw new HbiAuthenticationException("the server chose no wire this side knows (" + code + ")");
        }
        return chosen;
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static byte[] hmac(byte[] token, byte[] label, byte[] first, byte[] second, byte wire) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            mac.update(label);
            mac.update(first);
            mac.update(second);
            mac.update(wire);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] bytes(ByteBuffer from, int count) {
        byte[] bytes = new byte[count];
        from.get(bytes);
        return bytes;
    }

    private static ByteBuffer readFully(Wire wire, int count, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (wire.read(buffer) < 0) {
                throw new EOFException("the peer closed the connection before " + what);
            }
        }
        return buffer.flip();
    }

    private static void writeFully(Wire wire, ByteBuffer bytes) throws IOException {
        ByteBuffer[] one = {bytes};
        while (bytes.hasRemaining()) {
            wire.write(one, 0, 1);
        }
    }
}
