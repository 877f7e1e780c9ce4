package dev.hbi.groovy.internal;

import dev.hbi.LandingException;

/**
 * Makes landing errors that point into the script as the peer sent it: 1-based line and column, and a
 * short excerpt of the offending text, as the built-in lander's errors do. Positions the compiler or
 * the runtime report in a shape's key are mapped back through the {@link Shape}. Stateless.
 */
final class Positions {

    /** Excerpts longer than this are cut and end in "...". */
    private static final int MAX_EXCERPT = 40;

    private Positions() {
    }

    /**
     * Makes the error for the text between two offsets of a script.
     *
     * @param text    the script
     * @param message what was wrong
     * @param start   the offset of the offending text
     * @param end     the offset just after it
     * @return the exception to throw
     */
    static LandingException error(String text, String message, int start, int end) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new LandingException(message, line, start - lineStart + 1, excerpt(text, start, end), null);
    }

    /**
     * Makes the error for a span the compiler or the runtime reported in a shape's key.
     *
     * @param shape      the landed shape
     * @param message    what was wrong, possibly naming placeholders, which are put back as the literals
     * @param line       1-based line, or 0 if unknown
     * @param column     1-based column in the key, or 0 if unknown (the excerpt is then the whole line)
     * @param lastLine   the line the span ends on
     * @param lastColumn the column just after the span, in the key
     * @param cause      the underlying failure, or {@code null}
     * @return the exception to throw
     */
    static LandingException error(Shape shape, String message, int line, int column, int lastLine, int lastColumn,
                                  Throwable cause) {
        String restored = shape.restore(message);
        String text = shape.text();
        if (line <= 0) {
            return new LandingException(restored, cause);
        }
        int lineStart = Shape.lineStart(text, line);
        int start;
        int end;
        if (column <= 0) {
            start = firstNonBlank(text, lineStart);
            end = lineEnd(text, lineStart);
        } else {
            start = lineStart + shape.originalColumn(line, column) - 1;
            end = lastLine == line && lastColumn > column
                    ? lineStart + shape.originalColumn(line, lastColumn) - 1 : lineEnd(text, lineStart);
        }
        return new LandingException(restored, line, start - lineStart + 1, excerpt(text, start, end), cause);
    }

    private static String excerpt(String text, int start, int end) {
        int from = Math.min(Math.max(start, 0), text.length());
        int to = Math.min(Math.max(end, from), lineEnd(text, from));
        String shown = text.substring(from, to).strip();
        if (shown.isEmpty()) {
            return null;
        }
        return shown.length() <= MAX_EXCERPT ? shown : shown.substring(0, MAX_EXCERPT) + "...";
    }

    private static int firstNonBlank(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
