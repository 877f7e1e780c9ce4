package dev.hbi.internal;

import java.nio.ByteBuffer;

/**
 * What a conversation needs from the wire it runs on; one implementation per wire protocol. The
 * conversation classes keep the stages and the landing, the wire keeps the bytes. Called by one
 * thread at a time (the conversation serialises its operations).
 */
interface ConversationWire {

    /**
     * Returns the conversation's id on the wire.
     *
     * @return the id
     */
    String id();

    /**
     * Sends code, as plain code or as an object.
     *
     * @param object   {@code true} for an object the peer receives with {@code recvObj}
     * @param code     the code, never empty
     * @param deadline when to give up waiting for room to send
     */
    void send(boolean object, String code, Deadline deadline);

    /**
     * Sends binary data; returns when the buffer can be reused.
     *
     * @param data     the data between position and limit
     * @param deadline when to give up
     */
    void sendData(ByteBuffer data, Deadline deadline);

    /**
     * Receives the next item.
     *
     * @param deadline when to give up
     * @return the item
     */
    Incoming receive(Deadline deadline);

    /**
     * Receives binary data until the buffer is full.
     *
     * @param into     the buffer
     * @param deadline when to give up
     */
    void receiveData(ByteBuffer into, Deadline deadline);

    /**
     * Gives up on the conversation because of a failure on this side (a landing error, a protocol
     * violation by the peer), telling the peer the reason. On the classic wire this ends the
     * connection, as the reference does (hbi-wire-reference §5).
     *
     * @param reason what the peer is told
     * @param error  the failure, for logs
     */
    void fail(String reason, Throwable error);

    /**
     * Abandons the conversation, telling the peer (multiplexed wire: RESET CANCEL).
     *
     * @param reason what the peer is told
     * @throws UnsupportedOperationException on the classic wire
     */
    void cancel(String reason);
}
