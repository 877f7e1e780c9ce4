package dev.hbi.benchmarks.harness;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Counts what a continuously running load completes, records the latency of each call, and lets the
 * benchmark thread wait for the next batch of completions. A benchmark invocation is "wait for K
 * completions" while the load keeps its own number of calls in flight, so the load never drains between
 * invocations and the benchmark thread costs one wake-up per batch, not per call.
 *
 * <p>Threading: {@link #completed}, {@link #count} and {@link #fail} are called from any thread; only one
 * thread calls {@link #await}.
 */
public final class Meter {

    /** How long {@link #await} waits without any progress before it declares the load stuck. */
    private static final long STALL_NANOS = Duration.ofSeconds(30).toNanos();

    private final AtomicLong done = new AtomicLong();
    private final Recorder latencies;
    private volatile long target = Long.MAX_VALUE;
    private volatile Thread waiter;
    private volatile Throwable failure;
    private long mark; // the awaiting thread's only

    /**
     * Creates a meter that records latencies into the fork's {@link Metrics#latencies()}.
     */
    public Meter() {
        this.latencies = Metrics.latencies();
    }

    /**
     * Counts one completed call and records its latency.
     *
     * @param startNanos the call's {@link System#nanoTime()} when it was issued
     */
    public void completed(long startNanos) {
        latencies.recordValue(System.nanoTime() - startNanos);
        count(1);
    }

    /**
     * Counts completed units (messages, blocks of bytes) without a latency.
     *
     * @param units how many
     */
    public void count(long units) {
        if (done.addAndGet(units) >= target) {
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Returns how many units have completed so far.
     *
     * @return the count
     */
    public long total() {
        return done.get();
    }

    /**
     * Reports that the load failed; the waiting benchmark thread throws it.
     *
     * @param cause why
     */
    public void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        LockSupport.unpark(waiter);
    }

    /**
     * Waits until {@code units} more have completed since the previous call returned.
     *
     * @param units how many
     * @throws IllegalStateException if the load failed, or made no progress for 30 seconds
     */
    public void await(long units) {
        mark += units;
        waiter = Thread.currentThread();
        target = mark;
        long seen = done.get();
        long since = System.nanoTime();
        while (seen < mark) {
            Throwable f = failure;
            if (f != null) {
                throw new IllegalStateException("the load failed: " + f, f);
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            long now = done.get();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > STALL_NANOS) {
                throw new IllegalStateException("the load made no progress for 30 s (" + seen + " of " + mark + " done)");
            }
        }
    }
}
