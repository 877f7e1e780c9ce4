package dev.hbi;

/**
 * The connection is gone: closed here, closed by the peer, failed, or torn down after an error. Every
 * conversation that was in flight on it fails with this exception; the {@link #disconnectCause() disconnect
 * cause} says why. The connection cannot be used any more.
 */
public class ConnectionClosedException extends HbiException {

    private final DisconnectCause disconnectCause;

    /**
     * Creates the exception for a connection that ended for the given cause.
     *
     * @param disconnectCause why the connection ended
     */
    public ConnectionClosedException(DisconnectCause disconnectCause) {
        super("connection closed: " + disconnectCause.message(), disconnectCause.error().orElse(null));
        this.disconnectCause = disconnectCause;
    }

    /**
     * Returns why the connection ended.
     *
     * @return the disconnect cause
     */
    public DisconnectCause disconnectCause() {
        return disconnectCause;
    }
}
