package dev.hbi;

/**
 * The peer was not let in, or did not let this side in (see {@link HbiSecurity}): a wrong or missing
 * token, a certificate that is not trusted or does not name the host, no client certificate where the
 * server requires one. No connection was established: nothing was landed on either side.
 */
public class HbiAuthenticationException extends HbiException {

    /**
     * Creates the exception.
     *
     * @param message what failed, and what the peer said if it said anything
     */
    public HbiAuthenticationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure underneath, such as the TLS handshake's.
     *
     * @param message what failed
     * @param cause   the underlying failure
     */
    public HbiAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
