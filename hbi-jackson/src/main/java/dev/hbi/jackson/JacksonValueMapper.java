package dev.hbi.jackson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hbi.spi.ValueMapper;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A {@link ValueMapper} backed by Jackson: a landed dict becomes a POJO (by its properties; a property the
 * class does not have is an error), a string becomes a {@code LocalDate}, {@code Instant}, {@code UUID}...,
 * and a POJO sent through a proxy goes as a dict of its properties. Dates and times are written as ISO
 * strings. Found by {@link java.util.ServiceLoader}: nothing to configure. Thread-safe.
 */
public final class JacksonValueMapper implements ValueMapper {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Creates the mapper; {@link java.util.ServiceLoader} does. */
    public JacksonValueMapper() {
    }

    @Override
    public Optional<Object> fromLanded(Object value, Type target) {
        try {
            return Optional.ofNullable(mapper.convertValue(value, mapper.constructType(target)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()), e);
        }
    }

    @Override
    public Optional<Object> toLandable(Object value) {
        try {
            return Optional.ofNullable(mapper.convertValue(value, Object.class));
        } catch (IllegalArgumentException noProperties) {
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the value does not fit";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int at = line.indexOf(" at [Source");
        return at < 0 ? line : line.substring(0, at);
    }
}
