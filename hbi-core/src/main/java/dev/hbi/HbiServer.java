package dev.hbi;

import java.net.SocketAddress;
import java.util.Set;

/**
 * Accepts connections on a TCP or Unix-domain socket and serves each with a new hosting environment
 * from the factory it was given. Each connection is initialised on its own virtual thread, so a slow
 * {@link InitHook} never holds up accepting.
 */
public interface HbiServer extends AutoCloseable {

    /**
     * Returns the address the server listens on (with the actual port if port 0 was asked for).
     *
     * @return the bound address
     */
    SocketAddress address();

    /**
     * Returns the connections that are up now.
     *
     * @return a snapshot of the live connections
     */
    Set<HbiConnection> connections();

    /**
     * Tells whether the server still accepts connections.
     *
     * @return {@code false} once closed
     */
    boolean isOpen();

    /**
     * Stops accepting and closes every connection (a Unix-domain socket file is deleted).
     */
    @Override
    void close();
}
