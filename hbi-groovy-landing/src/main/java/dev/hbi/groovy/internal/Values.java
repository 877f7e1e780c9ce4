package dev.hbi.groovy.internal;

import dev.hbi.Tuple;
import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.IntRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the values a Groovy script makes into the plain values HBI speaks, where they leave the script:
 * as arguments of exposed functions, as connection variables, and as the landed value. A GString or a
 * character becomes a {@link String}; a {@link BigDecimal} (Groovy's {@code 1.5}) or a {@link Float}
 * becomes a {@link Double}, so that the built-in lander and {@link dev.hbi.Repr} agree with it; an
 * integer becomes the smallest of {@link Integer}, {@link Long} and {@link BigInteger} that holds it, as
 * the built-in lander lands integers; lists, sets and maps are converted element by element, and copied
 * (to {@link ArrayList}, {@link LinkedHashSet}, {@link LinkedHashMap}) only when an element changes.
 * Integer ranges stay as they are: they are lists of integers already. A closure cannot leave its
 * script. Any other value (one the host gave the script) passes unchanged. Stateless.
 */
final class Values {

    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /**
     * Converts a value leaving the script.
     *
     * @param value    the value
     * @param maxDepth how deeply containers may nest (this also stops a list that contains itself)
     * @return the HBI value
     * @throws IllegalArgumentException naming what cannot leave the script
     */
    static Object toHbi(Object value, int maxDepth) {
        return convert(value, maxDepth);
    }

    private static Object convert(Object value, int depth) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Integer i -> i;
            case Boolean b -> b;
            case Double d -> d;
            case GString g -> g.toString();
            case Character c -> c.toString();
            case Long l -> l == l.intValue() ? (Object) l.intValue() : l;
            case Short s -> s.intValue();
            case Byte b -> b.intValue();
            case BigInteger big -> smallest(big);
            case BigDecimal d -> d.doubleValue();
            case Float f -> f.doubleValue();
            case Closure<?> c -> throw new IllegalArgumentException("a closure cannot leave the script: it cannot be"
                    + " passed to an exposed function, kept in a connection variable or landed as a value");
            case IntRange r -> r;
            case Tuple t -> t;
            case List<?> l -> list(l, depth);
            case Set<?> s -> set(s, depth);
            case Collection<?> c -> list(new ArrayList<>(c), depth);
            case Map<?, ?> m -> map(m, depth);
            default -> value;
        };
    }

    private static Object smallest(BigInteger big) {
        if (big.bitLength() < 32) {
            return big.intValue();
        }
        return big.compareTo(MIN_LONG) >= 0 && big.compareTo(MAX_LONG) <= 0 ? (Object) big.longValue() : big;
    }

    private static int deeper(int depth) {
        if (depth <= 0) {
            throw new IllegalArgumentException("a value nests too deeply (HbiConfig.maxNesting), or contains itself");
        }
        return depth - 1;
    }

    private static List<?> list(List<?> list, int depth) {
        int inner = deeper(depth);
        List<Object> copy = null;
        int i = 0;
        for (Object element : list) {
            Object converted = convert(element, inner);
            if (copy == null && converted != element) {
                copy = new ArrayList<>(list.size());
                copy.addAll(list.subList(0, i));
            }
            if (copy != null) {
                copy.add(converted);
            }
            i++;
        }
        return copy == null ? list : copy;
    }

    private static Set<?> set(Set<?> set, int depth) {
        int inner = deeper(depth);
        Set<Object> copy = new LinkedHashSet<>();
        boolean changed = false;
        for (Object element : set) {
            Object converted = convert(element, inner);
            changed |= converted != element;
            copy.add(converted);
        }
        return changed ? copy : set;
    }

    private static Map<?, ?> map(Map<?, ?> map, int depth) {
        int inner = deeper(depth);
        Map<Object, Object> copy = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = convert(entry.getKey(), inner);
            Object value = convert(entry.getValue(), inner);
            changed |= key != entry.getKey() || value != entry.getValue();
            copy.put(key, value);
        }
        return changed ? copy : map;
    }
}
