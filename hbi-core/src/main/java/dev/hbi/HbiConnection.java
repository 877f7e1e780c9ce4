package dev.hbi;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One connection between two HBI peers. Each side has a {@link #postingEnd() posting end} to start
 * conversations and a {@link #hostingEnd() hosting end} that serves the peer's.
 *
 * <p>Made by {@link Hbi#connect}, by an {@link HbiServer} for each accepted peer, or by
 * {@link Hbi#adopt}. Safe to use from any number of threads.
 */
public interface HbiConnection extends AutoCloseable {

    /**
     * Returns a short name for logs and thread names, such as {@code hbi-7}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the side that starts conversations.
     *
     * @return the posting end
     */
    PostingEnd postingEnd();

    /**
     * Returns the side that serves the peer's conversations.
     *
     * @return the hosting end
     */
    HostingEnd hostingEnd();

    /**
     * Returns the hosting environment of this connection.
     *
     * @return the environment
     */
    HostingEnv env();

    /**
     * Returns the settings this connection runs with.
     *
     * @return the settings
     */
    HbiConfig config();

    /**
     * Returns the wire protocol this connection speaks.
     *
     * @return the wire
     */
    HbiConfig.Wire wire();

    /**
     * Returns the peer's address.
     *
     * @return the remote address
     */
    SocketAddress remoteAddress();

    /**
     * Returns this side's address.
     *
     * @return the local address
     */
    SocketAddress localAddress();

    /**
     * Tells whether the connection is still up.
     *
     * @return {@code false} once it has begun to close
     */
    boolean isConnected();

    /**
     * Closes the connection because of an error, telling the peer the reason first (an {@code err}
     * packet on the classic wire). Conversations in flight fail with {@link ConnectionClosedException}.
     * Returns when the connection is down and the cleanup hook has run, or the close timeout passed.
     *
     * @param reason the reason sent to the peer
     */
    void disconnect(String reason);

    /**
     * Starts closing the connection gracefully and returns at once: from now on no new conversation
     * starts here, and the peer's new ones are refused (on the multiplexed wire the peer is told, with
     * GOAWAY, and refuses too). The conversations in flight may finish for at most {@code timeout}; then the
     * connection closes. A conversation opened meanwhile fails with {@link ConversationResetException}
     * and {@link ErrorCode#REFUSED_CONVERSATION}.
     *
     * @param timeout how long conversations in flight may take to finish
     * @return a stage that completes with the cause when the connection is down
     */
    CompletionStage<DisconnectCause> shutdown(Duration timeout);

    /**
     * Closes the connection: what was already sent is flushed, conversations in flight fail with
     * {@link ConnectionClosedException}. Returns when the connection is down and the cleanup hook has run,
     * or the close timeout passed. Closing again does nothing.
     */
    @Override
    void close();

    /**
     * Returns why the connection ended.
     *
     * @return the cause, once the connection has begun to close
     */
    Optional<DisconnectCause> disconnectCause();

    /**
     * Returns a stage that completes with the cause when the connection is down and its cleanup hook
     * has run.
     *
     * @return the stage
     */
    CompletionStage<DisconnectCause> disconnected();

    /**
     * Waits until the connection is down and its cleanup hook has run.
     *
     * @param timeout how long to wait
     * @return the cause
     * @throws HbiTimeoutException if the connection is still up after the timeout
     */
    DisconnectCause awaitDisconnected(Duration timeout);
}
