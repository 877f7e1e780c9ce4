package dev.hbi.internal.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: malformed input and unpaired surrogates are errors, never replaced silently (the
 * JDK's {@code String.getBytes} and {@code new String(bytes)} replace them). Text without surrogates to
 * encode, or without U+FFFD once decoded, takes the JDK's fast path.
 */
public final class Utf8 {

    private static final char REPLACEMENT = '\uFFFD';

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
        // the JDK's own decoding is intrinsic and replaces what is malformed with U+FFFD; only text that
        // holds one is decoded again, strictly, to tell a malformed input from a U+FFFD that was sent
        // (a loop over the bytes here first cost 17% of the thread landing ordered notifications)
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return text;
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
