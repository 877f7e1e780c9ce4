package dev.hbi.internal.landing;

/**
 * Scans Python string and bytes literals: {@code '..'}, {@code ".."}, {@code '''..'''},
 * {@code """.."""} with the prefixes {@code r}, {@code b}, {@code rb}/{@code br} and {@code u} in any
 * case, and decodes every escape Python knows. Line ends inside literals land as {@code \n}, as Python
 * reads source. A body without backslashes or carriage returns lands as a plain substring. Stateless.
 */
final class StringLiteral {

    static final int RAW = 1;
    static final int BYTES = 2;
    static final int FORMAT = 4;
    private static final int UNICODE = 8;

    private StringLiteral() {
    }

    /**
     * Returns the flags of a string prefix such as {@code rb}.
     *
     * @return the flags, or -1 if the text is not one of Python's prefixes (then it is a name)
     */
    static int prefixFlags(String text, int from, int to) {
        if (to - from > 2) {
            return -1;
        }
        int flags = 0;
        for (int i = from; i < to; i++) {
            int flag = switch (text.charAt(i)) {
                case 'r', 'R' -> RAW;
                case 'b', 'B' -> BYTES;
                case 'f', 'F' -> FORMAT;
                case 'u', 'U' -> UNICODE;
                default -> -1;
            };
            if (flag < 0 || (flags & flag) != 0) {
                return -1;
            }
            flags |= flag;
        }
        // two letters are r with b or f (rb, Br, fR, ...); u goes alone
        if (to - from == 2 && flags != (RAW | BYTES) && flags != (RAW | FORMAT)) {
            return -1;
        }
        return flags & ~UNICODE;
    }

    /**
     * Scans a literal.
     *
     * @param source  the code
     * @param start   the offset of the literal, prefix included
     * @param quoteAt the offset of the opening quote
     * @param flags   the prefix's flags
     * @return the value ({@link String} or {@code byte[]}) and the end offset
     */
    static Scanned scan(Source source, int start, int quoteAt, int flags) {
        String text = source.text();
        char quote = text.charAt(quoteAt);
        boolean triple = closesTriple(text, quoteAt, quote);
        int bodyStart = quoteAt + (triple ? 3 : 1);
        boolean bytes = (flags & BYTES) != 0;
        int plainEnd = triple || bytes ? -1 : plainBodyEnd(text, bodyStart, quote);
        int bodyEnd = plainEnd >= 0 ? plainEnd : bodyEnd(source, start, bodyStart, triple, bytes);
        int end = bodyEnd + (triple ? 3 : 1);
        if ((flags & FORMAT) != 0) {
            throw source.error("f-strings are not supported by the built-in lander: send the formatted string",
                    start, end);
        }
        boolean raw = (flags & RAW) != 0;
        if (bytes) {
            return new Scanned(Escapes.bytes(source, bodyStart, bodyEnd, raw), end);
        }
        String value = plainEnd >= 0 || isPlain(text, bodyStart, bodyEnd) ? text.substring(bodyStart, bodyEnd)
                : Escapes.str(source, bodyStart, bodyEnd, raw);
        return new Scanned(value, end);
    }

    /**
     * Finds the closing quote of a one-line str body that has no backslash and no line end before it, the
     * common case, with the JDK's {@code indexOf}, which scans many characters at a time.
     *
     * @return the offset of the closing quote, or -1 if the body is not such a one
     */
    private static int plainBodyEnd(String text, int bodyStart, char quote) {
        int close = text.indexOf(quote, bodyStart);
        if (close < 0 || !isPlain(text, bodyStart, close) || text.indexOf('\n', bodyStart, close) >= 0) {
            return -1;
        }
        return close;
    }

    /** Finds the closing quote of a body; refuses a literal left open and non-ASCII text in bytes. */
    private static int bodyEnd(Source source, int start, int bodyStart, boolean triple, boolean bytes) {
        String text = source.text();
        char quote = text.charAt(bodyStart - 1);
        int i = bodyStart;
        while (true) {
            if (i >= text.length()) {
                throw source.error(triple ? "unterminated triple-quoted string literal" : "unterminated string literal",
                        start, i);
            }
            char c = text.charAt(i);
            if (c == quote && (!triple || closesTriple(text, i, quote))) {
                return i;
            }
            if (c == '\\') {
                // a backslash always takes the next character along, in raw literals too (Python's tokenizer)
                i += text.startsWith("\r\n", i + 1) ? 3 : 2;
                continue;
            }
            if ((c == '\n' || c == '\r') && !triple) {
                throw source.error("unterminated string literal", start, i);
            }
            if (bytes && c >= 128) {
                throw source.error("bytes can only contain ASCII literal characters", start, i + 1);
            }
            i++;
        }
    }

    /**
     * Tells whether a body lands as it is: no escapes, and no {@code \r} to turn into {@code \n}. The JDK's
     * {@code indexOf} scans many characters at a time; a loop over them here cost 5% of the thread
     * landing ordered notifications.
     */
    private static boolean isPlain(String text, int from, int to) {
        return text.indexOf('\\', from, to) < 0 && text.indexOf('\r', from, to) < 0;
    }

    /** Tells whether three quotes start at an offset whose character is known to be the quote. */
    private static boolean closesTriple(String text, int i, char quote) {
        return i + 2 < text.length() && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote;
    }
}
