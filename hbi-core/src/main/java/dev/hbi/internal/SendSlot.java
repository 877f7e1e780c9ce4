package dev.hbi.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The classic wire's outbound turn: one conversation at a time sends, from its {@code co_begin} (or
 * {@code co_ack_begin}) to its {@code co_end} (or {@code co_ack_end}) (hbi-wire-reference §2.2).
 * Not tied to a thread, because a conversation may be closed from another thread than the one that
 * opened it. {@link #close} wakes every waiter when the connection ends.
 */
final class SendSlot {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition free = lock.newCondition();
    private Object owner; // guarded by lock
    private Supplier<RuntimeException> closed; // guarded by lock

    /**
     * Waits for the turn.
     *
     * @param who      the conversation taking it
     * @param deadline when to give up
     * @param what     what the turn is for, for the timeout message
     */
    void acquire(Object who, Deadline deadline, String what) {
        lock.lock();
        try {
            while (owner != null && closed == null) {
                try {
                    deadline.await(lock, free, () -> "the turn to send " + what + " (another conversation is sending)");
                } catch (RuntimeException leaving) {
                    // a signal meant for us must not be lost when we give up: pass it on
                    if (owner == null) {
                        free.signal();
                    }
                    throw leaving;
                }
            }
            if (closed != null) {
                throw closed.get();
            }
            owner = who;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives the turn back, if {@code who} has it.
     *
     * @param who the conversation that had it
     */
    void release(Object who) {
        lock.lock();
        try {
            if (owner == who) {
                owner = null;
                free.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses the turn from now on and wakes every waiter.
     *
     * @param refusal makes the exception waiters get
     */
    void close(Supplier<RuntimeException> refusal) {
        lock.lock();
        try {
            closed = refusal;
            free.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
