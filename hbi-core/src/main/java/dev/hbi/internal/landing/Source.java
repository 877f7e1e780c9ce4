package dev.hbi.internal.landing;

import dev.hbi.LandingException;

/**
 * The text of one landed script, and the maker of its error messages: turns a character offset into
 * the 1-based line, column and short excerpt that a {@link LandingException} carries. Positions are
 * only computed when an error is raised, so lexing never tracks lines. Immutable.
 */
final class Source {

    /** Excerpts longer than this are cut and end in "...". */
    private static final int MAX_EXCERPT = 40;

    private final String text;

    Source(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /**
     * Makes the error for the code between two offsets.
     *
     * @param message what was wrong
     * @param start   offset of the offending code; the column points here
     * @param end     offset just after it; at or before {@code start} means "the rest of the line"
     * @return the exception to throw
     */
    LandingException error(String message, int start, int end) {
        return error(message, start, end, null);
    }

    LandingException error(String message, int start, int end, Throwable cause) {
        int at = Math.min(Math.max(start, 0), text.length());
        int lineStart = lineStart(at);
        return new LandingException(message, lineNumber(at), at - lineStart + 1, excerpt(at, end), cause);
    }

    /**
     * Makes the error for a point in the code, shown with the text of its line around it: for what is
     * missing rather than wrong, such as a bracket never closed.
     */
    LandingException errorAround(String message, int at) {
        int lineStart = lineStart(at);
        int lineEnd = lineEnd(at);
        int from = Math.max(lineStart, Math.min(at, lineEnd) - MAX_EXCERPT / 2);
        String shown = text.substring(from, Math.min(lineEnd, from + MAX_EXCERPT)).strip();
        return new LandingException(message, lineNumber(at), at - lineStart + 1, shown.isEmpty() ? null : shown, null);
    }

    private int lineNumber(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            // '\r\n' counts once, at its '\n'; a lone '\r' ends a line too, as in Python
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    private int lineEnd(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private String excerpt(int start, int end) {
        int from = start;
        if (from >= text.length() || text.charAt(from) == '\n' || text.charAt(from) == '\r') {
            // at the end of a line or of the code: show what came before
            from = lineStart(from);
        }
        int lineEnd = lineEnd(from);
        int to = end <= start ? lineEnd : Math.min(end, lineEnd);
        String shown = text.substring(from, Math.max(from, to)).strip();
        if (shown.isEmpty()) {
            return null;
        }
        return shown.length() <= MAX_EXCERPT ? shown : shown.substring(0, MAX_EXCERPT) + "...";
    }
}
