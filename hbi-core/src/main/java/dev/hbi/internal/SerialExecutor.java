package dev.hbi.internal;

import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time, in the order they were given, on a virtual thread that runs while tasks
 * wait: one per burst, not one per task, and none while there is nothing to do.
 *
 * <p>Threading: any thread may {@linkplain #execute execute}; it never waits. {@code queued} counts the
 * tasks given and not yet finished: the task that raises it from 0 starts the runner, the task that
 * brings it back to 0 ends it, so exactly one runner runs while tasks wait and none is left behind.
 * What a task writes is seen by the next (the counter's atomic updates and the thread's start order
 * them).
 */
final class SerialExecutor {

    private static final System.Logger LOG = System.getLogger("dev.hbi");

    private final String name;
    private final Runnable onIdle;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile Thread runner;

    /**
     * Creates an executor.
     *
     * @param name   the name of its threads
     * @param onIdle run by the runner each time it has run the last task there was, once {@link #idle()}
     *               says so: to wake whoever waits for that
     */
    SerialExecutor(String name, Runnable onIdle) {
        this.name = name;
        this.onIdle = onIdle;
    }

    /**
     * Queues a task to run after the ones given before it.
     *
     * @param task the task; what it throws is logged, and the next task runs
     */
    void execute(Runnable task) {
        tasks.add(task);
        if (queued.getAndIncrement() == 0) {
            Thread t = Thread.ofVirtual().name(name).unstarted(this::drain);
            runner = t;
            t.start();
        }
    }

    /**
     * Tells whether every task given has run.
     *
     * @return {@code true} if none waits or runs
     */
    boolean idle() {
        return queued.get() == 0;
    }

    /**
     * Tells the running task whether others wait behind it.
     *
     * @return {@code true} if another task was given and has not started
     */
    boolean moreQueued() {
        return queued.get() > 1;
    }

    /** Interrupts the task that runs, unless the caller is that task. */
    void interruptRunner() {
        Thread t = runner;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    private void drain() {
        do {
            try {
                tasks.remove().run();
            } catch (Throwable e) {
                LOG.log(Level.ERROR, name + ": a task failed", e);
            }
        } while (queued.decrementAndGet() > 0);
        onIdle.run();
    }
}
