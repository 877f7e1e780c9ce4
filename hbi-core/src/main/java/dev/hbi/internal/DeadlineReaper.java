package dev.hbi.internal;

import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes waits whose deadline has passed, so that they can wait without a timeout of their own.
 *
 * <p>Why: on a virtual thread, a timed {@link Condition#awaitNanos} arms a timer in the JDK's scheduler
 * and cancels it when woken early, and each costs a wake-up of the scheduler's delay thread; measured on
 * the round-trip benchmark, that was two such wake-ups per call. HBI's waits are long (60 s by default)
 * and nearly always end long before their deadline, so {@link Deadline#await} waits untimed and
 * registers here; one virtual thread, {@code hbi-deadlines}, sleeps until the earliest registered
 * deadline and signals that wait's condition. Deadlines are registered in rising order in the common
 * case, so a registration rarely has to wake it.
 *
 * <p>The thread is started on first use and lives as long as the JVM, like the JDK's own timer threads.
 * Threading: registering and cancelling are lock-free (a concurrent skip list), from any thread. The
 * reaper takes a waiter's lock only to signal its condition, holding nothing else.
 */
final class DeadlineReaper {

    private static final ConcurrentSkipListSet<Waiter> WAITERS = new ConcurrentSkipListSet<>();
    private static final AtomicLong ORDER = new AtomicLong();
    private static final Thread REAPER = Thread.ofVirtual().name("hbi-deadlines").start(DeadlineReaper::run);

    private DeadlineReaper() {
    }

    /** A registered wait: signalled once its deadline has passed. */
    static final class Waiter implements Comparable<Waiter> {
        private final long deadline;
        private final long order;
        private final ReentrantLock lock;
        private final Condition condition;

        private Waiter(long deadline, ReentrantLock lock, Condition condition) {
            this.deadline = deadline;
            this.order = ORDER.getAndIncrement();
            this.lock = lock;
            this.condition = condition;
        }

        @Override
        public int compareTo(Waiter other) {
            long byTime = deadline - other.deadline;
            return byTime != 0 ? Long.signum(byTime) : Long.compare(order, other.order);
        }
    }

    /**
     * Registers a wait.
     *
     * @param deadline  its deadline, as {@link System#nanoTime()}
     * @param lock      the lock of its condition
     * @param condition what to signal when the deadline has passed
     * @return the registration, to {@link #cancel} when the wait ends
     */
    static Waiter register(long deadline, ReentrantLock lock, Condition condition) {
        Waiter waiter = new Waiter(deadline, lock, condition);
        WAITERS.add(waiter);
        if (first() == waiter) {
            LockSupport.unpark(REAPER); // it may sleep until a later deadline
        }
        return waiter;
    }

    /**
     * Removes a registration whose wait has ended.
     *
     * @param waiter the registration
     */
    static void cancel(Waiter waiter) {
        WAITERS.remove(waiter);
    }

    private static Waiter first() {
        try {
            return WAITERS.first();
        } catch (NoSuchElementException empty) {
            return null;
        }
    }

    private static void run() {
        while (true) {
            Waiter first = first();
            if (first == null) {
                LockSupport.park();
            } else if (first.deadline - System.nanoTime() > 0) {
                LockSupport.parkNanos(first.deadline - System.nanoTime());
            } else if (WAITERS.remove(first)) {
                signal(first);
            }
        }
    }

    private static void signal(Waiter waiter) {
        waiter.lock.lock();
        try {
            waiter.condition.signalAll();
        } finally {
            waiter.lock.unlock();
        }
    }
}
