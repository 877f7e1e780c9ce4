package dev.hbi.internal;

import dev.hbi.ConversationInterruptedException;
import dev.hbi.HbiTimeoutException;
import dev.hbi.internal.wire.Packet;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands the classic wire's inbound stream to the conversation that is receiving (hbi-wire-reference
 * §2.2: one receiver at a time). Only the receiving conversation knows whether the next bytes are a
 * packet or raw data, so it asks, one request at a time, and the reader thread serves: it reads the
 * next packet, or fills the conversation's buffer, and hands the result back. The conversation never
 * touches the socket.
 *
 * <p>Threading: {@link #nextPacket} and {@link #fill} are called by the conversation's thread;
 * {@link #awaitRequest}, {@link #serve} and {@link #letGo} by the reader thread; {@link #fail} by
 * whoever ends the connection. {@code lock} guards every field. A request the reader has taken cannot
 * be taken back (bytes may be half consumed, the buffer half filled), so a conversation that gives up
 * on one ends the connection first ({@code onStuck}) and then waits until the reader has let go of its
 * buffer; closing the wire guarantees that it will.
 */
final class ReceiverTurn {

    /** What {@link #awaitRequest} returns when the conversation asks for the next packet. */
    static final Object NEXT_PACKET = new Object();

    /** What {@link #awaitRequest} returns once the conversation will ask for nothing more. */
    static final Object RELEASED = new Object();

    private static final Object FILLED = new Object();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Runnable onStuck;
    private Object request; // guarded by lock: NEXT_PACKET or the ByteBuffer to fill, until taken
    private boolean serving; // guarded by lock: the reader has taken a request and not finished it
    private Object result; // guarded by lock: a Packet or FILLED
    private boolean released; // guarded by lock
    private RuntimeException failure; // guarded by lock

    /**
     * Creates the turn of one conversation.
     *
     * @param onStuck ends the connection; run when the conversation abandons a request being served
     */
    ReceiverTurn(Runnable onStuck) {
        this.onStuck = onStuck;
    }

    /**
     * Asks for the next packet and waits for it.
     *
     * @param deadline when to give up
     * @param what     what is waited for, for messages
     * @return the packet
     */
    Packet nextPacket(Deadline deadline, String what) {
        return (Packet) exchange(NEXT_PACKET, deadline, what);
    }

    /**
     * Asks for raw data until the buffer is full, and waits for it.
     *
     * @param into     the buffer
     * @param deadline when to give up
     * @param what     what is waited for, for messages
     */
    void fill(ByteBuffer into, Deadline deadline, String what) {
        exchange(into, deadline, what);
    }

    private Object exchange(Object wanted, Deadline deadline, String what) {
        lock.lock();
        try {
            if (failure != null) {
                throw failure;
            }
            request = wanted;
            changed.signalAll();
            while (result == null && (failure == null || serving)) {
                try {
                    deadline.await(lock, changed, () -> what);
                } catch (HbiTimeoutException | ConversationInterruptedException e) {
                    if (request != null) {
                        request = null;
                        throw e;
                    }
                    abandon();
                    throw e;
                }
            }
            if (result == null) {
                throw failure;
            }
            Object served = result;
            result = null;
            return served;
        } finally {
            lock.unlock();
        }
    }

    private void abandon() {
        lock.unlock();
        try {
            onStuck.run();
        } finally {
            lock.lock();
        }
        while (serving) {
            changed.awaitUninterruptibly();
        }
    }

    /**
     * Waits for the conversation's next request and takes it. Called by the reader.
     *
     * @param deadline when the conversation has held the wire too long without asking
     * @param what     who is waited for, for the timeout message
     * @return {@link #NEXT_PACKET}, the {@link ByteBuffer} to fill, or {@link #RELEASED}
     */
    Object awaitRequest(Deadline deadline, String what) {
        lock.lock();
        try {
            while (request == null && !released && failure == null) {
                deadline.await(lock, changed, () -> what);
            }
            if (failure != null) {
                throw failure;
            }
            if (request == null) {
                return RELEASED;
            }
            Object taken = request;
            request = null;
            serving = true;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands the result of the taken request back. Called by the reader.
     *
     * @param packet the packet read, or {@code null} after filling the buffer
     */
    void serve(Packet packet) {
        lock.lock();
        try {
            serving = false;
            result = packet == null ? FILLED : packet;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Tells the conversation the reader no longer touches its buffer, after serving failed. */
    void letGo() {
        lock.lock();
        try {
            serving = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Tells the reader that the conversation will ask for nothing more. */
    void release() {
        lock.lock();
        try {
            released = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fails the turn for good: pending and future requests throw {@code cause}.
     *
     * @param cause why the turn can no longer be served
     */
    void fail(RuntimeException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
