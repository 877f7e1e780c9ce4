package dev.hbi.benchmarks.harness;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds how many one-way messages are sent but not yet handled by the receiver, for every library
 * alike: RSocket's fire-and-forget has no flow control of its own, and an unbounded sender would only
 * measure how fast a queue grows. The sender is woken when the receiver has caught up by half the window,
 * not on every message.
 *
 * <p>Threading: one sender thread calls {@link #acquire}; any thread calls {@link #release}.
 */
public final class Window {

    private final long size;
    private final AtomicLong outstanding = new AtomicLong();
    private volatile Thread sender;
    private volatile boolean closed;

    /**
     * Creates a window.
     *
     * @param size how many messages may be outstanding
     */
    public Window(long size) {
        this.size = size;
    }

    /**
     * Takes room for messages, waiting while the window is full.
     *
     * @param n how many messages
     * @return {@code false} if the window was closed meanwhile
     */
    public boolean acquire(long n) {
        while (outstanding.get() + n > size) {
            if (closed) {
                return false;
            }
            sender = Thread.currentThread();
            if (outstanding.get() + n > size) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        outstanding.addAndGet(n);
        return !closed;
    }

    /**
     * Gives back room for handled messages.
     *
     * @param n how many
     */
    public void release(long n) {
        long left = outstanding.addAndGet(-n);
        if (left <= size / 2 && left + n > size / 2) {
            Thread s = sender;
            if (s != null) {
                LockSupport.unpark(s);
            }
        }
    }

    /** Lets a waiting sender go. */
    public void close() {
        closed = true;
        Thread s = sender;
        if (s != null) {
            LockSupport.unpark(s);
        }
    }
}
