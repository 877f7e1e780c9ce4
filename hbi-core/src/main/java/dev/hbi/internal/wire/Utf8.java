package dev.hbi.internal.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: malformed input and unpaired surrogates are errors, never replaced silently (the
 * JDK's {@code String.getBytes} and {@code new String(bytes)} replace them). Pure ASCII, the common
 * case for scripts, takes a fast path.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Encodes text as UTF-8.
     *
     * @param text the text
     * @return the bytes
     * @throws IllegalArgumentException if the text has an unpaired surrogate
     */
    public static byte[] encode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return encodeChecked(text);
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encodeChecked(String text) {
        try {
            ByteBuffer out = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text has an unpaired surrogate, which UTF-8 cannot carry", e);
        }
    }

    /**
     * Decodes strict UTF-8.
     *
     * @param bytes  the bytes
     * @param length how many, from the start
     * @return the text
     * @throws CharacterCodingException if the bytes are not valid UTF-8
     */
    public static String decode(byte[] bytes, int length) throws CharacterCodingException {
        return decode(bytes, 0, length);
    }

    /**
     * Decodes strict UTF-8 from part of an array.
     *
     * @param bytes  the bytes
     * @param offset where they start
     * @param length how many
     * @return the text
     * @throws CharacterCodingException if the bytes are not valid UTF-8
     */
    public static String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
        boolean ascii = true;
        for (int i = offset; i < offset + length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.US_ASCII);
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length))
                .toString();
    }

    /**
     * Encodes text as UTF-8, cut to at most {@code max} bytes without splitting a character.
     *
     * @param text the text; unpaired surrogates are replaced, since this is for messages
     * @param max  the most bytes wanted
     * @return the bytes
     */
    static byte[] encodeAtMost(String text, int max) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        int end = max;
        while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    static int length(String text) {
        return encode(text).length;
    }
}
