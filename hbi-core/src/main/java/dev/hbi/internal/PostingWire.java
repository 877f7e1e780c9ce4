package dev.hbi.internal;

/** The wire side of a posting conversation. */
interface PostingWire extends ConversationWire {

    /**
     * Ends the send stage (classic: {@code co_end}, which also gives the turn to send back).
     *
     * @param deadline when to give up waiting for room to send
     */
    void endSend(Deadline deadline);

    /**
     * Tells the wire the conversation will receive nothing more itself: the rest of the answer goes to
     * {@link PostingConversationImpl#landTail} and {@link PostingConversationImpl#answerEnded}.
     */
    void release();
}
