package dev.hbi.groovy.internal;

import groovy.lang.IntRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Set;

/**
 * Caps on the allowed operations that would otherwise do unbounded work inside one JDK or Groovy call,
 * where the time budget cannot stop them: repeating, padding and concatenating strings and lists,
 * products, powers and shifts of big numbers, reading huge text as a number, and walking a huge range
 * without a closure of the script (whose every call is checked against the budget). They bound each
 * operation, not the memory a script may fill within its budget. Stateless.
 */
final class Limits {

    /** The most characters or elements one operation may make. */
    static final long MAX_SIZE = 1 << 24;
    /** The most bits (or decimal digits) a power or shift may make. */
    static final long MAX_BITS = 1 << 22;
    /** The largest range a bulk operation without a closure may walk. */
    static final long MAX_RANGE_WALK = 1 << 20;
    /** The longest text read as a number. */
    static final int MAX_NUMBER_TEXT = 10_000;

    /** What a range of any size can do cheaply, or only through a closure of the script. */
    private static final Set<String> RANGE_STEPPED = Set.of(
            "size", "isEmpty", "contains", "get", "getAt", "first", "last", "head", "getFrom", "getTo", "isReverse",
            "isCase", "iterator", "each", "eachWithIndex", "reverseEach", "collect", "find", "findAll",
            "findResult", "findIndexOf", "any", "every", "inject", "toString", "equals", "hashCode", "asBoolean");

    private Limits() {
    }

    /**
     * Checks an allowed method or operator call against the caps.
     *
     * @param receiver the receiver (a huge range can only be one of ints: confined scripts make no other)
     * @param name     the method Groovy calls, such as {@code multiply}
     * @param args     its arguments
     * @return why the call is refused, or {@code null} if it is within the caps
     */
    static String check(Object receiver, String name, Object[] args) {
        if (receiver instanceof IntRange range && range.size() > MAX_RANGE_WALK && !RANGE_STEPPED.contains(name)) {
            return "'" + name + "' would walk a range of " + range.size() + " elements at once (the limit is "
                    + MAX_RANGE_WALK + "); walk it with a closure, as in each { }";
        }
        Object first = args.length > 0 ? args[0] : null;
        return switch (name) {
            case "multiply" -> receiver instanceof Number n ? product(n, first) : repeat(receiver, first);
            case "plus" -> concatenation(receiver, first);
            case "repeat", "padLeft", "padRight", "center" -> size(first);
            case "power" -> power(receiver, first);
            case "leftShift" -> receiver instanceof BigInteger ? bits(first) : null;
            case "toBigInteger", "toBigDecimal", "toInteger", "toLong", "toDouble", "toFloat", "isNumber",
                 "isBigDecimal", "isBigInteger", "isInteger", "isLong", "isDouble" -> numberText(receiver);
            default -> null;
        };
    }

    /**
     * Checks text about to be read as a number: reading a huge one as a BigInteger takes time that grows
     * with the square of its length.
     *
     * @param value the value about to be converted
     * @return why it is refused, or {@code null}
     */
    static String numberText(Object value) {
        if (value instanceof CharSequence text && text.length() > MAX_NUMBER_TEXT) {
            return "a number is read from at most " + MAX_NUMBER_TEXT + " characters";
        }
        return null;
    }

    private static String concatenation(Object receiver, Object other) {
        long size = length(receiver) + length(other);
        return size > MAX_SIZE ? "the result would have more than " + MAX_SIZE + " characters or elements" : null;
    }

    private static long length(Object value) {
        return switch (value) {
            case CharSequence s -> s.length();
            case Collection<?> c -> c.size();
            case java.util.Map<?, ?> m -> m.size();
            case null, default -> 0;
        };
    }

    private static String product(Number left, Object right) {
        if (right instanceof Number r && bits(left) + bits(r) > MAX_BITS) {
            return "the result would have more than " + MAX_BITS + " bits or digits";
        }
        return null;
    }

    private static long bits(Number n) {
        return switch (n) {
            case BigInteger big -> big.bitLength();
            case BigDecimal d -> d.precision() * 4L;
            default -> 64;
        };
    }

    private static String repeat(Object receiver, Object times) {
        long length = switch (receiver) {
            case CharSequence s -> s.length();
            case Collection<?> c -> c.size();
            default -> 0;
        };
        if (times instanceof Number n && length * Math.max(0, n.doubleValue()) > MAX_SIZE) {
            return "the result would have more than " + MAX_SIZE + " characters or elements";
        }
        return null;
    }

    private static String size(Object size) {
        if (size instanceof Number n && n.doubleValue() > MAX_SIZE) {
            return "the result would have more than " + MAX_SIZE + " characters";
        }
        return null;
    }

    private static String bits(Object shift) {
        if (shift instanceof Number n && n.doubleValue() > MAX_BITS) {
            return "the result would have more than " + MAX_BITS + " bits";
        }
        return null;
    }

    private static String power(Object base, Object exponent) {
        if (!(exponent instanceof Number e) || base instanceof Double || base instanceof Float) {
            return null;
        }
        double size = switch (base) {
            case Integer i -> 32 - Integer.numberOfLeadingZeros(Math.abs(i));
            case Long l -> 64 - Long.numberOfLeadingZeros(Math.abs(l));
            case BigInteger big -> big.bitLength();
            case BigDecimal d -> d.precision();
            default -> 0;
        };
        if (size > 1 && size * Math.abs(e.doubleValue()) > MAX_BITS) {
            return "the result would have more than " + MAX_BITS + " bits or digits";
        }
        return null;
    }
}
