package dev.hbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HbiTimeoutException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Untimed waits with a deadline: the reaper wakes each once its own deadline has passed, whatever else is
 * registered, and the waits that end early do not pile up in it.
 */
class DeadlineReaperTest {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition never = lock.newCondition();

    @Test
    @Timeout(10)
    void aWaitNobodySignalsEndsWithATimeoutAfterItsDeadline() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> awaitUntilExpired(Duration.ofMillis(50)))
                .isInstanceOf(HbiTimeoutException.class)
                .hasMessage("timed out after 50 ms waiting for the test's signal");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    @Timeout(10)
    void waitsWithDifferentTimeoutsEachEndAfterTheirOwnDeadline() throws Exception {
        List<CompletableFuture<Long>> ended = new ArrayList<>();
        for (int ms : new int[] {300, 20, 120, 60}) {
            CompletableFuture<Long> f = new CompletableFuture<>();
            ended.add(f);
            Thread.ofVirtual().start(() -> {
                long start = System.nanoTime();
                try {
                    awaitUntilExpired(Duration.ofMillis(ms));
                } catch (HbiTimeoutException e) {
                    f.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            });
        }
        assertThat(ended.get(0).get()).isGreaterThanOrEqualTo(300);
        assertThat(ended.get(1).get()).isGreaterThanOrEqualTo(20);
        assertThat(ended.get(2).get()).isGreaterThanOrEqualTo(120);
        assertThat(ended.get(3).get()).isGreaterThanOrEqualTo(60);
    }

    @Test
    @Timeout(10)
    void aShortWaitRegisteredWhileALongOneIsFiledIsStillWokenInTime() throws Exception {
        lock.lock();
        DeadlineReaper.Waiter longWait;
        try {
            longWait = DeadlineReaper.register(System.nanoTime() + TimeUnit.MINUTES.toNanos(10),
                    TimeUnit.MINUTES.toNanos(10), lock, never);
        } finally {
            lock.unlock();
        }
        try {
            awaitAllTaken();
            assertThatThrownBy(() -> awaitUntilExpired(Duration.ofMillis(100))).isInstanceOf(HbiTimeoutException.class);
        } finally {
            DeadlineReaper.cancel(longWait);
        }
    }

    @Test
    @Timeout(30)
    void waitsThatEndEarlyDoNotPileUpInTheReaper() throws Exception {
        long timeout = TimeUnit.MINUTES.toNanos(10);
        int rounds = 50;
        int perRound = 1000;
        for (int round = 0; round < rounds; round++) {
            List<DeadlineReaper.Waiter> waiters = new ArrayList<>(perRound);
            for (int i = 0; i < perRound; i++) {
                waiters.add(DeadlineReaper.register(System.nanoTime() + timeout, timeout, lock, never));
            }
            awaitAllTaken(); // each filed while it still waited
            waiters.forEach(DeadlineReaper::cancel);
        }
        assertThat(DeadlineReaper.filed())
                .as("without sweeping, all %d would be kept until their deadline", rounds * perRound)
                .isLessThan(10 * perRound);
    }

    @Test
    @Timeout(30)
    void aWaitThatGoesOnDoesNotKeepTheEndedOnesRegisteredBeforeItInMemory() throws Exception {
        // if the reaper happens to take the first wait before it ends, it files it (swept later, rightly):
        // a few tries make that race irrelevant, while the bug this guards against fails every one
        boolean collected = false;
        for (int attempt = 0; attempt < 5 && !collected; attempt++) {
            collected = endedWaitIsCollected();
        }
        assertThat(collected).as("the ended wait, kept reachable by the one registered after it").isTrue();
    }

    private boolean endedWaitIsCollected() throws InterruptedException {
        long timeout = TimeUnit.MINUTES.toNanos(10);
        DeadlineReaper.Waiter ended = DeadlineReaper.register(System.nanoTime() + timeout, timeout, lock, never);
        DeadlineReaper.cancel(ended);
        DeadlineReaper.Waiter goesOn = DeadlineReaper.register(System.nanoTime() + timeout, timeout, lock, never);
        WeakReference<DeadlineReaper.Waiter> endedRef = new WeakReference<>(ended);
        ended = null;
        try {
            awaitAllTaken(); // goesOn is filed; ended, pushed before it, was dropped
            for (int i = 0; i < 20 && endedRef.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            return endedRef.get() == null;
        } finally {
            DeadlineReaper.cancel(goesOn);
        }
    }

    private void awaitUntilExpired(Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        lock.lock();
        try {
            while (true) {
                deadline.await(lock, never, () -> "the test's signal");
            }
        } finally {
            lock.unlock();
        }
    }

    /** The reaper takes registrations within a period; the test's timeout bounds this wait. */
    private static void awaitAllTaken() throws InterruptedException {
        while (!DeadlineReaper.allTaken()) {
            Thread.sleep(1);
        }
    }
}
