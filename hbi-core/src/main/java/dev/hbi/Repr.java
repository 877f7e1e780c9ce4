package dev.hbi;

import dev.hbi.internal.landing.FloatRepr;
import dev.hbi.internal.landing.TextRepr;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes values as code: the literal that lands back as an equal value, both with the built-in lander
 * and with Python's {@code eval} (the reference's convention {@code send_obj(repr(value))},
 * hbi-wire-reference §3.1). The output is what Python's {@code repr} writes for the same value:
 *
 * <table class="striped">
 * <caption>Java values and their literals</caption>
 * <thead><tr><th>Java value</th><th>literal</th></tr></thead>
 * <tbody>
 * <tr><td>{@code null}</td><td>{@code None}</td></tr>
 * <tr><td>{@link Boolean}</td><td>{@code True}, {@code False}</td></tr>
 * <tr><td>{@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link BigInteger},
 *     {@link AtomicInteger}, {@link AtomicLong}</td>
 *     <td>decimal, such as {@code -42}; hexadecimal ({@code 0x...}) beyond 4300 digits, which Python
 *     refuses to read in decimal</td></tr>
 * <tr><td>{@link Double}, {@link Float}</td><td>Python's shortest repr: {@code 1.5}, {@code 100.0},
 *     {@code 1e+16}, {@code 1e-05}, {@code -0.0}; {@code float('nan')}, {@code float('inf')},
 *     {@code -float('inf')} (a {@code Float} is written as the double it widens to)</td></tr>
 * <tr><td>{@link BigDecimal}</td><td>its decimal text with a {@code .}, such as {@code 12.50} (with an
 *     exponent, {@code 1E+1000}, when its scale is beyond &plusmn;100); it lands as a double, so digits
 *     beyond a double's precision are lost</td></tr>
 * <tr><td>{@link String}, {@link Character}</td><td>Python's str repr: {@code 'it'}, {@code "it's"},
 *     with {@code \\ \n \r \t}, {@code \xhh}, {@code \}{@code uhhhh}, {@code \Uhhhhhhhh} escapes for
 *     non-printable characters and printable non-ASCII text as is</td></tr>
 * <tr><td>{@code byte[]}</td><td>bytes: {@code b'\x00ab'}</td></tr>
 * <tr><td>{@link Tuple}</td><td>{@code ()}, {@code (1,)}, {@code (1, 2)}</td></tr>
 * <tr><td>{@link Set}</td><td>{@code {1, 2}}; the empty set is {@code set()}</td></tr>
 * <tr><td>other {@link Collection}s, arrays</td><td>lists: {@code [1, 2]}</td></tr>
 * <tr><td>{@link Map}</td><td>dicts: {@code {'a': 1}}</td></tr>
 * <tr><td>a record</td><td>a call of its simple name with its components: {@code Msg('bob', 'hi', 1.5)},
 *     which lands where the record's constructor is exposed
 *     ({@link HostingEnv#exposeConstructor(Class)})</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Go peers (Anko) read only a portable subset (hbi-wire-reference §3.3): {@code None}/{@code True}/
 * {@code False} with their interop names exposed, 64-bit integers, finite floats, strings without
 * {@code \x}/{@code \}{@code u} escapes, lists, dicts with string or integer keys, and calls of exposed
 * constructors. Anko has no tuples, sets or bytes, and reads {@code \x41} as {@code x41}.
 */
public final class Repr {

    /** Deeper values are taken to be cyclic: a literal this deep would not land anyway. */
    private static final int MAX_DEPTH = 1000;

    /** Python refuses to read decimal integers longer than this (sys.int_info.default_max_str_digits). */
    private static final int MAX_DECIMAL_DIGITS = 4300;

    private Repr() {
    }

    /**
     * Writes a value as a literal.
     *
     * @param value the value, possibly {@code null}
     * @return the literal
     * @throws IllegalArgumentException if the value, or a value inside it, has no literal form, or it is
     *                                  cyclic (nests more than 1000 levels deep)
     */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the value nests more than " + MAX_DEPTH
                    + " levels deep; is it cyclic?");
        }
        switch (value) {
            case null -> out.append("None");
            case String s -> TextRepr.appendStr(out, s);
            case Boolean b -> out.append(b ? "True" : "False");
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Double d -> appendFloat(out, d);
            case Float f -> appendFloat(out, f);
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(b.byteValue());
            case BigInteger big -> appendBig(out, big);
            case AtomicInteger i -> out.append(i.get());
            case AtomicLong l -> out.append(l.get());
            case BigDecimal d -> appendDecimal(out, d);
            case Character c -> TextRepr.appendStr(out, c.toString());
            case byte[] bytes -> TextRepr.appendBytes(out, bytes);
            case Tuple tuple -> appendTuple(out, tuple, depth);
            case Set<?> set -> appendSet(out, set, depth);
            case Collection<?> list -> appendAll(out, "[", list, "]", depth);
            case Map<?, ?> map -> appendMap(out, map, depth);
            case Record record -> appendRecord(out, record, depth);
            default -> appendArray(out, value, depth);
        }
    }

    private static void appendFloat(StringBuilder out, double d) {
        if (Double.isNaN(d)) {
            out.append("float('nan')");
        } else if (Double.isInfinite(d)) {
            out.append(d > 0 ? "float('inf')" : "-float('inf')");
        } else {
            out.append(FloatRepr.repr(d));
        }
    }

    private static void appendBig(StringBuilder out, BigInteger big) {
        String decimal = big.toString();
        if (decimal.length() - (big.signum() < 0 ? 1 : 0) <= MAX_DECIMAL_DIGITS) {
            out.append(decimal);
        } else {
            out.append(big.signum() < 0 ? "-0x" : "0x").append(big.abs().toString(16));
        }
    }

    private static void appendDecimal(StringBuilder out, BigDecimal d) {
        // plain text unless that would be absurdly long (1E+1000000); both forms read as a float
        String text = Math.abs(d.scale()) <= 100 ? d.toPlainString() : d.toString();
        out.append(text);
        if (text.indexOf('.') < 0 && text.indexOf('E') < 0) {
            out.append(".0");
        }
    }

    private static void appendTuple(StringBuilder out, Tuple tuple, int depth) {
        if (tuple.size() == 1) {
            out.append('(');
            append(out, tuple.get(0), depth + 1);
            out.append(",)");
        } else {
            appendAll(out, "(", tuple, ")", depth);
        }
    }

    private static void appendSet(StringBuilder out, Set<?> set, int depth) {
        if (set.isEmpty()) {
            // {} is an empty dict
            out.append("set()");
        } else {
            appendAll(out, "{", set, "}", depth);
        }
    }

    private static void appendAll(StringBuilder out, String open, Iterable<?> elements, String close, int depth) {
        out.append(open);
        boolean first = true;
        for (Object element : elements) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, element, depth + 1);
        }
        out.append(close);
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, entry.getKey(), depth + 1);
            out.append(": ");
            append(out, entry.getValue(), depth + 1);
        }
        out.append('}');
    }

    private static void appendRecord(StringBuilder out, Record record, int depth) {
        out.append(record.getClass().getSimpleName()).append('(');
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(out, component(record, components[i]), depth + 1);
        }
        out.append(')');
    }

    private static Object component(Record record, RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            if (!accessor.canAccess(record) && !accessor.trySetAccessible()) {
                throw new IllegalArgumentException("cannot read " + record.getClass().getName() + "."
                        + component.getName() + ": make the record public or open its package to dev.hbi");
            }
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read " + record.getClass().getName() + "."
                    + component.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("reading " + record.getClass().getName() + "." + component.getName()
                    + " failed", e.getCause());
        }
    }

    private static void appendArray(StringBuilder out, Object value, int depth) {
        if (!value.getClass().isArray()) {
            throw new IllegalArgumentException("no literal form for " + value.getClass().getName());
        }
        out.append('[');
        int length = Array.getLength(value);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(out, Array.get(value, i), depth + 1);
        }
        out.append(']');
    }
}
