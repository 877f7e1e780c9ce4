package dev.hbi;

import java.util.Optional;

/**
 * Code sent by the peer could not be landed here: it did not parse, named something that is not
 * exposed, or an exposed function it called failed.
 *
 * <p>The message is meant for the peer: on the classic wire it is sent in an {@code err} packet before
 * the connection closes (hbi-wire-reference §5); it names what was wrong and, where known, the line,
 * column and text of the offending code.
 */
public class LandingException extends HbiException {

    private final int line;
    private final int column;
    private final String excerpt;

    /**
     * Creates a landing error without a source position.
     *
     * @param message what was wrong
     */
    public LandingException(String message) {
        this(message, 0, 0, null, null);
    }

    /**
     * Creates a landing error caused by a failure of an exposed function.
     *
     * @param message what was wrong
     * @param cause   the failure
     */
    public LandingException(String message, Throwable cause) {
        this(message, 0, 0, null, cause);
    }

    /**
     * Creates a landing error at a position in the landed code.
     *
     * @param message what was wrong
     * @param line    1-based line, or 0 if unknown
     * @param column  1-based column, or 0 if unknown
     * @param excerpt the offending text, or {@code null}
     * @param cause   the underlying failure, or {@code null}
     */
    public LandingException(String message, int line, int column, String excerpt, Throwable cause) {
        super(describe(message, line, column, excerpt), cause);
        this.line = line;
        this.column = column;
        this.excerpt = excerpt;
    }

    /**
     * Returns the 1-based line of the offending code, or 0 if unknown.
     *
     * @return the line
     */
    public int line() {
        return line;
    }

    /**
     * Returns the 1-based column of the offending code, or 0 if unknown.
     *
     * @return the column
     */
    public int column() {
        return column;
    }

    /**
     * Returns the offending text, if known.
     *
     * @return the excerpt of the landed code
     */
    public Optional<String> excerpt() {
        return Optional.ofNullable(excerpt);
    }

    private static String describe(String message, int line, int column, String excerpt) {
        if (line <= 0) {
            return message;
        }
        String at = " (line " + line + ", column " + column;
        return excerpt == null ? message + at + ")" : message + at + ": " + excerpt + ")";
    }
}
