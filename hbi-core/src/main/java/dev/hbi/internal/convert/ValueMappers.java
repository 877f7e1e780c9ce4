package dev.hbi.internal.convert;

import dev.hbi.spi.ValueMapper;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@link ValueMapper}s installed (found once with {@link ServiceLoader}), and the conversion of Java
 * values into forms a script can carry: what a typed proxy writes as call arguments.
 */
public final class ValueMappers {

    private ValueMappers() {
    }

    /** Loaded on first use: the class is initialised only when a conversion needs a mapper. */
    private static final class Installed {
        static final List<ValueMapper> MAPPERS = ServiceLoader.load(ValueMapper.class).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /**
     * Converts a landed value with the first mapper that handles the type.
     *
     * @param value  the landed value
     * @param target the wanted type
     * @param what   what is converted, for messages
     * @return the converted value, or empty if no mapper handles it
     */
    static Optional<Object> fromLanded(Object value, Type target, String what) {
        for (ValueMapper mapper : Installed.MAPPERS) {
            Optional<Object> mapped;
            try {
                mapped = mapper.fromLanded(value, target);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
            }
            if (mapped.isPresent()) {
                return mapped;
            }
        }
        return Optional.empty();
    }

    /**
     * Converts a Java value into one a script can carry: records stay (they are written as calls of their
     * constructor), enums become their names, other types go through a mapper (a POJO becomes a dict).
     * Collections and maps are converted element by element.
     *
     * @param value the value
     * @return the landable value
     * @throws IllegalArgumentException if nothing can write it
     */
    public static Object toLandable(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof byte[] || value.getClass().isRecord()
                || value instanceof dev.hbi.Tuple) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(toLandable(k), toLandable(v)));
            return out;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> out = new java.util.ArrayList<>();
            items.forEach(i -> out.add(toLandable(i)));
            return value instanceof java.util.Set<?> ? new java.util.LinkedHashSet<>(out) : out;
        }
        if (value.getClass().isArray()) {
            return value;
        }
        for (ValueMapper mapper : Installed.MAPPERS) {
            Optional<Object> mapped = mapper.toLandable(value);
            if (mapped.isPresent()) {
                return mapped.get();
            }
        }
        throw new IllegalArgumentException("no literal form for " + value.getClass().getName()
                + ": use a record (written as a call of its constructor), a map, or add hbi-jackson for POJOs");
    }

    /**
     * Builds a record from a landed dict, by component name.
     *
     * @param map  the dict
     * @param type the record class
     * @param what what is converted, for messages
     * @return the record
     */
    static Object record(Map<?, ?> map, Class<?> type, String what) {
        RecordComponent[] components = type.getRecordComponents();
        for (Object key : map.keySet()) {
            if (java.util.Arrays.stream(components).noneMatch(c -> c.getName().equals(key))) {
                throw new IllegalArgumentException(what + ": " + type.getSimpleName() + " has no component '" + key + "'");
            }
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            values[i] = Conversions.convert(map.get(name), components[i].getGenericType(), what + "." + name);
        }
        return construct(type, components, values, what);
    }

    /**
     * Builds a record from a landed list or tuple, by position: how Python peers often answer a structured
     * value ({@code [[3000, 'a.bin'], ...]} as a list of {@code record File(long size, String name)}).
     *
     * @param items the list's items
     * @param type  the record class
     * @param what  what is converted, for messages
     * @return the record
     */
    static Object record(List<?> items, Class<?> type, String what) {
        RecordComponent[] components = type.getRecordComponents();
        if (items.size() != components.length) {
            throw new IllegalArgumentException(what + ": " + type.getSimpleName() + " has " + components.length
                    + " components, the list " + items.size() + " items");
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = Conversions.convert(items.get(i), components[i].getGenericType(),
                    what + "." + components[i].getName());
        }
        return construct(type, components, values, what);
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values, String what) {
        Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.trySetAccessible();
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(what + ": " + type.getSimpleName() + " refused the values: " + cause, cause);
        }
    }
}
