package dev.hbi.internal;

import dev.hbi.ConnectionClosedException;
import dev.hbi.HbiAuthenticationException;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiServer;
import dev.hbi.HbiTimeoutException;
import dev.hbi.HostingEnv;
import dev.hbi.internal.wire.Directive;
import dev.hbi.internal.wire.PacketEncoder;
import dev.hbi.internal.wire.Preface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An {@link HbiServer}: one virtual thread accepts; each accepted socket gets its own virtual thread to
 * make its environment and run its init hook, so neither can hold up accepting (the reference's Go
 * server runs init inside its accept loop).
 */
public final class ServerImpl implements HbiServer {

    private static final System.Logger LOG = System.getLogger("dev.hbi");
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final Supplier<HostingEnv> envFactory;
    private final HbiConfig config;
    private final String name = "hbi-server-" + IDS.incrementAndGet();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicInteger admitted = new AtomicInteger();

    private ServerImpl(ServerSocketChannel listener, Supplier<HostingEnv> envFactory, HbiConfig config)
            throws IOException {
        this.listener = listener;
        this.address = listener.getLocalAddress();
        this.envFactory = envFactory;
        this.config = config;
    }

    /**
     * Binds and starts accepting.
     *
     * @param address    where to listen: an {@link java.net.InetSocketAddress} or a
     *                   {@link UnixDomainSocketAddress}
     * @param envFactory makes one environment per connection
     * @param config     the connections' settings
     * @return the running server
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static ServerImpl start(SocketAddress address, Supplier<HostingEnv> envFactory, HbiConfig config) {
        try {
            ServerSocketChannel listener = address instanceof UnixDomainSocketAddress
                    ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
            try {
                if (!(address instanceof UnixDomainSocketAddress)) {
                    listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                }
                listener.bind(address, 1024);
            } catch (IOException e) {
                listener.close();
                throw e;
            }
            ServerImpl server = new ServerImpl(listener, envFactory, config);
            Thread.ofVirtual().name(server.name + "-accept").start(server::acceptLoop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + Connection.describe(address) + ": " + e.getMessage(), e);
        }
    }

    private void acceptLoop() {
        while (open.get()) {
            try {
                SocketChannel socket = listener.accept();
                if (admitted.incrementAndGet() > config.maxConnections()) {
                    admitted.decrementAndGet();
                    Thread.ofVirtual().name(name + "-refuse").start(() -> refuse(socket));
                } else {
                    Thread.ofVirtual().name(name + "-init").start(() -> serve(socket));
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                if (open.get()) {
                    LOG.log(Level.WARNING, name + ": accept failed", e);
                }
            }
        }
    }

    /**
     * Tells a client beyond {@link HbiConfig#maxConnections()} that the server is busy, in a classic
     * {@code err} packet (an AUTO client falls back to the classic wire and reads it), and closes.
     */
    private void refuse(SocketChannel socket) {
        String reason = "server busy: " + Connection.describe(address) + " serves at most " + config.maxConnections()
                + " connections at once";
        LOG.log(Level.WARNING, name + ": refused a connection: " + reason);
        try (socket) {
            socket.configureBlocking(true);
            ByteBuffer err = PacketEncoder.encode(Directive.ERR, reason);
            while (err.hasRemaining() && socket.write(err) > 0) {
                // a fresh socket's send buffer takes a short packet at once
            }
            socket.shutdownOutput();
            drainBriefly(socket);
        } catch (IOException gone) {
            // the client went away first
        }
    }

    /**
     * Reads what the client sent until it closes, for a second at most: closing a socket with unread bytes
     * resets it, and a reset may destroy the refusal before the client reads it.
     */
    private static void drainBriefly(SocketChannel socket) throws IOException {
        try {
            socket.socket().setSoTimeout(1000);
            socket.socket().getInputStream().skip(Long.MAX_VALUE);
        } catch (UnsupportedOperationException unixDomain) {
            // no timed reads on a Unix-domain socket: close at once
        } catch (java.net.SocketTimeoutException quietClient) {
            // the client neither sent more nor closed: close now
        }
    }

    private void serve(SocketChannel socket) {
        Connection connection;
        try {
            Sockets.configure(socket);
            if (config.security().isEnabled()) {
                Handshakes.Secured secured = Handshakes.accepted(socket, config);
                connection = Connection.start(secured.wire(), envFactory.get(), config,
                        new Connection.Protocol(secured.agreed(), false, ByteBuffer.allocate(0), false));
            } else {
                connection = Connection.start(new NioWire(socket), envFactory.get(), config, protocol(socket));
            }
        } catch (HbiAuthenticationException | HbiTimeoutException e) {
            admitted.decrementAndGet();
            LOG.log(Level.WARNING, name + ": " + e.getMessage());
            closeQuietly(socket);
            return;
        } catch (RuntimeException | IOException e) {
            admitted.decrementAndGet();
            LOG.log(Level.WARNING, name + ": could not set up an accepted connection", e);
            closeQuietly(socket);
            return;
        }
        connections.add(connection);
        connection.disconnected().whenComplete((cause, error) -> {
            connections.remove(connection);
            admitted.decrementAndGet();
        });
        if (!open.get()) {
            connection.close();
            return;
        }
        try {
            connection.init();
        } catch (ConnectionClosedException e) {
            LOG.log(Level.DEBUG, () -> connection.name() + ": " + e.getMessage());
        }
    }

    /** Decides the wire of an accepted connection: as configured, or by the client's first byte (§10). */
    private Connection.Protocol protocol(SocketChannel socket) throws IOException {
        if (config.wire() != HbiConfig.Wire.AUTO) {
            return new Connection.Protocol(config.wire(), false, ByteBuffer.allocate(0), false);
        }
        ByteBuffer first = Sniffer.firstBytes(socket, config.detectionWindow());
        boolean mux = first.hasRemaining() && first.get(0) == Preface.FIRST_BYTE;
        return new Connection.Protocol(mux ? HbiConfig.Wire.MULTIPLEXED : HbiConfig.Wire.CLASSIC, false, first, false);
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the socket is unusable anyway
        }
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public Set<HbiConnection> connections() {
        return Set.copyOf(connections);
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, name + ": closing the listener failed", e);
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            try {
                Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                LOG.log(Level.WARNING, name + ": could not delete " + unix.getPath(), e);
            }
        }
        List<Thread> closers = connections.stream()
                .map(c -> Thread.ofVirtual().start(c::close))
                .toList();
        for (Thread t : closers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name + "[" + Connection.describe(address) + "]";
    }
}
