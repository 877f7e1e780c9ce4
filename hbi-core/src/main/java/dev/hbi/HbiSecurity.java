package dev.hbi;

import dev.hbi.internal.TokenAccess;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How connections keep strangers out: TLS, a shared token, or both. Both ends must agree; a peer of the
 * reference HBI (Python, Go) speaks neither, so secured connections are between peers of this library.
 * Nothing is landed before the peer has passed.
 *
 * <ul>
 * <li><b>TLS</b> ({@link Builder#tls}): the connection is encrypted with TLS 1.3 over the same blocking
 *     channels. A client verifies the server's certificate chain against its context's trust managers and
 *     the server's name against the certificate, by default the host it dialed
 *     ({@link Builder#serverName} names another). A server may require client certificates (mutual TLS,
 *     {@link Builder#requireClientCertificate}). The wire is agreed in the handshake (ALPN).
 * <li><b>Token</b> ({@link Builder#token}): before anything else, the server sends a random challenge and
 *     each side proves it knows the token with an HMAC-SHA256 over both sides' nonces, so the token never
 *     crosses the wire and a recorded exchange cannot be replayed; proofs are compared in constant time.
 *     A wrong token gets a clear refusal. Over plain TCP the token keeps strangers out but does not hide
 *     the traffic: combine it with TLS where that matters.
 * </ul>
 *
 * <p>Immutable. {@link #toString()} never shows the token.
 */
public final class HbiSecurity {

    private static final HbiSecurity NONE = new HbiSecurity(null, false, null, null);

    static {
        TokenAccess.install(security -> {
            if (security.token == null) {
                throw new IllegalStateException("no token is set");
            }
            return security.token.clone();
        });
    }

    private final SSLContext tls;
    private final boolean clientCertificateRequired;
    private final String serverName;
    private final byte[] token;

    private HbiSecurity(SSLContext tls, boolean clientCertificateRequired, String serverName, byte[] token) {
        this.tls = tls;
        this.clientCertificateRequired = clientCertificateRequired;
        this.serverName = serverName;
        this.token = token;
    }

    /**
     * Returns no security: plain TCP or Unix-domain sockets, anyone may connect (the reference's way).
     *
     * @return no security
     */
    public static HbiSecurity none() {
        return NONE;
    }

    /**
     * Returns a builder.
     *
     * @return a builder with neither TLS nor a token
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the TLS context, if connections use TLS.
     *
     * @return the context
     */
    public Optional<SSLContext> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * Tells whether a server requires certificates of its clients (mutual TLS).
     *
     * @return {@code true} if required
     */
    public boolean clientCertificateRequired() {
        return clientCertificateRequired;
    }

    /**
     * Returns the name a client expects in the server's certificate instead of the host it dialed.
     *
     * @return the name, if set
     */
    public Optional<String> serverName() {
        return Optional.ofNullable(serverName);
    }

    /**
     * Tells whether connections authenticate with a token.
     *
     * @return {@code true} if a token is set
     */
    public boolean hasToken() {
        return token != null;
    }

    /**
     * Tells whether anything is required of the peer.
     *
     * @return {@code true} with TLS or a token
     */
    public boolean isEnabled() {
        return tls != null || token != null;
    }

    @Override
    public String toString() {
        if (!isEnabled()) {
            return "HbiSecurity[none]";
        }
        return "HbiSecurity[tls=" + (tls != null ? tls.getProtocol() : "off")
                + (clientCertificateRequired ? ", client certificates required" : "")
                + (serverName != null ? ", server name " + serverName : "")
                + ", token=" + (token != null ? "****" : "none") + "]";
    }

    /** Builds an {@link HbiSecurity}. */
    public static final class Builder {
        private SSLContext tls;
        private boolean clientCertificateRequired;
        private String serverName;
        private byte[] token;

        private Builder() {
        }

        /**
         * Uses TLS with a context: its key managers give this side's certificate (a server's, or a client's
         * for mutual TLS), its trust managers decide which peers' certificates are trusted.
         *
         * @param context the context, for example from {@link SSLContext#getInstance(String)} and
         *                {@link SSLContext#init}, or {@link SSLContext#getDefault()} for a client that trusts
         *                the JDK's certificate authorities
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Makes a server require a trusted certificate of every client (mutual TLS). Needs {@link #tls}.
         *
         * @return this builder
         */
        public Builder requireClientCertificate() {
            clientCertificateRequired = true;
            return this;
        }

        /**
         * Sets the name a client expects in the server's certificate, when it dials an address by another
         * name (such as an IP address). Needs {@link #tls}.
         *
         * @param name the host name
         * @return this builder
         */
        public Builder serverName(String name) {
            serverName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Authenticates both sides with a shared token (challenge-response; the token never crosses the
         * wire). The characters are copied; the caller may clear its array.
         *
         * @param secret the token, not empty
         * @return this builder
         */
        public Builder token(char[] secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length == 0) {
                throw new IllegalArgumentException("the token is empty");
            }
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
            token = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
            Arrays.fill(bytes.array(), (byte) 0);
            return this;
        }

        /**
         * Builds the security settings.
         *
         * @return the settings
         * @throws IllegalStateException if a TLS option is set without TLS
         */
        public HbiSecurity build() {
            if (tls == null && (clientCertificateRequired || serverName != null)) {
                throw new IllegalStateException("requireClientCertificate and serverName need tls(context)");
            }
            return new HbiSecurity(tls, clientCertificateRequired, serverName, token);
        }
    }
}
