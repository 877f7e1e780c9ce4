package dev.hbi.internal;

/** What the peer is told when a connection ends with an error: the reason, never empty, never huge. */
final class Farewells {

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
}
