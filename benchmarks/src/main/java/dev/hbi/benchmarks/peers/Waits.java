package dev.hbi.benchmarks.peers;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Bounded waits for the threads and calls of a load as it stops. */
final class Waits {

    private static final long SECONDS = 10;

    private Waits() {
    }

    /** Waits a bounded time for a thread to end. */
    static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits a bounded time for a latch.
     *
     * @throws IllegalStateException if it did not open in time
     */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(latch.getCount() + " calls still outstanding after " + SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calls were outstanding", e);
        }
    }
}
