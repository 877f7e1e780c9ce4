package dev.hbi.internal.landing;

import dev.hbi.internal.Names;

/**
 * The values of the names in {@link Names#CONSTANTS}: the spellings of null and the booleans in
 * Python, Java and Go, and the non-finite floats that Python's and Go's printers emit
 * (hbi-wire-reference §3.3). They are resolved when parsing, before any exposed name. Stateless.
 */
final class Constants {

    private Constants() {
    }

    /**
     * Returns the value of a constant.
     *
     * @param name one of {@link Names#CONSTANTS}
     * @return its value
     * @throws IllegalArgumentException if the name is not a constant
     */
    static Object value(String name) {
        return switch (name) {
            case "None", "null", "nil" -> null;
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "nan", "NaN" -> Double.NaN;
            case "inf", "Inf", "Infinity" -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException("'" + name + "' is not a constant");
        };
    }
}
