package dev.hbi;

/**
 * One conversation on a connection: a {@link PostingConversation} started here, or a
 * {@link HostingConversation} started by the peer. Many are in flight on one connection at once and
 * complete in any order.
 */
public sealed interface Conversation extends AutoCloseable permits PostingConversation, HostingConversation {

    /** The stages a conversation goes through; which calls are allowed depends on the stage. */
    enum Stage {
        /** Sending: a posting conversation's first stage, a hosting conversation's answer. */
        SEND,
        /** Receiving: the request (hosting) or the answer (posting). */
        RECV,
        /** A hosting conversation that has received everything and has not started to answer. */
        WORK,
        /** Done: nothing more can be sent or received. */
        CLOSED
    }

    /**
     * Returns the conversation's id on the wire: the classic wire's {@code co_seq}.
     *
     * @return the id
     */
    String id();

    /**
     * Returns the current stage.
     *
     * @return the stage
     */
    Stage stage();

    /**
     * Returns the connection this conversation runs on.
     *
     * @return the connection
     */
    HbiConnection connection();

    /**
     * Ends this side of the conversation. Never throws because the peer is slow: what is left of the
     * answer is landed in the background.
     *
     * @throws ConnectionClosedException if the connection failed before the conversation could end
     */
    @Override
    void close();
}
