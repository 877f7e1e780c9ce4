package dev.hbi.internal;

import dev.hbi.HbiAuthenticationException;
import dev.hbi.HbiConfig;
import dev.hbi.HbiSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Secures a freshly connected channel as {@link HbiSecurity} says, before the connection's threads exist:
 * TLS first, then the token (docs/wire-protocol.md §11). A secured connection agrees on its wire during
 * the handshake (ALPN with TLS, the token exchange without), so neither side has to guess it from the
 * first bytes. Everything runs on the calling thread, bounded by the connect timeout.
 */
public final class Handshakes {

    /** The ALPN name of the multiplexed wire. */
    static final String ALPN_MULTIPLEXED = "hbi-mux/1";
    /** The ALPN name of the classic wire. */
    static final String ALPN_CLASSIC = "hbi-classic";

    private Handshakes() {
    }

    /**
     * A secured channel: the wire to run the connection over, and the HBI wire both sides agreed on.
     *
     * @param wire   the wire (TLS or plain)
     * @param agreed the HBI wire agreed on
     */
    public record Secured(Wire wire, HbiConfig.Wire agreed) {
    }

    /**
     * Secures a channel this side dialed.
     *
     * @param channel the connected channel, in blocking mode
     * @param address the address dialed: the host a server certificate must name
     * @param config  the settings, with security enabled
     * @return the secured channel
     * @throws HbiAuthenticationException  if either side refused the other
     * @throws dev.hbi.HbiTimeoutException if the handshake took longer than the connect timeout
     * @throws UncheckedIOException        if the channel failed
     */
    public static Secured dialed(SocketChannel channel, SocketAddress address, HbiConfig config) {
        HbiSecurity security = config.security();
        return secure(channel, config, "with " + Connection.describe(address), wire -> {
            HbiConfig.Wire agreed = config.wire();
            Wire secured = wire;
            if (security.tls().isPresent()) {
                TlsWire tls = TlsWire.handshake(channel, clientEngine(security, address, config.wire()));
                secured = tls;
                agreed = agreed(tls);
            }
            if (security.hasToken()) {
                agreed = TokenHandshake.prove(secured, security, agreed);
            }
            return new Secured(secured, agreed);
        });
    }

    /**
     * Secures a channel this side accepted.
     *
     * @param channel the accepted channel, in blocking mode
     * @param config  the settings, with security enabled
     * @return the secured channel
     * @throws HbiAuthenticationException  if the client was refused (it has been told, where it could be)
     * @throws dev.hbi.HbiTimeoutException if the handshake took longer than the connect timeout
     * @throws UncheckedIOException        if the channel failed
     */
    public static Secured accepted(SocketChannel channel, HbiConfig config) {
        HbiSecurity security = config.security();
        String peer = describePeer(channel);
        return secure(channel, config, "with " + peer, wire -> {
            HbiConfig.Wire agreed = config.wire() == HbiConfig.Wire.AUTO ? HbiConfig.Wire.MULTIPLEXED : config.wire();
            Wire secured = wire;
            if (security.tls().isPresent()) {
                TlsWire tls = TlsWire.handshake(channel, serverEngine(security, config.wire()));
                secured = tls;
                agreed = agreed(tls);
            }
            if (security.hasToken()) {
                agreed = TokenHandshake.challenge(secured, security,
                        security.tls().isPresent() ? agreed : config.wire());
            }
            return new Secured(secured, agreed);
        });
    }

    /** One step of securing, over the plain wire. */
    @FunctionalInterface
    private interface Step {
        Secured run(Wire plain) throws IOException;
    }

    private static Secured secure(SocketChannel channel, HbiConfig config, String with, Step step) {
        Deadline deadline = Deadline.after(config.connectTimeout());
        try (HandshakeTimer timer = HandshakeTimer.start(deadline, channel)) {
            try {
                return step.run(new NioWire(channel));
            } catch (SSLException e) {
                throw new HbiAuthenticationException("the TLS handshake " + with + " failed: " + e.getMessage(), e);
            } catch (HbiAuthenticationException e) {
                throw new HbiAuthenticationException(e.getMessage() + " (" + with + ")", e);
            } catch (IOException e) {
                if (timer.expired()) {
                    throw timer.timeout("the TLS and token handshake " + with);
                }
                throw new UncheckedIOException("the handshake " + with + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static SSLEngine clientEngine(HbiSecurity security, SocketAddress address, HbiConfig.Wire wire) {
        SSLContext context = security.tls().orElseThrow();
        String host = security.serverName().orElseGet(() -> {
            if (address instanceof InetSocketAddress inet) {
                return inet.getHostString();
            }
            throw new IllegalArgumentException("TLS over " + Connection.describe(address)
                    + " needs HbiSecurity.serverName: the name the server's certificate must carry");
        });
        int port = address instanceof InetSocketAddress inet ? inet.getPort() : -1;
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = parameters(engine, wire);
        // verify the server's name against its certificate, as HTTPS does
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (security.serverName().isPresent()) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static SSLEngine serverEngine(HbiSecurity security, HbiConfig.Wire wire) {
        SSLEngine engine = security.tls().orElseThrow().createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = parameters(engine, wire);
        parameters.setNeedClientAuth(security.clientCertificateRequired());
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** TLS 1.3 only (both ends are this library), and the wires this side speaks, preferred first. */
    private static SSLParameters parameters(SSLEngine engine, HbiConfig.Wire wire) {
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        parameters.setApplicationProtocols(switch (wire) {
            case AUTO -> new String[] {ALPN_MULTIPLEXED, ALPN_CLASSIC};
            case MULTIPLEXED -> new String[] {ALPN_MULTIPLEXED};
            case CLASSIC -> new String[] {ALPN_CLASSIC};
        });
        return parameters;
    }

    private static HbiConfig.Wire agreed(TlsWire tls) throws SSLException {
        String protocol = tls.engine().getApplicationProtocol();
        if (ALPN_MULTIPLEXED.equals(protocol)) {
            return HbiConfig.Wire.MULTIPLEXED;
        }
        if (ALPN_CLASSIC.equals(protocol)) {
            return HbiConfig.Wire.CLASSIC;
        }
        throw new SSLException("the peer agreed on no HBI wire (ALPN: '" + protocol + "')");
    }

    private static String describePeer(SocketChannel channel) {
        try {
            return Connection.describe(channel.getRemoteAddress());
        } catch (IOException e) {
            return "a client";
        }
    }
}
