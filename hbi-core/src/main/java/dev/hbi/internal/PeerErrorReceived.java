package dev.hbi.internal;

/**
 * The peer sent its fatal error ({@code err} on the classic wire). Thrown inside the reader to end the
 * connection with the peer's reason; never reaches users, who get a
 * {@link dev.hbi.ConnectionClosedException} with a {@link dev.hbi.DisconnectCause.PeerError}.
 */
final class PeerErrorReceived extends RuntimeException {

    private final String reason;

    PeerErrorReceived(String reason) {
        super("peer error: " + reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
