package dev.hbi;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A conversation this side starts: it sends a request (code, objects, binary data), then, if it wants an
 * answer, {@linkplain #startRecv() starts receiving} and receives objects and data, then closes.
 *
 * <pre>{@code
 * try (PostingConversation co = conn.postingEnd().newConversation()) {
 *     co.sendCode("my_name = 'Nick'\nhello()");
 *     co.startRecv();
 *     String greeting = co.recvObj(String.class);
 * }
 * }</pre>
 *
 * <p>Calls block, and are meant for virtual threads. Each waits at most for the deadline in
 * {@link HbiConfig} or the one given, and is woken at once if the connection ends. A call in the wrong
 * stage throws {@link IllegalStateException} naming the stage. One thread at a time should use a
 * conversation; many threads can each use their own.
 */
public non-sealed interface PostingConversation extends Conversation {

    /**
     * Sends code for the peer to land for its side effects: {@code SetNick('bob')}.
     *
     * @param code the code; empty code is sent as {@code None}
     * @throws IllegalStateException if not in the send stage
     */
    void sendCode(String code);

    /**
     * Sends code whose landed value the peer's hosting conversation receives with
     * {@link HostingConversation#recvObj()}.
     *
     * @param code the code, such as {@code "[1, 2, 3]"}; empty code is sent as {@code None}
     * @throws IllegalStateException if not in the send stage
     */
    void sendObj(String code);

    /**
     * Sends a value as an object: {@code sendObj(Repr.repr(value))}.
     *
     * @param value the value; see {@link Repr} for what can be sent
     * @throws IllegalStateException    if not in the send stage
     * @throws IllegalArgumentException if the value has no literal form
     */
    void sendValue(Object value);

    /**
     * Sends binary data. The peer must know how many bytes to expect, usually from the code sent
     * before it. Returns once the buffer can be reused; its position is advanced to its limit.
     *
     * @param data the bytes between the buffer's position and limit
     * @throws IllegalStateException if not in the send stage
     */
    void sendData(ByteBuffer data);

    /**
     * Sends binary data from several buffers, in order.
     *
     * @param data the buffers
     * @throws IllegalStateException if not in the send stage
     */
    void sendData(ByteBuffer... data);

    /**
     * Sends binary data from a sequence of buffers, taken one at a time so that the sequence can
     * produce them as it goes (read from a file, computed).
     *
     * @param data the buffers
     * @throws IllegalStateException if not in the send stage
     */
    void sendData(Iterable<ByteBuffer> data);

    /**
     * Ends the send stage and starts the receive stage: the peer now answers. On the classic wire this
     * releases the wire for the next conversation to send.
     *
     * @throws IllegalStateException if not in the send stage
     */
    void startRecv();

    /**
     * Receives the next object of the answer: lands the code the peer sent as an object and returns its
     * value. Code the peer sends before it is landed on the way, for its side effects.
     *
     * @return the landed value
     * @throws IllegalStateException       if not in the receive stage
     * @throws ConversationEndedException  if the peer completed the answer without another object
     * @throws LandingException            if the object could not be landed here
     * @throws HbiTimeoutException         if nothing came within the receive timeout
     */
    Object recvObj();

    /**
     * Receives the next object, waiting at most the given time.
     *
     * @param timeout how long to wait
     * @return the landed value
     * @throws HbiTimeoutException if nothing came in time
     */
    Object recvObj(Duration timeout);

    /**
     * Receives the next object and converts it to a type.
     *
     * @param type the wanted type
     * @param <T>  the wanted type
     * @return the converted value
     * @throws IllegalArgumentException if the value cannot be converted
     */
    <T> T recvObj(Class<T> type);

    /**
     * Receives binary data until the buffer is full (from its position to its limit).
     *
     * @param into the buffer
     * @throws IllegalStateException if not in the receive stage
     */
    void recvData(ByteBuffer into);

    /**
     * Receives binary data until the buffer is full, waiting at most the given time for all of it.
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
     * Receives binary data into several buffers, filling each in order.
     *
     * @param into the buffers
     * @throws IllegalStateException if not in the receive stage
     */
    void recvData(ByteBuffer... into);

    /**
     * Receives binary data into a sequence of buffers, taken one at a time.
     *
     * @param into the buffers
     * @throws IllegalStateException if not in the receive stage
     */
    void recvData(Iterable<ByteBuffer> into);

    /**
     * Waits until the peer has completed the conversation: it has landed the request and sent all of
     * its answer, and this side has landed that.
     *
     * @throws HbiTimeoutException        if that did not happen within the receive timeout
     * @throws ConnectionClosedException  if the connection ended first
     */
    void awaitCompleted();

    /**
     * Waits at most the given time until the peer has completed the conversation.
     *
     * @param timeout how long to wait
     * @throws HbiTimeoutException        if that did not happen in time
     * @throws ConnectionClosedException  if the connection ended first
     */
    void awaitCompleted(Duration timeout);

    /**
     * Returns a stage that completes when the peer has completed the conversation, or completes
     * exceptionally with {@link ConnectionClosedException} if the connection ends first.
     *
     * @return the completion
     */
    CompletionStage<Void> completion();
}
