package dev.hbi.internal.landing;

import java.util.Arrays;

/**
 * Decodes the body of a string or bytes literal: every Python escape ({@code \\ \' \" \a \b \f \n \r
 * \t \v}, octal {@code \ooo}, {@code \xhh}, and in str {@code \}{@code uXXXX}, {@code \UXXXXXXXX},
 * {@code \N{NAME}}), backslash-newline, and line ends as {@code \n}. An unknown escape such as
 * {@code \q} keeps its backslash, as Python does. The {@link StringLiteral} scanner guarantees that a
 * backslash is never the last character of a body. Stateless.
 */
final class Escapes {

    /** {@link #bytesEscape} result: the escape is backslash-newline and stands for nothing. */
    private static final int NOTHING = -1;
    /** {@link #bytesEscape} result: not an escape in bytes, so the backslash stays. */
    private static final int KEEP_BACKSLASH = -2;

    private Escapes() {
    }

    static String str(Source source, int from, int to, boolean raw) {
        String text = source.text();
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                i = afterLineEnd(text, i);
            } else if (c != '\\' || raw) {
                out.append(c);
                i++;
            } else {
                i = strEscape(source, i, to, out);
            }
        }
        return out.toString();
    }

    static byte[] bytes(Source source, int from, int to, boolean raw) {
        String text = source.text();
        byte[] out = new byte[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\r') {
                out[n++] = '\n';
                i = afterLineEnd(text, i);
            } else if (c != '\\' || raw) {
                out[n++] = (byte) c;
                i++;
            } else {
                int value = bytesEscape(source, i, to);
                if (value >= 0) {
                    out[n++] = (byte) value;
                } else if (value == KEEP_BACKSLASH) {
                    out[n++] = '\\';
                    out[n++] = (byte) text.charAt(i + 1);
                }
                i = value == KEEP_BACKSLASH ? i + 2 : escapeEnd(text, i, to);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int strEscape(Source source, int at, int to, StringBuilder out) {
        String text = source.text();
        char e = text.charAt(at + 1);
        int simple = simpleEscape(e);
        if (simple >= 0) {
            out.append((char) simple);
            return at + 2;
        }
        switch (e) {
            case '\n', '\r' -> {
                return afterLineEnd(text, at + 1);
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> out.append((char) octal(text, at + 1, to));
            case 'x' -> out.append((char) hex(source, at, 2, to));
            case 'u' -> out.append((char) hex(source, at, 4, to));
            case 'U' -> out.appendCodePoint(codePoint(source, at, to));
            case 'N' -> {
                return named(source, at, to, out);
            }
            default -> out.append('\\').append(e);
        }
        return escapeEnd(text, at, to);
    }

    private static int bytesEscape(Source source, int at, int to) {
        String text = source.text();
        char e = text.charAt(at + 1);
        int simple = simpleEscape(e);
        if (simple >= 0) {
            return simple;
        }
        return switch (e) {
            case '\n', '\r' -> NOTHING;
            // Python 3.11 keeps the low byte of \400..\777 in bytes
            case '0', '1', '2', '3', '4', '5', '6', '7' -> octal(text, at + 1, to) & 0xFF;
            case 'x' -> hex(source, at, 2, to);
            default -> KEEP_BACKSLASH;
        };
    }

    /** Returns the offset after the escape starting with the backslash at {@code at}. */
    private static int escapeEnd(String text, int at, int to) {
        char e = text.charAt(at + 1);
        return switch (e) {
            case '\n', '\r' -> afterLineEnd(text, at + 1);
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int i = at + 2;
                while (i < to && i < at + 4 && isOctal(text.charAt(i))) {
                    i++;
                }
                yield i;
            }
            case 'x' -> at + 4;
            case 'u' -> at + 6;
            case 'U' -> at + 10;
            default -> at + 2;
        };
    }

    private static int simpleEscape(char e) {
        return switch (e) {
            case '\\', '\'', '"' -> e;
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> -1;
        };
    }

    private static int afterLineEnd(String text, int i) {
        return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static int octal(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to && i < from + 3 && isOctal(text.charAt(i)); i++) {
            value = value * 8 + text.charAt(i) - '0';
        }
        return value;
    }

    private static int hex(Source source, int at, int digits, int to) {
        String text = source.text();
        int value = 0;
        for (int i = at + 2; i < at + 2 + digits; i++) {
            int d = i < to ? Character.digit(text.charAt(i), 16) : -1;
            if (d < 0 || text.charAt(i) > 'f') {
                String form = switch (digits) {
                    case 2 -> "\\xXX";
                    case 4 -> "\\uXXXX";
                    default -> "\\UXXXXXXXX";
                };
                throw source.error("truncated " + form + " escape", at, i + 1);
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static int codePoint(Source source, int at, int to) {
        int value = hex(source, at, 8, to);
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            throw source.error("illegal Unicode character in \\U escape", at, at + 10);
        }
        return value;
    }

    private static int named(Source source, int at, int to, StringBuilder out) {
        String text = source.text();
        int close = text.indexOf('}', at + 2);
        if (at + 2 >= to || text.charAt(at + 2) != '{' || close < 0 || close >= to) {
            throw source.error("malformed \\N character escape", at, at + 2);
        }
        String name = text.substring(at + 3, close);
        try {
            out.appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException unknown) {
            throw source.error("unknown Unicode character name in \\N{" + name + "}", at, close + 1);
        }
        return close + 1;
    }
}
