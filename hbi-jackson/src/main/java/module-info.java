/**
 * Jackson-backed conversion of HBI values: landed dicts become POJOs, strings become {@code java.time}
 * values, and the reverse for what typed proxies send.
 */
module dev.hbi.jackson {
    requires transitive dev.hbi;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports dev.hbi.jackson;

    provides dev.hbi.spi.ValueMapper with dev.hbi.jackson.JacksonValueMapper;
}
