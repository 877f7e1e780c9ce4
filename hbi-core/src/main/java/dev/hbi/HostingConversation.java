package dev.hbi;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A conversation the peer started, seen from the hosting side. Its code is landed on the conversation's
 * own virtual thread; an exposed function reaches it with {@link Args#conversation()} or
 * {@link HostingEnd#currentConversation()}.
 *
 * <p>Stages: {@code RECV} while the request arrives (the function may receive objects and data sent
 * after the code that called it), {@code WORK} after {@link #finishRecv()} (on the classic wire the peer
 * can then send the next request), {@code SEND} after {@link #startSend()} (the answer: code, objects,
 * data), {@code CLOSED}. The conversation closes when the function that ended its receive stage returns,
 * or on {@link #close()}; an empty answer is sent if none was.
 *
 * <pre>{@code
 * env.exposeProcedure("echo_data", args -> {
 *     HostingConversation co = args.conversation();
 *     ByteBuffer buf = ByteBuffer.allocate(args.intValue(0));
 *     co.recvData(buf);
 *     co.startSend();
 *     co.sendData(buf.flip());
 * });
 * }</pre>
 */
public non-sealed interface HostingConversation extends Conversation {

    /**
     * Receives the next object of the request: lands the code the peer sent with {@code sendObj}.
     *
     * @return the landed value
     * @throws IllegalStateException if not in the receive stage
     */
    Object recvObj();

    /**
     * Receives the next object of the request, waiting at most the given time.
     *
     * @param timeout how long to wait
     * @return the landed value
     */
    Object recvObj(Duration timeout);

    /**
     * Receives the next object of the request and converts it to a type.
     *
     * @param type the wanted type
     * @param <T>  the wanted type
     * @return the converted value
     */
    <T> T recvObj(Class<T> type);

    /**
     * Receives binary data of the request until the buffer is full.
     *
     * @param into the buffer
     * @throws IllegalStateException if not in the receive stage
     */
    void recvData(ByteBuffer into);

    /**
     * Receives binary data of the request until the buffer is full, waiting at most the given time for
     * all of it.
     *
     * <p>On the multiplexed wire the reader reads a large frame's bytes from the socket straight into a
     * direct buffer whose owner waits for them. If the wait ends (timeout, cancel) while such a read is
     * under way, this returns once the read does: at once while the peer sends, and at most the
     * connection's {@code recvTimeout} after the frame began if the peer stalls in its middle (the
     * connection then ends). Bytes that read brought are in the buffer.
     *
     * @param into    the buffer to fill, writable
     * @param timeout how long to wait
     * @throws HbiTimeoutException      if the data did not all come in time; on the classic wire the
     *                                  connection then ends, since the rest of the data would be read as packets
     * @throws IllegalArgumentException if the buffer is read-only
     */
    void recvData(ByteBuffer into, Duration timeout);

    /**
     * Receives binary data of the request into several buffers, in order.
     *
     * @param into the buffers
     */
    void recvData(ByteBuffer... into);

    /**
     * Receives binary data of the request into a sequence of buffers, taken one at a time.
     *
     * @param into the buffers
     */
    void recvData(Iterable<ByteBuffer> into);

    /**
     * Ends the receive stage: the rest of the request must be its end. Call it before slow work, so
     * that (on the classic wire) the next request can be received meanwhile and answers can come back
     * out of order.
     *
     * @throws IllegalStateException if not in the receive stage, or the request has more in it
     */
    void finishRecv();

    /**
     * Starts the answer: finishes receiving if needed, then waits for the turn to send.
     *
     * @throws IllegalStateException if already sending or closed
     */
    void startSend();

    /**
     * Sends code for the peer to land for its side effects (a back-script).
     *
     * @param code the code; empty code is sent as {@code None}
     * @throws IllegalStateException if not in the send stage
     */
    void sendCode(String code);

    /**
     * Sends code whose landed value the peer's posting conversation receives with
     * {@link PostingConversation#recvObj()}.
     *
     * @param code the code
     * @throws IllegalStateException if not in the send stage
     */
    void sendObj(String code);

    /**
     * Sends a value as an object: {@code sendObj(Repr.repr(value))}.
     *
     * @param value the value
     * @throws IllegalStateException    if not in the send stage
     * @throws IllegalArgumentException if the value has no literal form
     */
    void sendValue(Object value);

    /**
     * Sends binary data of the answer.
     *
     * @param data the bytes between the buffer's position and limit
     * @throws IllegalStateException if not in the send stage
     */
    void sendData(ByteBuffer data);

    /**
     * Sends binary data of the answer from several buffers.
     *
     * @param data the buffers
     */
    void sendData(ByteBuffer... data);

    /**
     * Sends binary data of the answer from a sequence of buffers, taken one at a time.
     *
     * @param data the buffers
     */
    void sendData(Iterable<ByteBuffer> data);

    /**
     * Lands the rest of this conversation's code in another environment, such as one made with
     * {@link HostingEnv#augment}.
     *
     * @param env the environment
     */
    void env(HostingEnv env);

    /**
     * Returns the environment this conversation's code is landed in.
     *
     * @return the effective environment
     */
    HostingEnv env();
}
