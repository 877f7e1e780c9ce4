package dev.hbi.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection's watchdog: one virtual thread ({@code hbi-N-watchdog}) that wakes every period to check
 * that the peer is still healthy ({@link Connection}'s check: a peer stalled in the middle of a packet or
 * frame; the multiplexed wire's pings and idle timeout). A blocking channel read has no timeout, so
 * without it a silent or slowloris peer would hold the reader forever. It never touches the wire: it
 * ends the connection through {@link Connection#terminate}, and pings go out through the writer.
 *
 * <p>Locks: {@code lock} guards {@code stopped} and is held only to wait or to signal.
 */
final class Watchdog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopping = lock.newCondition();
    private final long periodNanos;
    private final Runnable check;
    private boolean stopped; // guarded by lock

    private Watchdog(long periodNanos, Runnable check) {
        this.periodNanos = periodNanos;
        this.check = check;
    }

    /**
     * Starts a watchdog.
     *
     * @param name        the thread's name
     * @param periodNanos how long to wait between checks
     * @param check       what to check; runs on the watchdog's thread
     * @return the running watchdog
     */
    static Watchdog start(String name, long periodNanos, Runnable check) {
        Watchdog watchdog = new Watchdog(periodNanos, check);
        Thread.ofVirtual().name(name).start(watchdog::run);
        return watchdog;
    }

    /** Stops the watchdog: its thread ends at once, without checking again. Any thread may call it. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            stopping.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (awaitNextCheck()) {
            check.run();
        }
    }

    private boolean awaitNextCheck() {
        lock.lock();
        try {
            long left = periodNanos;
            while (!stopped && left > 0) {
                left = stopping.awaitNanos(left);
            }
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }
}
