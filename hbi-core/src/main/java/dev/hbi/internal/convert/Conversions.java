package dev.hbi.internal.convert;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts landed values to the Java types hosted code declares: the numbers, strings, booleans,
 * lists, tuples, dicts and sets a script can write, to primitives, boxes, {@code BigInteger},
 * {@code BigDecimal}, strings, chars, enums, collections and arrays (element types included).
 *
 * <p>Conversions never lose information silently: an integer out of the target's range, a float given
 * for an integer, or a string of two characters for a {@code char} is an error that names what was
 * converted ({@code what}), the wanted type and what arrived. Stateless and thread-safe.
 */
public final class Conversions {

    private static final int MAX_SHOWN = 60;

    private Conversions() {
    }

    /**
     * Converts a value to a class.
     *
     * @param value the landed value
     * @param type  the wanted class
     * @param what  what the value is, for messages, such as {@code "argument 0"}
     * @param <T>   the wanted type
     * @return the converted value
     * @throws IllegalArgumentException if the value cannot be converted without loss
     */
    @SuppressWarnings("unchecked")
    public static <T> T convert(Object value, Class<T> type, String what) {
        return (T) convert(value, (Type) type, what);
    }

    /**
     * Converts a value to a generic type, such as {@code List<Integer>}.
     *
     * @param value the landed value
     * @param type  the wanted type
     * @param what  what the value is, for messages
     * @return the converted value
     * @throws IllegalArgumentException if the value cannot be converted without loss
     */
    public static Object convert(Object value, Type type, String what) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return value == null ? Optional.empty() : Optional.of(convert(value, typeArgument(type, 0), what));
        }
        if (value == null) {
            if (raw.isPrimitive()) {
                throw mismatch(what, type, null);
            }
            return null;
        }
        Class<?> boxed = box(raw);
        if (boxed == Object.class) {
            return value;
        }
        Object scalar = scalar(value, boxed, what, type);
        if (scalar != null) {
            return scalar;
        }
        if (Collection.class.isAssignableFrom(boxed) || boxed == Iterable.class) {
            return collection(value, boxed, typeArgument(type, 0), what, type);
        }
        if (Map.class.isAssignableFrom(boxed)) {
            return map(value, boxed, typeArgument(type, 0), typeArgument(type, 1), what, type);
        }
        if (boxed.isArray()) {
            return array(value, componentType(type), what, type);
        }
        if (boxed.isInstance(value)) {
            return value;
        }
        if (boxed.isRecord() && value instanceof Map<?, ?> map) {
            return ValueMappers.record(map, boxed, what);
        }
        if (boxed.isRecord() && value instanceof List<?> items) {
            return ValueMappers.record(items, boxed, what);
        }
        return ValueMappers.fromLanded(value, type, what).orElseThrow(() -> mismatch(what, type, value));
    }

    private static Object scalar(Object value, Class<?> boxed, String what, Type type) {
        if (boxed == String.class || boxed == CharSequence.class) {
            if (value instanceof String || value instanceof Character) {
                return value.toString();
            }
            throw mismatch(what, type, value);
        }
        if (boxed == Boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
            throw mismatch(what, type, value);
        }
        if (boxed == Character.class) {
            if (value instanceof Character) {
                return value;
            }
            if (value instanceof String s && s.codePointCount(0, s.length()) == 1 && s.length() == 1) {
                return s.charAt(0);
            }
            throw mismatch(what, type, value);
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return number(value, boxed, what, type);
        }
        if (boxed.isEnum()) {
            return enumConstant(value, boxed, what, type);
        }
        return null;
    }

    private static Object number(Object value, Class<?> boxed, String what, Type type) {
        if (!(value instanceof Number n) || value instanceof Boolean) {
            throw mismatch(what, type, value);
        }
        if (boxed == Number.class || boxed.isInstance(value)) {
            return value;
        }
        if (boxed == Double.class) {
            return n.doubleValue();
        }
        if (boxed == Float.class) {
            return n.floatValue();
        }
        if (boxed == BigDecimal.class) {
            if (n instanceof Double d && !Double.isFinite(d)) {
                throw mismatch(what, type, value);
            }
            return n instanceof BigInteger b ? new BigDecimal(b)
                    : isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.toString());
        }
        if (!isIntegral(n)) {
            throw new IllegalArgumentException(what + ": expected " + typeName(type) + ", got the float "
                    + show(value) + ", which is not an integer");
        }
        BigInteger big = n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
        if (boxed == BigInteger.class) {
            return big;
        }
        return narrow(big, boxed, what, type);
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof BigInteger
                || n instanceof Short || n instanceof Byte;
    }

    private static Object narrow(BigInteger big, Class<?> boxed, String what, Type type) {
        int bits = boxed == Long.class ? 64 : boxed == Integer.class ? 32 : boxed == Short.class ? 16
                : boxed == Byte.class ? 8 : -1;
        if (bits < 0) {
            throw mismatch(what, type, big);
        }
        if (big.bitLength() >= bits) {
            throw new IllegalArgumentException(what + ": " + big + " is out of range for " + typeName(type));
        }
        long v = big.longValue();
        return switch (bits) {
            case 64 -> v;
            case 32 -> (int) v;
            case 16 -> (short) v;
            default -> (byte) v;
        };
    }

    private static Object enumConstant(Object value, Class<?> type, String what, Type generic) {
        if (value instanceof String s) {
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(what + ": '" + s + "' is not a constant of "
                    + type.getSimpleName() + "; expected one of " + List.of(type.getEnumConstants()));
        }
        if (type.isInstance(value)) {
            return value;
        }
        throw mismatch(what, generic, value);
    }

    private static Object collection(Object value, Class<?> raw, Type element, String what, Type type) {
        Iterable<?> source = iterable(value);
        if (source == null) {
            throw mismatch(what, type, value);
        }
        Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
        int i = 0;
        for (Object e : source) {
            out.add(convert(e, element, what + "[" + i++ + "]"));
        }
        if (!raw.isInstance(out)) {
            throw mismatch(what, type, value);
        }
        return out;
    }

    private static Iterable<?> iterable(Object value) {
        if (value instanceof Iterable<?> it && !(value instanceof Map<?, ?>)) {
            return it;
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        return null;
    }

    private static Object map(Object value, Class<?> raw, Type key, Type val, String what, Type type) {
        if (!(value instanceof Map<?, ?> source)) {
            throw mismatch(what, type, value);
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : source.entrySet()) {
            Object k = convert(e.getKey(), key, what + " key");
            out.put(k, convert(e.getValue(), val, what + "[" + show(e.getKey()) + "]"));
        }
        if (!raw.isInstance(out)) {
            throw mismatch(what, type, value);
        }
        return out;
    }

    private static Object array(Object value, Type component, String what, Type type) {
        Class<?> raw = rawClass(component);
        if (value instanceof byte[] bytes && raw == byte.class) {
            return bytes.clone();
        }
        Iterable<?> source = iterable(value);
        if (source == null) {
            throw mismatch(what, type, value);
        }
        List<Object> items = new ArrayList<>();
        source.forEach(items::add);
        Object out = Array.newInstance(raw, items.size());
        for (int i = 0; i < items.size(); i++) {
            Array.set(out, i, convert(items.get(i), component, what + "[" + i + "]"));
        }
        return out;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type arg = p.getActualTypeArguments()[index];
            if (arg instanceof WildcardType w) {
                return w.getUpperBounds().length > 0 ? w.getUpperBounds()[0] : Object.class;
            }
            return arg;
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        return rawClass(type).getComponentType();
    }

    /**
     * Returns the class behind a type: the raw class of a parameterised type, the bound of a type
     * variable or wildcard, {@code Object} when nothing better is known.
     *
     * @param type the type
     * @return its class
     */
    public static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length > 0) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        if (c == double.class) {
            return Double.class;
        }
        if (c == boolean.class) {
            return Boolean.class;
        }
        if (c == float.class) {
            return Float.class;
        }
        if (c == short.class) {
            return Short.class;
        }
        if (c == byte.class) {
            return Byte.class;
        }
        if (c == char.class) {
            return Character.class;
        }
        throw new IllegalArgumentException("a value cannot be converted to void");
    }

    private static IllegalArgumentException mismatch(String what, Type type, Object value) {
        return new IllegalArgumentException(what + ": expected " + typeName(type) + ", got " + describe(value));
    }

    /**
     * Describes a landed value for an error message: its kind and a shortened literal.
     *
     * @param value the value
     * @return such as {@code "str 'bob'"} or {@code "None"}
     */
    public static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        return kind(value) + " " + show(value);
    }

    private static String kind(Object value) {
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        if (value instanceof dev.hbi.Tuple) {
            return "tuple";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        if (value instanceof Set<?>) {
            return "set";
        }
        return value.getClass().getName();
    }

    private static String show(Object value) {
        String text;
        try {
            text = dev.hbi.Repr.repr(value);
        } catch (IllegalArgumentException notRepresentable) {
            text = String.valueOf(value);
        }
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    private static String typeName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }
}
