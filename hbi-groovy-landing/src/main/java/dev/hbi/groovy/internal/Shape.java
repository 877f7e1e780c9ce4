package dev.hbi.groovy.internal;

/**
 * A script with its literals lifted out: the {@link #key() key} is the script's text with each liftable
 * literal replaced by a placeholder name ({@code __hbi0}, {@code __hbi1}, ...), the {@link #literals()}
 * are their values in order. Scripts that differ only in those literals have the same key, so they
 * share one compiled class. Made by {@link ShapeLexer}; immutable once made (the arrays are never
 * handed out).
 *
 * <p>Placeholders are never longer than a line and never span one, so a position in the key is on the
 * same line as in the script; only columns shift, and {@link #originalColumn} shifts them back.
 *
 * @param text     the script as received
 * @param key      the script with placeholders: what is compiled and cached
 * @param literals the lifted values, by placeholder number
 * @param spans    four offsets per literal: start and end in the text, start and end in the key
 */
record Shape(String text, String key, Object[] literals, int[] spans) {

    /** Names of placeholders start with this; scripts cannot write it, as {@code __} names are reserved. */
    static final String PLACEHOLDER = "__hbi";

    /** How many literals were lifted. */
    int slots() {
        return literals.length;
    }

    /**
     * Maps a column of the key to the column of the script, on the same line.
     *
     * @param line   1-based line
     * @param column 1-based column in the key
     * @return the 1-based column in the script; a column inside a placeholder maps to its literal's start
     */
    int originalColumn(int line, int column) {
        if (spans.length == 0 || line < 1 || column < 1) {
            return column;
        }
        int keyOffset = lineStart(key, line) + column - 1;
        int shift = 0;
        for (int i = 0; i < spans.length; i += 4) {
            if (spans[i + 2] > keyOffset) {
                break;
            }
            if (keyOffset < spans[i + 3]) {
                return spans[i] - lineStart(text, line) + 1;
            }
            shift = spans[i + 1] - spans[i + 3];
        }
        return keyOffset + shift - lineStart(text, line) + 1;
    }

    /**
     * Puts the literals' text back in place of placeholder names in a message from the compiler or the
     * runtime, which only saw the key.
     *
     * @param message the message, possibly {@code null}
     * @return the message as the peer would read it
     */
    String restore(String message) {
        if (message == null || spans.length == 0 || !message.contains(PLACEHOLDER)) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length());
        int at = 0;
        int found;
        while ((found = message.indexOf(PLACEHOLDER, at)) >= 0) {
            int end = found + PLACEHOLDER.length();
            int digits = end;
            while (digits < message.length() && Character.isDigit(message.charAt(digits))) {
                digits++;
            }
            out.append(message, at, found);
            int slot = digits > end && digits - end < 10 ? Integer.parseInt(message.substring(end, digits)) : -1;
            if (slot >= 0 && slot < literals.length) {
                out.append(text, spans[slot * 4], spans[slot * 4 + 1]);
            } else {
                out.append(message, found, digits);
            }
            at = digits;
        }
        return out.append(message, at, message.length()).toString();
    }

    /** The offset at which a 1-based line starts, counting lines as the Groovy parser does: by '\n'. */
    static int lineStart(String s, int line) {
        int offset = 0;
        for (int current = 1; current < line && offset < s.length(); offset++) {
            if (s.charAt(offset) == '\n') {
                current++;
            }
        }
        return offset;
    }
}
