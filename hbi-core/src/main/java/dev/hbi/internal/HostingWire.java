package dev.hbi.internal;

/** The wire side of a hosting conversation. */
interface HostingWire extends ConversationWire {

    /**
     * Starts the answer (classic: waits for the turn to send, then {@code co_ack_begin}).
     *
     * @param deadline when to give up
     */
    void startSend(Deadline deadline);

    /**
     * Ends the answer (classic: {@code co_ack_end}, or an empty {@code co_ack_begin}/{@code co_ack_end}
     * pair if nothing was sent).
     *
     * @param started  whether {@link #startSend} was called
     * @param deadline when to give up
     */
    void endSend(boolean started, Deadline deadline);
}
