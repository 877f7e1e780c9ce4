package dev.hbi.internal;

import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Credit to send DATA and CODE bytes on the multiplexed wire (docs/wire-protocol.md §6.2): one per
 * conversation and one for the connection. Senders take credit, waiting (with a deadline) when there is
 * none; the peer's WINDOW_UPDATE frames give it back. Waiting happens here, never while the writer's lock
 * is held.
 *
 * <p>Threading: any thread. {@code lock} guards {@code available} and {@code closed}.
 */
final class SendWindow {

    private static final long MAX = Integer.MAX_VALUE;

    private final Supplier<String> name; // built only for messages
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition credited = lock.newCondition();
    private long available; // guarded by lock
    private Supplier<RuntimeException> closed; // guarded by lock
    private Supplier<RuntimeException> starved; // guarded by lock: no credit will come any more

    /**
     * Creates a window.
     *
     * @param name    what it is the window of, for messages
     * @param initial the initial credit
     */
    SendWindow(Supplier<String> name, long initial) {
        this.name = name;
        this.available = initial;
    }

    /**
     * Takes up to {@code wanted} bytes of credit, waiting until at least one is there.
     *
     * @param wanted   the most wanted, at least 1
     * @param deadline when to give up
     * @return the credit taken, from 1 to {@code wanted}
     */
    int acquire(int wanted, Deadline deadline) {
        lock.lock();
        try {
            while (available <= 0 && closed == null) {
                if (starved != null) {
                    throw starved.get();
                }
                deadline.await(lock, credited, () -> "flow-control credit of " + name.get() + " (the peer has not read what was sent)");
            }
            if (closed != null) {
                throw closed.get();
            }
            int taken = (int) Math.min(wanted, available);
            available -= taken;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives credit: a WINDOW_UPDATE from the peer, or credit taken and not used.
     *
     * @param increment the credit
     * @throws HbiProtocolException with FLOW_CONTROL_ERROR if the window would exceed 2^31 - 1 (§6.4)
     */
    void release(long increment) {
        lock.lock();
        try {
            if (available + increment > MAX) {
                throw new HbiProtocolException(ErrorCode.FLOW_CONTROL_ERROR, "a WINDOW_UPDATE of " + increment
                        + " would make the send window of " + name.get() + " larger than 2^31 - 1 (wire-protocol.md §6.4)");
            }
            available += increment;
            credited.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells the window that no credit will come any more (the peer closed its side, so no WINDOW_UPDATE can
     * arrive): credit still there may be used, but whoever would wait for more fails at once.
     *
     * @param refusal makes the exception they get
     */
    void starve(Supplier<RuntimeException> refusal) {
        lock.lock();
        try {
            starved = refusal;
            credited.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses credit from now on; waiters fail.
     *
     * @param refusal makes the exception waiters get
     */
    void close(Supplier<RuntimeException> refusal) {
        lock.lock();
        try {
            if (closed == null) {
                closed = refusal;
            }
            credited.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
