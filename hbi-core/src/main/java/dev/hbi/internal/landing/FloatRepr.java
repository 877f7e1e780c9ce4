package dev.hbi.internal.landing;

import java.math.BigDecimal;

/**
 * Writes a double exactly as Python's {@code repr(float)} does: the shortest digits that read back
 * as the same double, in fixed notation for decimal exponents from -4 to 16 and as {@code 1e+16} /
 * {@code 1e-05} outside them, always with a {@code .} or an {@code e}.
 *
 * <p>Java's {@link Double#toString(double)} (JDK 19 and later) already picks the shortest digits, with
 * one exception: where a single digit would do, it writes the closest two ({@code 4.9E-324} where
 * Python writes {@code 5e-324}). For a normal double a one-digit decimal that reads back is also the
 * closest two-digit one ({@code 1.0E16}), so only subnormals need a second look. Stateless.
 */
public final class FloatRepr {

    private FloatRepr() {
    }

    /**
     * Returns Python's repr of a finite double.
     *
     * @param value the value; must be finite
     * @return such as {@code 1.5}, {@code 100.0}, {@code 1e+16}, {@code -0.0}
     */
    public static String repr(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        double magnitude = Math.abs(value);
        String java = Double.toString(magnitude);
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length()).append(mantissa, 0, dot).append(mantissa, dot + 1,
                mantissa.length());
        // value = 0.DIGITS x 10^point
        int point = dot + exponent;
        while (digits.charAt(0) == '0') {
            digits.deleteCharAt(0);
            point--;
        }
        while (digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        if (digits.length() == 2 && magnitude < Double.MIN_NORMAL) {
            point = shortenToOneDigit(magnitude, digits, point);
        }
        return (value < 0 ? "-" : "") + format(digits, point);
    }

    /** Replaces two digits by one if one reads back as the same double; returns the new point. */
    private static int shortenToOneDigit(double magnitude, StringBuilder digits, int point) {
        int low = digits.charAt(0) - '0';
        boolean lowFits = reads(low, point - 1, magnitude);
        boolean highFits = reads(low + 1, point - 1, magnitude);
        if (!lowFits && !highFits) {
            return point;
        }
        boolean high = highFits && (!lowFits || closer(low + 1, low, point - 1, magnitude));
        int digit = high ? low + 1 : low;
        digits.setLength(0);
        if (digit == 10) {
            digits.append('1');
            return point + 1;
        }
        digits.append((char) ('0' + digit));
        return point;
    }

    private static boolean reads(int digit, int exponent, double magnitude) {
        return digit > 0 && Double.parseDouble(digit + "E" + exponent) == magnitude;
    }

    /** Tells whether {@code a x 10^exponent} is closer to the double than {@code b x 10^exponent}. */
    private static boolean closer(int a, int b, int exponent, double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal da = new BigDecimal(a).scaleByPowerOfTen(exponent).subtract(exact).abs();
        BigDecimal db = new BigDecimal(b).scaleByPowerOfTen(exponent).subtract(exact).abs();
        return da.compareTo(db) < 0;
    }

    private static String format(CharSequence digits, int point) {
        int n = digits.length();
        StringBuilder out = new StringBuilder(n + 8);
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            int exponent = point - 1;
            out.append(exponent < 0 ? "e-" : "e+");
            if (Math.abs(exponent) < 10) {
                out.append('0');
            }
            return out.append(Math.abs(exponent)).toString();
        }
        if (point <= 0) {
            return out.append("0.").repeat('0', -point).append(digits).toString();
        }
        if (point >= n) {
            return out.append(digits).repeat('0', point - n).append(".0").toString();
        }
        return out.append(digits, 0, point).append('.').append(digits, point, n).toString();
    }
}
