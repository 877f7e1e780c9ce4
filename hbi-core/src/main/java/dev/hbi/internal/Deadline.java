package dev.hbi.internal;

import dev.hbi.ConversationInterruptedException;
import dev.hbi.HbiTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A point in time by which a blocking wait must end. Every wait in HBI takes one, so none can hang.
 *
 * @param nanoTime the {@link System#nanoTime()} at which the deadline passes
 * @param timeout  the timeout it was made from, for messages
 */
public record Deadline(long nanoTime, Duration timeout) {

    /**
     * Returns the deadline a duration from now.
     *
     * @param timeout the duration
     * @return the deadline
     */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    /**
     * Returns whichever of two deadlines passes first.
     *
     * @param other the other deadline, or {@code null} for none
     * @return this or {@code other}
     */
    public Deadline earlier(Deadline other) {
        return other == null || nanoTime - other.nanoTime <= 0 ? this : other;
    }

    /**
     * Returns the nanoseconds left, zero or less once passed.
     *
     * @return nanoseconds left
     */
    public long remainingNanos() {
        return nanoTime - System.nanoTime();
    }

    /**
     * Waits on a condition until signalled or the deadline passes. The condition's lock must be held. The
     * wait itself is untimed: the {@link DeadlineReaper} signals the condition once the deadline has
     * passed, which costs less than a timer per wait (see there). Like any condition wait, it may return
     * early; callers wait in a loop that checks what they wait for.
     *
     * @param lock      the condition's lock, held by the caller
     * @param condition the condition
     * @param what      what is waited for, for the timeout and interrupt messages; called only then
     * @throws HbiTimeoutException              if the deadline passed
     * @throws ConversationInterruptedException if the thread was interrupted (flag restored)
     */
    public void await(ReentrantLock lock, Condition condition, Supplier<String> what) {
        if (remainingNanos() <= 0) {
            throw expired(what.get());
        }
        DeadlineReaper.Waiter waiter = DeadlineReaper.register(nanoTime, timeout.toNanos(), lock, condition);
        try {
            condition.await();
        } catch (InterruptedException e) {
            throw interrupted(what, e);
        } finally {
            DeadlineReaper.cancel(waiter);
        }
    }

    /**
     * Takes a lock, waiting for it at most until the deadline.
     *
     * @param lock the lock
     * @param what what is waited for, for the timeout and interrupt messages; called only then
     * @throws HbiTimeoutException              if the deadline passed first
     * @throws ConversationInterruptedException if the thread was interrupted (flag restored)
     */
    public void lock(ReentrantLock lock, Supplier<String> what) {
        try {
            if (!lock.tryLock() && !lock.tryLock(remainingNanos(), TimeUnit.NANOSECONDS)) {
                throw expired(what.get());
            }
        } catch (InterruptedException e) {
            throw interrupted(what, e);
        }
    }

    /** Restores the interrupt flag and makes the exception for a wait that was interrupted. */
    private static ConversationInterruptedException interrupted(Supplier<String> what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ConversationInterruptedException("interrupted while waiting for " + what.get(), e);
    }

    /**
     * Returns the exception for a wait that did not end in time.
     *
     * @param what what was waited for
     * @return the exception
     */
    public HbiTimeoutException expired(String what) {
        return new HbiTimeoutException("timed out after " + format(timeout) + " waiting for " + what);
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * Converts the time left into milliseconds, at least 1, for APIs that take them.
     *
     * @return milliseconds left
     */
    public long remainingMillis() {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos()));
    }
}
