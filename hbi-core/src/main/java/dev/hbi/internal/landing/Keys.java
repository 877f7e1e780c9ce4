package dev.hbi.internal.landing;

import dev.hbi.Tuple;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Python's rule for what may be a dict key or a set element, on landed values: lists, dicts and sets
 * are mutable, so unhashable (Python raises {@code TypeError}); a tuple is hashable when its elements
 * are; a {@code frozenset} is. Bytes are refused too, although Python hashes them, because their Java
 * form, {@code byte[]}, compares by identity and two equal keys would both be kept. Stateless.
 */
final class Keys {

    /** The class of the sets {@code frozenset(...)} lands as, which alone are hashable. */
    private static final Class<?> FROZEN_SET = Collections.unmodifiableSet(new LinkedHashSet<>()).getClass();

    private Keys() {
    }

    /** Makes the hashable form of a set: what {@code frozenset(...)} lands as. */
    static Set<Object> freeze(Set<Object> set) {
        return Collections.unmodifiableSet(set);
    }

    /**
     * Tells why a value cannot be a dict key or set element.
     *
     * @param value the value
     * @param role  what it was to be, such as {@code "a dict key"}
     * @return the message, or {@code null} if it can be one
     */
    static String whyNot(Object value, String role) {
        String type = unhashableType(value);
        if (type == null) {
            return null;
        }
        if (type.equals("bytes")) {
            return "bytes cannot be " + role + " here: Java arrays compare by identity";
        }
        return "unhashable type: '" + type + "' cannot be " + role;
    }

    private static String unhashableType(Object value) {
        return switch (value) {
            case null -> null;
            case Tuple tuple -> tuple.stream().map(Keys::unhashableType).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            case List<?> list -> "list";
            case Map<?, ?> map -> "dict";
            case Set<?> set -> set.getClass() == FROZEN_SET ? null : "set";
            case byte[] bytes -> "bytes";
            default -> null;
        };
    }
}
