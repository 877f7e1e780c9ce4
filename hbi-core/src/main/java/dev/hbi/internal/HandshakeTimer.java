package dev.hbi.internal;

import java.io.IOException;
import java.nio.channels.Channel;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the blocking reads and writes of a handshake (TLS, token) that runs before a connection's
 * threads exist: a blocking channel read has no timeout, so a peer that never answers would hold the
 * handshake forever. A virtual thread ({@code hbi-handshake-timer}) closes the channel if the handshake is
 * not over by its deadline, which fails the blocked call at once; the handshake then reports a timeout.
 *
 * <p>Locks: {@code lock} guards {@code over} and {@code expired}, held only to wait or to signal.
 */
final class HandshakeTimer implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    private final Deadline deadline;
    private final Channel channel;
    private boolean over; // guarded by lock
    private boolean expired; // guarded by lock

    private HandshakeTimer(Deadline deadline, Channel channel) {
        this.deadline = deadline;
        this.channel = channel;
    }

    /**
     * Starts timing a handshake.
     *
     * @param deadline when the handshake must be over
     * @param channel  what to close if it is not
     * @return the running timer; close it when the handshake is over
     */
    static HandshakeTimer start(Deadline deadline, Channel channel) {
        HandshakeTimer timer = new HandshakeTimer(deadline, channel);
        Thread.ofVirtual().name("hbi-handshake-timer").start(timer::run);
        return timer;
    }

    /**
     * Tells whether the deadline passed and the channel was closed because of it.
     *
     * @return {@code true} once expired
     */
    boolean expired() {
        lock.lock();
        try {
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the exception for a handshake that failed because the deadline passed.
     *
     * @param what what was waited for
     * @return the exception
     */
    dev.hbi.HbiTimeoutException timeout(String what) {
        return deadline.expired(what);
    }

    /** Ends the timing: the handshake is over, the channel stays open. */
    @Override
    public void close() {
        lock.lock();
        try {
            over = true;
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!over && deadline.remainingNanos() > 0) {
                ended.awaitNanos(deadline.remainingNanos());
            }
            if (over) {
                return;
            }
            expired = true;
        } catch (InterruptedException e) {
            return;
        } finally {
            lock.unlock();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort; the handshake fails either way
        }
    }
}
