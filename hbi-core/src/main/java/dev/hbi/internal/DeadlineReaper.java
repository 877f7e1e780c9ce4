package dev.hbi.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
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
 * registers here; one virtual thread, {@code hbi-deadlines}, signals the conditions of the waits whose
 * deadline has passed.
 *
 * <p>How: registering pushes the wait onto a lock-free stack (one compare-and-set), and cancelling only
 * marks it ended (one volatile write). Nothing is looked up or removed on the waiting threads' path: a
 * concurrent hash set per deadline slot, which this replaced, cost 15% of a caller's time with 256 calls
 * in flight. The reaper takes the whole stack every {@link #PERIOD} while waits are being registered, drops
 * the waits that have ended meanwhile (nearly all of them), and files the rest in slots of its own, by
 * their deadline rounded up to a grain: a power of two nanoseconds, about 1/64 of the wait's timeout and
 * at least 8 ms. A wait thus ends at most a grain and a period late (about 1 s for the default 60 s).
 * Waits that end after they were filed are dropped from all slots whenever as many have been filed as
 * were left by the last sweep, so the reaper holds at most about twice the waits still live, however
 * many come and go, at a constant cost per wait filed (amortised). When a period brought no registration,
 * the reaper sleeps until its first slot is due, and the next registration wakes it.
 *
 * <p>The thread is started on first use and lives as long as the JVM, like the JDK's own timer threads.
 * Threading: registering and cancelling are lock-free, from any thread; the slots are the reaper's alone.
 * The reaper takes a waiter's lock only to signal its condition, holding nothing else. A waiter registers
 * while it holds that lock and releases it only by waiting, so a signal cannot come between the two.
 */
final class DeadlineReaper {

    private static final System.Logger LOG = System.getLogger(DeadlineReaper.class.getName());
    private static final long MIN_GRAIN = 1L << 23; // 8.4 ms
    /** How often the reaper takes the stack of registrations while waits are being registered. */
    private static final long PERIOD = MIN_GRAIN;
    private static final int FIRST_SWEEP = 64;
    private static final long ORIGIN = System.nanoTime();
    private static final AtomicReference<Waiter> REGISTERED = new AtomicReference<>();
    /**
     * Whether the reaper sleeps until its first slot is due, longer than a period: the registration that
     * finds the stack empty wakes it.
     */
    private static volatile boolean sleepingLong;

    /** The reaper's own: the waits due at one rounded time, by that time in nanoseconds after {@link #ORIGIN}. */
    private static final TreeMap<Long, ArrayList<Waiter>> SLOTS = new TreeMap<>();
    private static int sweepAt = FIRST_SWEEP; // the reaper's own
    private static volatile int filed; // written by the reaper only
    private static final Thread REAPER = Thread.ofVirtual().name("hbi-deadlines").start(DeadlineReaper::run);

    private DeadlineReaper() {
    }

    /** A registered wait: signalled once its deadline has passed, unless it has ended. */
    static final class Waiter {
        private final long deadline;
        private final long grain;
        private final ReentrantLock lock;
        private final Condition condition;
        private volatile boolean ended;
        private Waiter next; // the stack of registrations: set before the push, read and cleared after the take

        private Waiter(long deadline, long grain, ReentrantLock lock, Condition condition) {
            this.deadline = deadline;
            this.grain = grain;
            this.lock = lock;
            this.condition = condition;
        }
    }

    /**
     * Registers a wait. The caller holds {@code lock} and waits on {@code condition} next.
     *
     * @param deadline  its deadline, as {@link System#nanoTime()}
     * @param timeout   the timeout the deadline was made from, in nanoseconds: sets the grain
     * @param lock      the lock of its condition
     * @param condition what to signal when the deadline has passed
     * @return the registration, to {@link #cancel} when the wait ends
     */
    static Waiter register(long deadline, long timeout, ReentrantLock lock, Condition condition) {
        Waiter waiter = new Waiter(deadline, Math.max(MIN_GRAIN, Long.highestOneBit(timeout / 64)), lock, condition);
        Waiter head;
        do {
            head = REGISTERED.get();
            waiter.next = head;
        } while (!REGISTERED.compareAndSet(head, waiter));
        if (head == null && sleepingLong) {
            sleepingLong = false;
            LockSupport.unpark(REAPER);
        }
        return waiter;
    }

    /**
     * Marks a registration whose wait has ended.
     *
     * @param waiter the registration
     */
    static void cancel(Waiter waiter) {
        waiter.ended = true;
    }

    /**
     * Counts the registrations the reaper keeps filed, ended or not; for tests of its memory use.
     *
     * @return how many are filed in slots
     */
    static int filed() {
        return filed;
    }

    /**
     * Tells whether the reaper has taken every registration so far; for tests.
     *
     * @return {@code true} if none waits to be filed
     */
    static boolean allTaken() {
        return REGISTERED.get() == null;
    }

    private static void run() {
        while (true) {
            try {
                reapOnce();
            } catch (Throwable e) {
                // the JVM's only reaper: if it stopped, every wait nobody signals would hang
                LOG.log(System.Logger.Level.ERROR, "the deadline reaper failed; it goes on", e);
                LockSupport.parkNanos(PERIOD);
            }
        }
    }

    /** Files what was registered, wakes the waits that are due, and sleeps until there is more to do. */
    private static void reapOnce() {
        boolean took = fileRegistered();
        long now = System.nanoTime() - ORIGIN;
        reapDue(now);
        long firstDue = SLOTS.isEmpty() ? Long.MAX_VALUE : SLOTS.firstKey();
        if (took) { // more are coming: take them in a period
            LockSupport.parkNanos(Math.min(PERIOD, firstDue - now));
            return;
        }
        sleepingLong = true;
        if (REGISTERED.get() == null) { // one pushed before the flag was up did not wake this thread
            if (firstDue == Long.MAX_VALUE) {
                LockSupport.park();
            } else {
                LockSupport.parkNanos(firstDue - now);
            }
        }
        sleepingLong = false;
    }

    /** Files the registrations pushed since last time, but those that have ended; tells if there were any. */
    private static boolean fileRegistered() {
        Waiter w = REGISTERED.getAndSet(null);
        boolean took = w != null;
        while (w != null) {
            Waiter earlier = w.next;
            w.next = null; // a filed wait must not keep the ended ones pushed before it reachable
            if (!w.ended) {
                SLOTS.computeIfAbsent(due(w), d -> new ArrayList<>()).add(w);
                filed = filed + 1;
            }
            w = earlier;
        }
        if (filed >= sweepAt) {
            sweep();
        }
        return took;
    }

    /** When a wait's slot is due, after {@link #ORIGIN}; a deadline centuries away never is. */
    private static long due(Waiter w) {
        long after = w.deadline - ORIGIN;
        return after > Long.MAX_VALUE - w.grain ? Long.MAX_VALUE : Math.ceilDiv(after, w.grain) * w.grain;
    }

    /** Drops the waits that ended after they were filed; next time once as many are filed again. */
    private static void sweep() {
        int left = 0;
        for (Iterator<ArrayList<Waiter>> slots = SLOTS.values().iterator(); slots.hasNext(); ) {
            ArrayList<Waiter> slot = slots.next();
            slot.removeIf(w -> w.ended);
            if (slot.isEmpty()) {
                slots.remove();
            }
            left += slot.size();
        }
        filed = left;
        sweepAt = Math.max(FIRST_SWEEP, 2 * left);
    }

    private static void reapDue(long now) {
        for (Map.Entry<Long, ArrayList<Waiter>> first = SLOTS.firstEntry(); first != null && first.getKey() <= now;
             first = SLOTS.firstEntry()) {
            SLOTS.pollFirstEntry();
            filed = filed - first.getValue().size();
            first.getValue().forEach(DeadlineReaper::wake);
        }
    }

    private static void wake(Waiter waiter) {
        if (waiter.ended) {
            return;
        }
        try {
            waiter.lock.lock();
            try {
                waiter.condition.signalAll();
            } finally {
                waiter.lock.unlock();
            }
        } catch (RuntimeException e) {
            // one broken registration (a condition of another lock) must not end the JVM's only reaper
            LOG.log(System.Logger.Level.ERROR, "could not wake a wait whose deadline passed", e);
        }
    }
}
