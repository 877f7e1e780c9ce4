package dev.hbi.internal;

import dev.hbi.Conversation.Stage;
import dev.hbi.HbiConnection;
import dev.hbi.HbiProtocolException;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.Repr;
import dev.hbi.internal.convert.Conversions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What posting and hosting conversations share: stage checks, sending code, objects and data, and
 * receiving objects by landing what arrives. The wire-specific part is the {@link ConversationWire}.
 *
 * <p>Threading: every public operation holds {@code operation} (a {@link ReentrantLock}, so a virtual
 * thread blocked in it does not pin its carrier) for its whole duration, so operations on one
 * conversation never interleave; code landed during an operation may call back into it on the same
 * thread. {@code stage} is written under the lock and read without it.
 */
abstract sealed class ConversationBase permits PostingConversationImpl, HostingConversationImpl {

    final Connection connection;
    final ConversationWire wire;
    final ReentrantLock operation = new ReentrantLock();
    volatile Stage stage;
    /** The conversation's own deadline, which bounds every wait of it; {@code null} for none. */
    private volatile Deadline limit;

    ConversationBase(Connection connection, ConversationWire wire, Stage stage) {
        this.connection = connection;
        this.wire = wire;
        this.stage = stage;
    }

    /** Names the conversation in messages: {@code "posting conversation 101"}. */
    abstract String describe();

    /** The environment landed code is landed in. */
    abstract HostingEnv landingEnv();

    /** The hosting conversation landed code belongs to, or {@code null}. */
    abstract HostingConversation hostingSelf();

    /**
     * Called when the peer sends nothing more in this conversation during a receive.
     *
     * @return the exception {@code recvObj} throws
     */
    abstract RuntimeException peerEnded();

    public String id() {
        return wire.id();
    }

    public Stage stage() {
        return stage;
    }

    public HbiConnection connection() {
        return connection;
    }

    final void requireStage(Stage expected, String operationName) {
        Stage now = stage;
        if (now != expected) {
            throw new IllegalStateException(describe() + " is in its " + now + " stage; " + operationName
                    + " needs the " + expected + " stage");
        }
    }

    /**
     * Bounds every wait of this conversation from now on by a deadline of its own.
     *
     * @param deadline the conversation's deadline
     */
    final void limit(Deadline deadline) {
        limit = deadline;
    }

    final Deadline sendDeadline() {
        return bounded(connection.config().sendTimeout());
    }

    final Deadline recvDeadline() {
        return bounded(connection.config().recvTimeout());
    }

    /** The deadline of a wait of the given timeout, but no later than the conversation's own. */
    final Deadline bounded(Duration timeout) {
        return Deadline.after(timeout).earlier(limit);
    }

    public void sendCode(String code) {
        send(false, code, "sendCode");
    }

    public void sendObj(String code) {
        send(true, code, "sendObj");
    }

    public void sendValue(Object value) {
        send(true, Repr.repr(value), "sendValue");
    }

    private void send(boolean object, String code, String operationName) {
        Objects.requireNonNull(code, "code");
        operation.lock();
        try {
            requireStage(Stage.SEND, operationName);
            // hbi-wire-reference §1.3: never a zero-length packet; Python lands an empty one as None
            wire.send(object, code.isEmpty() ? "None" : code, sendDeadline());
        } finally {
            operation.unlock();
        }
    }

    public void sendData(ByteBuffer data) {
        sendData(java.util.List.of(data));
    }

    public void sendData(ByteBuffer... data) {
        sendData(java.util.Arrays.asList(data));
    }

    public void sendData(Iterable<ByteBuffer> data) {
        operation.lock();
        try {
            requireStage(Stage.SEND, "sendData");
            for (ByteBuffer buffer : data) {
                if (buffer.hasRemaining()) {
                    wire.sendData(buffer, sendDeadline());
                }
            }
        } finally {
            operation.unlock();
        }
    }

    public Object recvObj() {
        return recvObj(connection.config().recvTimeout());
    }

    public <T> T recvObj(Class<T> type) {
        return Conversions.convert(recvObj(), type, "the object received by " + describe());
    }

    public Object recvObj(Duration timeout) {
        operation.lock();
        try {
            requireStage(Stage.RECV, "recvObj");
            Deadline deadline = bounded(timeout);
            while (true) {
                Incoming in = wire.receive(deadline);
                switch (in.kind()) {
                    case CODE -> land(in.code());
                    case OBJECT -> {
                        return land(in.code());
                    }
                    case END -> throw peerEnded();
                    default -> throw new AssertionError(in.kind());
                }
            }
        } finally {
            operation.unlock();
        }
    }

    public void recvData(ByteBuffer into) {
        recvData(java.util.List.of(into));
    }

    public void recvData(ByteBuffer... into) {
        recvData(java.util.Arrays.asList(into));
    }

    public void recvData(Iterable<ByteBuffer> into) {
        receiveData(into, connection.config().recvTimeout(), true);
    }

    public void recvData(ByteBuffer into, Duration timeout) {
        receiveData(java.util.List.of(into), timeout, false);
    }

    /**
     * Fills buffers with the peer's data.
     *
     * @param into      the buffers
     * @param timeout   how long to wait
     * @param perBuffer whether each buffer gets the whole timeout, or all of them together
     */
    private void receiveData(Iterable<ByteBuffer> into, Duration timeout, boolean perBuffer) {
        operation.lock();
        try {
            requireStage(Stage.RECV, "recvData");
            Deadline whole = bounded(timeout);
            for (ByteBuffer buffer : into) {
                if (buffer.isReadOnly()) {
                    // the reader thread fills the buffer: failing there would end the connection
                    throw new IllegalArgumentException("recvData needs writable buffers, not a read-only " + buffer);
                }
                if (buffer.hasRemaining()) {
                    wire.receiveData(buffer, perBuffer ? bounded(timeout) : whole);
                }
            }
        } finally {
            operation.unlock();
        }
    }

    /**
     * Abandons the conversation. Takes no operation lock: the usual caller wants to wake a thread that is
     * blocked in an operation of this conversation.
     *
     * @param reason what the peer is told
     */
    public void cancel(String reason) {
        Objects.requireNonNull(reason, "reason");
        wire.cancel(reason);
        stage = Stage.CLOSED;
        cancelled(reason);
    }

    /**
     * Called once the conversation was cancelled here.
     *
     * @param reason why
     */
    void cancelled(String reason) {
    }

    /**
     * Lands code in this conversation's environment. A failure is this side's landing error: the wire
     * reports it to the peer before it is rethrown.
     *
     * @param code the code
     * @return the landed value
     */
    final Object land(String code) {
        try {
            return landingEnv().lander().land(code, new ConversationContext(connection, landingEnv(), hostingSelf()));
        } catch (LandingException e) {
            wire.fail("landing error in " + describe() + ": " + e.getMessage(), e);
            throw e;
        }
    }

    /**
     * Reports a peer's protocol violation seen by this conversation and returns it to throw.
     *
     * @param message what the peer did wrong
     * @return the exception
     */
    final HbiProtocolException violation(String message) {
        HbiProtocolException e = new HbiProtocolException(message);
        wire.fail(message, e);
        return e;
    }

    @Override
    public String toString() {
        return describe() + " [" + stage + "] on " + connection.name();
    }
}
