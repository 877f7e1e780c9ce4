package dev.hbi.internal;

import dev.hbi.LandingException;

/** What the peer is told when a connection ends with an error: the reason, never empty, never huge. */
final class Farewells {

    private static final System.Logger LOG = System.getLogger("dev.hbi");
    private static final int MAX_REASON = 8192;

    private Farewells() {
    }

    /**
     * Returns a reason fit to send.
     *
     * @param message the cause's message
     * @return the message, {@code "error"} if blank, cut to 8192 characters
     */
    static String reason(String message) {
        String reason = message == null || message.isBlank() ? "error" : message;
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }

    /**
     * Returns what the peer is told when code it sent fails here: a landing error, or the failure of a
     * function the code called. An {@link Error} (a bug, or a JVM in trouble) is logged as well.
     *
     * @param connection the connection, for the log
     * @param what       what failed: {@code "hosting conversation 3"}, {@code "notification 7"}
     * @param e          the failure
     * @return {@code "landing error in <what>: ..."} or {@code "<what> failed: ..."}
     */
    static String hostingFailure(Connection connection, String what, Throwable e) {
        if (e instanceof Error) {
            LOG.log(System.Logger.Level.ERROR, connection.name() + ": " + what + " failed", e);
        }
        return e instanceof LandingException ? "landing error in " + what + ": " + e.getMessage()
                : what + " failed: " + (e.getMessage() != null ? e.getMessage() : e.toString());
    }
}
