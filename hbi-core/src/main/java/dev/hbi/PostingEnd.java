package dev.hbi;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The side of a connection that starts conversations with the peer.
 */
public interface PostingEnd {

    /**
     * Opens a posting conversation, in its send stage. On the classic wire this waits for the turn to
     * send: one conversation sends at a time.
     *
     * @return the conversation; close it when done
     * @throws ConnectionClosedException if the connection has ended
     * @throws HbiTimeoutException       if the turn did not come within the send timeout
     */
    PostingConversation newConversation();

    /**
     * Opens a posting conversation whose answer is landed in the given environment instead of the
     * connection's.
     *
     * @param env the environment for the answer's code
     * @return the conversation
     */
    PostingConversation newConversation(HostingEnv env);

    /**
     * Opens a posting conversation that must be over within a time: every blocking call of it (waiting for
     * the turn to send, for flow-control credit, for the answer) waits at most until then, and fails with
     * an {@link HbiTimeoutException} once the time is up. Close or {@link Conversation#cancel cancel} it
     * after a timeout: on the multiplexed wire that tells the peer to stop working on it.
     *
     * @param timeout how long the conversation may take, from now
     * @return the conversation
     * @throws HbiTimeoutException if the turn to send did not come in time
     */
    PostingConversation newConversation(Duration timeout);

    /**
     * Sends code as a fire-and-forget notification: a conversation with only this code in it. Returns
     * once it is sent; the returned conversation tells when the peer has completed it.
     *
     * @param code the code
     * @return the closed conversation, to {@link PostingConversation#awaitCompleted() await} if wanted
     */
    PostingConversation notify(String code);

    /**
     * Sends code followed by binary data as a fire-and-forget notification.
     *
     * @param code the code, which tells the peer how many bytes follow
     * @param data the data
     * @return the closed conversation, to {@link PostingConversation#awaitCompleted() await} if wanted
     */
    PostingConversation notifyData(String code, ByteBuffer... data);

    /**
     * Sends code as a notification that the peer lands after every notification sent before it by this
     * method on this connection (from any thread), and before every one sent after it. The code has no
     * conversation to answer on: a function it calls must not answer, and {@link Args#conversation()}
     * fails there.
     *
     * <p>On the multiplexed wire, with a peer of HBI for Java, this is the cheapest way to send: the code
     * goes in one frame without a conversation, the call returns once it is queued (waiting only when the
     * peer is a whole connection window behind in landing), and the peer lands these notifications one at
     * a time on one thread, acknowledging many in one frame (docs/wire-protocol.md §12). With other
     * peers, and on the classic wire, each is sent as {@link #notify(String)} and the call returns once the
     * peer has completed it, so that the next one cannot overtake it (unless that wait times out: the
     * receive timeout).
     *
     * <p>The peer lands ordered notifications one after another, so code landed from one should not wait
     * for this side: the ones behind it wait too, and so, once the peer's notification window is full,
     * does this side's sender.
     *
     * @param code the code
     * @return completes once the peer has landed it; exceptionally with {@link PeerLandingException} if it
     *         failed to land there, or with {@link ConnectionClosedException} if the connection ended
     *         before the peer said
     * @throws ConnectionClosedException   if the connection has ended
     * @throws ConversationResetException  with {@code REFUSED_CONVERSATION} if either side is shutting down
     * @throws HbiTimeoutException         if there was no room to send it within the send timeout
     * @throws IllegalArgumentException    if the code is longer than one frame may carry to the peer
     */
    CompletionStage<Void> notifyInOrder(String code);

    /**
     * Returns an implementation of an interface whose calls post scripts to the peer: {@code
     * chat.setNick("bob")} posts {@code SetNick('bob')} (the name from {@link Expose#value()}, or the
     * method's), waits for the answer and converts it to the return type. See {@link Expose} for
     * notifications, binary data and asynchronous calls. Each call waits at most the receive timeout of
     * the connection's {@link HbiConfig}.
     *
     * @param type the interface
     * @param <T>  the interface
     * @return the proxy; safe to use from many threads
     * @throws IllegalArgumentException if {@code type} is not an interface
     */
    <T> T proxy(Class<T> type);

    /**
     * Returns a proxy whose calls each wait at most the given time for their answer.
     *
     * @param type    the interface
     * @param timeout how long each call may wait
     * @param <T>     the interface
     * @return the proxy
     */
    <T> T proxy(Class<T> type, java.time.Duration timeout);

    /**
     * Returns the peer's address.
     *
     * @return the remote address
     */
    SocketAddress remoteAddress();

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
