package dev.hbi.spi;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Converts between landed values (the numbers, strings, lists and dicts of scripts) and Java types HBI
 * does not convert itself, such as POJOs. Found with {@link java.util.ServiceLoader}; the
 * {@code hbi-jackson} module provides one backed by Jackson. Must be thread-safe.
 */
public interface ValueMapper {

    /**
     * Converts a landed value to a Java type.
     *
     * @param value  the landed value: {@code null}, a boolean, number, string, list or map
     * @param target the wanted type
     * @return the converted value, or empty if this mapper does not handle the type
     * @throws IllegalArgumentException if it handles the type but the value does not fit, saying why
     */
    Optional<Object> fromLanded(Object value, Type target);

    /**
     * Converts a Java value to one HBI can write as a literal: a map, list, string, number or boolean.
     *
     * @param value the value
     * @return the landable form, or empty if this mapper does not handle the value's type
     */
    Optional<Object> toLandable(Object value);
}
