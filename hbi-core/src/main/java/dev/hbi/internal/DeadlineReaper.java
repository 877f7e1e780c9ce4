package dev.hbi.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
 * registers here; one virtual thread, {@code hbi-deadlines}, sleeps until the earliest deadline and
 * signals the conditions of the waits it ends.
 *
 * <p>How: deadlines are rounded up to a grain, and the waits due at one rounded time are kept in a set of
 * their own (a slot), the slots in a map sorted by that time. Registering looks its slot up (rarely
 * creating one) and adds to a hash set; cancelling removes from it. That is cheaper, and far less
 * contended between threads, than keeping every wait in one sorted structure, which the round-trip
 * benchmark showed at 7% of the time with 256 calls in flight. The grain is a power of two nanoseconds,
 * about 1/64 of the wait's timeout and at least 8 ms: a wait ends at most that late (about 1 s for the
 * default 60 s), and a slot's set, which keeps the size it grew to while its waits came and went, lives
 * at most as long as the timeout, so a timeout's worth of slots is about 64 of them, not thousands.
 *
 * <p>The thread is started on first use and lives as long as the JVM, like the JDK's own timer threads.
 * Threading: registering and cancelling are lock-free, from any thread. The reaper takes a waiter's lock
 * only to signal its condition, holding nothing else. A slot is removed from the map before it is reaped
 * and marked reaped before its waiters are read; a registration that finds its slot reaped after adding
 * itself knows its deadline has passed (see {@link #register}).
 */
final class DeadlineReaper {

    private static final System.Logger LOG = System.getLogger(DeadlineReaper.class.getName());
    private static final long MIN_GRAIN = 1L << 23; // 8.4 ms
    private static final long ORIGIN = System.nanoTime();
    private static final ConcurrentSkipListMap<Long, Slot> SLOTS = new ConcurrentSkipListMap<>();
    /** When the slot the reaper sleeps until is due; a registration for an earlier slot wakes it. */
    private static volatile long sleepingUntil = Long.MAX_VALUE;
    private static final Thread REAPER = Thread.ofVirtual().name("hbi-deadlines").start(DeadlineReaper::run);

    private DeadlineReaper() {
    }

    /** The waits due at one rounded time. */
    private static final class Slot {
        private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
        private volatile boolean reaped;
    }

    /** A registered wait: signalled once its deadline has passed. */
    static final class Waiter {
        private final Slot slot;
        private final ReentrantLock lock;
        private final Condition condition;

        private Waiter(Slot slot, ReentrantLock lock, Condition condition) {
            this.slot = slot;
            this.lock = lock;
            this.condition = condition;
        }
    }

    /**
     * Registers a wait.
     *
     * @param deadline  its deadline, as {@link System#nanoTime()}
     * @param timeout   the timeout the deadline was made from, in nanoseconds: sets the grain
     * @param lock      the lock of its condition
     * @param condition what to signal when the deadline has passed
     * @return the registration, to {@link #cancel} when the wait ends, or {@code null} if the deadline
     *         has passed already (its slot was reaped while this thread was registering)
     */
    static Waiter register(long deadline, long timeout, ReentrantLock lock, Condition condition) {
        long grain = Math.max(MIN_GRAIN, Long.highestOneBit(timeout / 64));
        long due = Math.ceilDiv(deadline - ORIGIN, grain) * grain; // when its slot is due, after ORIGIN
        Slot slot = SLOTS.get(due);
        if (slot == null) {
            Slot fresh = new Slot();
            slot = SLOTS.putIfAbsent(due, fresh);
            if (slot == null) {
                slot = fresh;
                if (due < sleepingUntil) {
                    LockSupport.unpark(REAPER);
                }
            }
        }
        Waiter waiter = new Waiter(slot, lock, condition);
        slot.waiters.add(waiter);
        if (slot.reaped) {
            slot.waiters.remove(waiter);
            return null;
        }
        return waiter;
    }

    /**
     * Removes a registration whose wait has ended.
     *
     * @param waiter the registration
     */
    static void cancel(Waiter waiter) {
        waiter.slot.waiters.remove(waiter);
    }

    private static void run() {
        while (true) {
            Map.Entry<Long, Slot> first = SLOTS.firstEntry();
            long wait = first == null ? Long.MAX_VALUE : ORIGIN + first.getKey() - System.nanoTime();
            if (wait <= 0) {
                SLOTS.remove(first.getKey(), first.getValue());
                reap(first.getValue());
                continue;
            }
            long until = first == null ? Long.MAX_VALUE : first.getKey();
            sleepingUntil = until;
            Map.Entry<Long, Slot> again = SLOTS.firstEntry(); // one registered before it could see sleepingUntil
            if (again != null && again.getKey() < until) {
                continue;
            }
            if (first == null) {
                LockSupport.park();
            } else {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static void reap(Slot slot) {
        slot.reaped = true;
        for (Waiter waiter : slot.waiters) {
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
}
