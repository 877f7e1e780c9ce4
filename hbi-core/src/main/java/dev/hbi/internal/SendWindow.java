package dev.hbi.internal;

import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Credit to send DATA and CODE bytes on the multiplexed wire (docs/wire-protocol.md §6.2): one per
 * conversation and one for the connection. Senders take credit, waiting (with a deadline) when there is
 * none; the peer's WINDOW_UPDATE frames give it back. Waiting happens here, never while the writer's lock
 * is held.
 *
 * <p>Why lock-free while there is credit: every frame of every conversation takes credit from its own
 * window and from the connection's, which all conversations share; taking that window's lock twice per
 * frame bounced its cache line between the cores. Now taking and giving credit is one compare-and-set on
 * {@code available}, and the lock serves only senders that wait for credit and those that wake them. While
 * some wait, newcomers take the lock too, as every sender did before, and compete with the woken waiters
 * on its queue: taking credit without it, they could starve a waiting sender until its deadline.
 *
 * <p>Threading: any thread. {@code available} changes only by compare-and-set. {@code lock} guards
 * waiting on {@code credited}, counts the waiters in {@code waiters}, and is taken to set {@code closed}
 * and {@code starved}. No lost wake-up: a waiter counts itself before it looks at the credit, and a giver
 * adds credit before it looks at the count, so one of them sees the other.
 */
final class SendWindow {

    private static final long MAX = Integer.MAX_VALUE;
    private static final VarHandle AVAILABLE;

    static {
        try {
            AVAILABLE = MethodHandles.lookup().findVarHandle(SendWindow.class, "available", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Supplier<String> name; // built only for messages
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition credited = lock.newCondition();
    private volatile long available;
    private volatile int waiters; // changed under lock
    private volatile Supplier<RuntimeException> closed; // set under lock
    private volatile Supplier<RuntimeException> starved; // set under lock: no credit will come any more

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
        if (wanted < 1) {
            throw new IllegalArgumentException("credit wanted must be at least 1, not " + wanted);
        }
        if (waiters == 0) {
            int taken = take(wanted);
            if (taken > 0) {
                return taken;
            }
        }
        // with the senders that already wait, on the lock's queue
        return awaitCredit(wanted, deadline);
    }

    /** Takes what credit there is, up to {@code wanted}, without waiting: 0 if none. */
    private int take(int wanted) {
        while (true) {
            Supplier<RuntimeException> refusal = closed;
            if (refusal != null) {
                throw refusal.get();
            }
            long a = available;
            if (a <= 0) {
                return 0;
            }
            int taken = (int) Math.min(wanted, a);
            if (AVAILABLE.compareAndSet(this, a, a - taken)) {
                return taken;
            }
        }
    }

    private int awaitCredit(int wanted, Deadline deadline) {
        lock.lock();
        waiters++;
        try {
            while (true) {
                int taken = take(wanted);
                if (taken > 0) {
                    return taken;
                }
                Supplier<RuntimeException> none = starved;
                if (none != null) {
                    throw none.get();
                }
                deadline.await(lock, credited, () -> "flow-control credit of " + name.get()
                        + " (the peer has not read what was sent)");
            }
        } finally {
            waiters--;
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
        while (true) {
            long a = available;
            if (a + increment > MAX) {
                throw new HbiProtocolException(ErrorCode.FLOW_CONTROL_ERROR, "a WINDOW_UPDATE of " + increment
                        + " would make the send window of " + name.get() + " larger than 2^31 - 1 (wire-protocol.md §6.4)");
            }
            if (AVAILABLE.compareAndSet(this, a, a + increment)) {
                break;
            }
        }
        if (waiters > 0) {
            signalWaiters();
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

    private void signalWaiters() {
        lock.lock();
        try {
            credited.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
