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
     * Abandons the conversation (multiplexed wire): the peer is told (RESET with CANCEL and the reason)
     * and stops its part, threads blocked on this conversation fail with
     * {@link ConversationResetException}, and whatever still arrives is dropped. The connection and the
     * other conversations are not affected.
     *
     * @param reason what the peer is told
     * @throws UnsupportedOperationException on the classic wire, which has no way to tell the peer; close
     *                                       the conversation, or disconnect
     */
    void cancel(String reason);

    /**
     * Ends this side of the conversation. Never throws because the peer is slow: what is left of the
     * answer is landed in the background.
     *
     * @throws ConnectionClosedException if the connection failed before the conversation could end
     */
    @Override
    void close();
}
