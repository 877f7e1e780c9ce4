package dev.hbi.internal.landing;

/**
 * A literal the lexer scanned: its value and the offset just after it.
 *
 * @param value the landed value ({@link String}, {@code byte[]} or a {@link Number})
 * @param end   the offset after the literal's last character
 */
record Scanned(Object value, int end) {
}
