package dev.hbi.internal.landing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's integer model on Java's number types: every integer lands as the smallest of
 * {@link Integer}, {@link Long} and {@link BigInteger} that holds it, also after a sign change, so that
 * {@code -2147483648} is an {@code Integer}. Stateless.
 */
final class Numbers {

    private Numbers() {
    }

    static Number integer(long value) {
        // not a ?: expression, which would promote the Integer to a Long
        if ((int) value == value) {
            return (int) value;
        }
        return value;
    }

    static Number integer(BigInteger value) {
        return value.bitLength() < 64 ? integer(value.longValue()) : value;
    }

    /**
     * Applies a unary sign to a number.
     *
     * @param value    the operand
     * @param negative {@code true} for {@code -}, {@code false} for {@code +}
     * @return the result, or {@code null} if the operand is not a number (booleans are not numbers here)
     */
    static Number sign(Object value, boolean negative) {
        if (!(value instanceof Number n)) {
            return null;
        }
        if (!negative) {
            return n;
        }
        return switch (n) {
            case Integer i -> integer(-(long) i);
            case Long l -> l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : integer(-l);
            case BigInteger b -> integer(b.negate());
            case Double d -> -d;
            case Float f -> -f;
            case Short s -> integer(-(long) s);
            case Byte b -> integer(-(long) b);
            case BigDecimal d -> d.negate();
            default -> null;
        };
    }
}
