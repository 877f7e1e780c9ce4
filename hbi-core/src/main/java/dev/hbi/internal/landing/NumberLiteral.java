package dev.hbi.internal.landing;

import java.math.BigInteger;

/**
 * Scans Python number literals: decimal, {@code 0x}, {@code 0o} and {@code 0b} integers of any size and
 * floats ({@code 1.5}, {@code 1.}, {@code .5}, {@code 1e10}), all with single underscores between
 * digits. Integers land as {@link Integer}, {@link Long} or {@link BigInteger}, floats as {@link Double}.
 * Stateless.
 */
final class NumberLiteral {

    /**
     * Python's default {@code sys.int_info.default_max_str_digits}: longer decimal integers cost
     * quadratic time to convert, so Python refuses them and so do we. Other bases convert in linear
     * time and have no limit.
     */
    static final int MAX_DIGITS = 4300;

    /** Integers of this many decimal digits are below 2^53, so a double holds them exactly. */
    private static final int EXACT_DIGITS = 15;

    /** The powers of ten a double holds exactly, 10^0 to 10^15 (all with 15 digits or fewer after the point). */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    };

    /** Decimal integers this long always fit in a {@code long}. */
    private static final int LONG_SAFE_DIGITS = 18;

    private NumberLiteral() {
    }

    /**
     * Scans the number starting at an offset.
     *
     * @param source the code
     * @param start  the offset of the first digit, or of the {@code .} of {@code .5}
     * @return the value and the end offset
     */
    static Scanned scan(Source source, int start) {
        String text = source.text();
        if (text.charAt(start) == '0' && start + 1 < text.length()) {
            int radix = radix(text.charAt(start + 1));
            if (radix != 0) {
                return radixInteger(source, start, radix);
            }
        }
        return decimal(source, start);
    }

    private static int radix(char c) {
        return switch (c) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    private static Scanned radixInteger(Source source, int start, int radix) {
        String text = source.text();
        int digitsStart = start + 2;
        // Python allows one underscore right after the prefix: 0x_ff
        int end = digits(text, digitsStart, radix, true);
        if (end == digitsStart || isNameChar(text, end)) {
            String kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
            throw source.error("invalid " + kind + " literal", start, nameEnd(text, end));
        }
        String digits = withoutUnderscores(text, digitsStart, end);
        return new Scanned(Numbers.integer(new BigInteger(digits, radix)), end);
    }

    private static Scanned decimal(Source source, int start) {
        String text = source.text();
        int i = digits(text, start, 10, false);
        int integerEnd = i;
        boolean isFloat = false;
        if (i < text.length() && text.charAt(i) == '.') {
            isFloat = true;
            i = digits(text, i + 1, 10, false);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i = exponent(source, start, i);
            isFloat = true;
        }
        if (i < text.length() && (text.charAt(i) == 'j' || text.charAt(i) == 'J')) {
            throw source.error("complex numbers are not supported by the built-in lander", start, i + 1);
        }
        if (isNameChar(text, i)) {
            throw source.error("invalid decimal literal", start, nameEnd(text, i));
        }
        if (isFloat) {
            double exact = exactDecimal(text, start, i);
            return new Scanned(Double.isNaN(exact) ? Double.parseDouble(withoutUnderscores(text, start, i)) : exact, i);
        }
        return new Scanned(decimalInteger(source, start, integerEnd), i);
    }

    /**
     * The value of a float literal of digits and a point only, with at most 15 digits, computed as its
     * digits divided by a power of ten: both are exact doubles, so the one division rounds correctly
     * (Clinger's fast path), as {@code Double.parseDouble} would, at a fraction of its cost (it was a
     * quarter of landing a call with a float argument).
     *
     * @return the value, or NaN if the literal is not of that kind
     */
    private static double exactDecimal(String text, int from, int to) {
        long digits = 0;
        int count = 0;
        int point = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                point = i;
            } else if (c >= '0' && c <= '9' && count < EXACT_DIGITS) {
                digits = digits * 10 + (c - '0');
                count++;
            } else {
                return Double.NaN;
            }
        }
        return point < 0 ? Double.NaN : digits / POWERS_OF_TEN[to - point - 1];
    }

    private static int exponent(Source source, int start, int e) {
        String text = source.text();
        int i = e + 1;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int end = digits(text, i, 10, false);
        if (end == i) {
            throw source.error("invalid decimal literal: the exponent has no digits", start, nameEnd(text, end));
        }
        return end;
    }

    private static Number decimalInteger(Source source, int start, int end) {
        String text = source.text();
        int digits = 0;
        boolean leadingZero = text.charAt(start) == '0';
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '_') {
                digits++;
                if (leadingZero && c != '0') {
                    throw source.error("leading zeros in decimal integer literals are not permitted;"
                            + " use an 0o prefix for octal integers", start, end);
                }
            }
        }
        if (digits > MAX_DIGITS) {
            throw source.error("integer literal has " + digits + " digits, more than the limit of " + MAX_DIGITS
                    + " (Python's default int_max_str_digits); write huge integers in hexadecimal", start, start);
        }
        if (digits <= LONG_SAFE_DIGITS) {
            long value = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c != '_') {
                    value = value * 10 + (c - '0');
                }
            }
            return Numbers.integer(value);
        }
        return Numbers.integer(new BigInteger(withoutUnderscores(text, start, end)));
    }

    /**
     * Returns the end of a run of digits in a radix, with single underscores allowed between digits
     * (PEP 515).
     */
    private static int digits(String text, int from, int radix, boolean underscoreFirst) {
        int i = from;
        boolean afterDigit = underscoreFirst;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (digit(c, radix)) {
                afterDigit = true;
            } else if (c == '_' && afterDigit && i + 1 < text.length() && digit(text.charAt(i + 1), radix)) {
                afterDigit = false;
            } else {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean digit(char c, int radix) {
        // only ASCII digits: Character.digit would also accept other scripts' digits
        if (radix <= 10) {
            return c >= '0' && c < '0' + radix;
        }
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * The literal's text without its underscores, for the JDK's parsers. Most literals have none, and
     * replacing nothing cost a fifth of landing a call with a float argument.
     */
    private static String withoutUnderscores(String text, int from, int to) {
        String literal = text.substring(from, to);
        return literal.indexOf('_') < 0 ? literal : literal.replace("_", "");
    }

    /** Returns the end of the run of name characters from an offset, to show all of a bad literal. */
    private static int nameEnd(String text, int from) {
        int i = from;
        while (isNameChar(text, i)) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(String text, int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c < 128 ? Lexer.isAsciiNamePart(c) : Character.isUnicodeIdentifierPart(text.codePointAt(i));
    }
}
