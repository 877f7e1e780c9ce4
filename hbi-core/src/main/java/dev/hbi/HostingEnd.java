package dev.hbi;

import java.net.SocketAddress;

/**
 * The side of a connection that serves the peer's conversations.
 */
public interface HostingEnd {

    /**
     * Returns the connection's hosting environment.
     *
     * @return the environment
     */
    HostingEnv env();

    /**
     * Returns the hosting conversation whose code the calling thread is landing: what an exposed
     * function calls to answer, like the reference's {@code ho.co()}.
     *
     * @return the conversation
     * @throws IllegalStateException if the calling thread is not landing a request of the peer
     */
    HostingConversation currentConversation();

    /**
     * Returns this side's address.
     *
     * @return the local address
     */
    SocketAddress localAddress();

    /**
     * Returns the connection.
     *
     * @return the connection
     */
    HbiConnection connection();

    /**
     * Closes the connection, telling the peer why: {@link HbiConnection#disconnect(String)}.
     *
     * @param reason the reason sent to the peer
     */
    void disconnect(String reason);
}
