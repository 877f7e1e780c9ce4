package dev.hbi.internal.landing;

/**
 * Writes strings and bytes exactly as Python's {@code repr} does: single quotes unless the text
 * contains {@code '} and no {@code "}; escapes {@code \\}, the quote, {@code \t}, {@code \n},
 * {@code \r}; other characters that Python's {@code str.isprintable} rejects as {@code \xhh},
 * {@code \}{@code uhhhh} or {@code \Uhhhhhhhh}; printable non-ASCII text raw. Stateless.
 */
public final class TextRepr {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TextRepr() {
    }

    /**
     * Appends Python's repr of a string.
     *
     * @param out  where to write
     * @param text the string; lone surrogates are written as {@code \}{@code udXXX}
     */
    public static void appendStr(StringBuilder out, String text) {
        char quote = quoteFor(text);
        out.append(quote);
        if (isPlainAscii(text)) {
            out.append(text);
        } else {
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                appendCodePoint(out, c, quote);
                i += Character.charCount(c);
            }
        }
        out.append(quote);
    }

    /**
     * Appends Python's repr of bytes, {@code b'...'}.
     *
     * @param out   where to write
     * @param bytes the bytes
     */
    public static void appendBytes(StringBuilder out, byte[] bytes) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : bytes) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        out.append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t' || c == '\n' || c == '\r') {
                out.append(controlEscape(c));
            } else if (c < ' ' || c >= 0x7f) {
                hex(out, "\\x", c, 2);
            } else {
                out.append((char) c);
            }
        }
        out.append(quote);
    }

    private static char quoteFor(String text) {
        return text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c >= 0x7f || c == '\\' || c == '\'' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static void appendCodePoint(StringBuilder out, int c, char quote) {
        if (c == quote || c == '\\') {
            out.append('\\').append((char) c);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            out.append(controlEscape(c));
        } else if (c < ' ' || c == 0x7f) {
            hex(out, "\\x", c, 2);
        } else if (c < 0x7f || isPrintable(c)) {
            out.appendCodePoint(c);
        } else if (c <= 0xff) {
            hex(out, "\\x", c, 2);
        } else if (c <= 0xffff) {
            hex(out, "\\u", c, 4);
        } else {
            hex(out, "\\U", c, 8);
        }
    }

    private static String controlEscape(int c) {
        return c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r";
    }

    /** Python's {@code str.isprintable} for one character: not Other (C*) and not Separator (Z*) but ' '. */
    private static boolean isPrintable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> c == ' ';
            default -> true;
        };
    }

    private static void hex(StringBuilder out, String prefix, int value, int digits) {
        out.append(prefix);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xF]);
        }
    }
}
