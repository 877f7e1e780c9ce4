package dev.hbi.samples.cli;

/** The command line was not understood; the message says how to write it. */
public final class UsageException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what was wrong and how to write it
     */
    public UsageException(String message) {
        super(message);
    }
}
