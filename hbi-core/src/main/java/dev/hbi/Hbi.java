package dev.hbi;

import dev.hbi.internal.Connection;
import dev.hbi.internal.Handshakes;
import dev.hbi.internal.NioWire;
import dev.hbi.internal.ServerImpl;
import dev.hbi.internal.Sockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where HBI starts: serve, dial, or adopt a connected socket.
 *
 * <pre>{@code
 * try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:3232"), HelloService::env)) { ... }
 *
 * try (HbiConnection conn = Hbi.connect(Hbi.address("127.0.0.1:3232"), HostingEnv.create())) {
 *     try (PostingConversation co = conn.postingEnd().newConversation()) { ... }
 * }
 * }</pre>
 */
public final class Hbi {

    private Hbi() {
    }

    /**
     * Parses an address: {@code host:port}, {@code :port} or {@code port} (meaning 127.0.0.1),
     * {@code [v6]:port}, or {@code unix:/path/to/socket}.
     *
     * @param spec the text
     * @return the address
     * @throws IllegalArgumentException if the text is not an address
     */
    public static SocketAddress address(String spec) {
        return Sockets.parse(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * Formats an address as {@code host:port}, or the path of a Unix-domain socket: what the reference
     * calls {@code remote_addr}.
     *
     * @param address the address
     * @return the text
     */
    public static String describe(SocketAddress address) {
        return Connection.describe(address);
    }

    /**
     * Dials a peer with the default settings. Returns once the connection is up and the environment's
     * init hook has run.
     *
     * @param address a TCP or Unix-domain address
     * @param env     this side's environment for the connection
     * @return the connection
     * @throws UncheckedIOException      if connecting failed
     * @throws ConnectionClosedException if the connection ended during init
     */
    public static HbiConnection connect(SocketAddress address, HostingEnv env) {
        return connect(address, env, HbiConfig.defaults());
    }

    /**
     * Dials a peer. With {@link HbiConfig.Wire#AUTO} (the default) it speaks the multiplexed wire, and
     * dials again with the classic wire if the peer turns out to speak that; the peer then has seen, and
     * run its init hook for, one abandoned connection.
     *
     * @param address a TCP or Unix-domain address
     * @param env     this side's environment for the connection
     * @param config  the settings
     * @return the connection
     * @throws UncheckedIOException        if connecting failed
     * @throws ConnectionClosedException   if the connection ended during init
     * @throws HbiAuthenticationException  if TLS or the token (see {@link HbiConfig#security()}) failed
     */
    public static HbiConnection connect(SocketAddress address, HostingEnv env, HbiConfig config) {
        if (config.security().isEnabled()) {
            return dial(address, env, config, null); // the handshake agrees on the wire
        }
        if (config.wire() != HbiConfig.Wire.AUTO) {
            return dial(address, env, config, Connection.Protocol.dialing(config.wire()));
        }
        try {
            return dial(address, env, config, Connection.Protocol.probing());
        } catch (ProbeFailedException classicPeer) {
            return dial(address, env, config, Connection.Protocol.dialing(HbiConfig.Wire.CLASSIC));
        }
    }

    private static HbiConnection dial(SocketAddress address, HostingEnv env, HbiConfig config,
                                      Connection.Protocol protocol) {
        SocketChannel channel;
        try {
            channel = Sockets.connect(address, config.connectTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + describe(address) + ": " + e.getMessage(), e);
        }
        return start(channel, address, env, config, true, protocol);
    }

    /**
     * Runs HBI over a socket that is already connected (for example one passed in by a parent process),
     * as the side that dialed. The channel is put in blocking mode; from here on HBI owns it.
     *
     * @param channel the connected channel
     * @param env     this side's environment for the connection
     * @param config  the settings; {@link HbiConfig.Wire#AUTO} speaks the multiplexed wire
     * @return the connection, once the init hook has run
     * @throws ConnectionClosedException if the connection ended during init
     */
    public static HbiConnection adopt(SocketChannel channel, HostingEnv env, HbiConfig config) {
        return adopt(channel, env, config, true);
    }

    /**
     * Runs HBI over a socket that is already connected, as the side that dialed it or the side that
     * accepted it (on the multiplexed wire the two sides number their conversations differently).
     *
     * @param channel the connected channel
     * @param env     this side's environment for the connection
     * @param config  the settings; {@link HbiConfig.Wire#AUTO} speaks the multiplexed wire
     * @param dialed  whether this side is the one that dialed
     * @return the connection, once the init hook has run
     * @throws ConnectionClosedException if the connection ended during init
     */
    public static HbiConnection adopt(SocketChannel channel, HostingEnv env, HbiConfig config, boolean dialed) {
        HbiConfig.Wire wire = config.wire() == HbiConfig.Wire.AUTO ? HbiConfig.Wire.MULTIPLEXED : config.wire();
        SocketAddress peer;
        try {
            peer = channel.getRemoteAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the socket: " + e.getMessage(), e);
        }
        return start(channel, peer, env, config, dialed,
                new Connection.Protocol(wire, dialed, java.nio.ByteBuffer.allocate(0), false));
    }

    /**
     * Secures the channel if the settings ask for it, and starts the connection over it.
     *
     * @param plain how a plain connection starts; a secured one speaks the wire its handshake agreed on
     */
    private static HbiConnection start(SocketChannel channel, SocketAddress peer, HostingEnv env, HbiConfig config,
                                       boolean dialer, Connection.Protocol plain) {
        Objects.requireNonNull(env, "env");
        Connection connection;
        try {
            Sockets.configure(channel);
            Handshakes.Secured secured = secure(channel, peer, config, dialer);
            connection = Connection.start(secured.wire(), env, config, secured.agreed() == null ? plain
                    : new Connection.Protocol(secured.agreed(), dialer, java.nio.ByteBuffer.allocate(0), false));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot use the socket: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        try {
            connection.init();
        } catch (ConnectionClosedException e) {
            connection.awaitDisconnected(config.closeTimeout().multipliedBy(3));
            if (!connection.peerWireConfirmed()) {
                connection.releaseEnv();
                throw new ProbeFailedException(e.disconnectCause());
            }
            throw e;
        }
        return connection;
    }

    private static Handshakes.Secured secure(SocketChannel channel, SocketAddress peer, HbiConfig config,
                                             boolean dialer) {
        if (!config.security().isEnabled()) {
            return new Handshakes.Secured(new NioWire(channel), null);
        }
        return dialer ? Handshakes.dialed(channel, peer, config) : Handshakes.accepted(channel, config);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the channel is unusable either way
        }
    }

    /** A multiplexed-wire dial failed before the peer showed it speaks that wire. */
    private static final class ProbeFailedException extends ConnectionClosedException {
        ProbeFailedException(DisconnectCause cause) {
            super(cause);
        }
    }

    /**
     * Serves HBI with the default settings.
     *
     * @param address    where to listen: TCP (port 0 picks a free port) or Unix domain
     * @param envFactory makes a new environment for each connection
     * @return the running server
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static HbiServer serve(SocketAddress address, Supplier<HostingEnv> envFactory) {
        return serve(address, envFactory, HbiConfig.defaults());
    }

    /**
     * Serves HBI.
     *
     * @param address    where to listen: TCP (port 0 picks a free port) or Unix domain
     * @param envFactory makes a new environment for each connection
     * @param config     the connections' settings
     * @return the running server
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static HbiServer serve(SocketAddress address, Supplier<HostingEnv> envFactory, HbiConfig config) {
        return ServerImpl.start(Objects.requireNonNull(address, "address"),
                Objects.requireNonNull(envFactory, "envFactory"), Objects.requireNonNull(config, "config"));
    }
}
