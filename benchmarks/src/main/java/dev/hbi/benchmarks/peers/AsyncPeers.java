package dev.hbi.benchmarks.peers;

import dev.hbi.benchmarks.harness.Meter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Peers of a library whose calls complete asynchronously (RSocket, gRPC): each completion issues the next
 * call from its callback, so exactly {@code inFlight} calls stay outstanding with no thread waiting on
 * any of them, and each finished stream starts the next one.
 */
abstract class AsyncPeers implements Peers {

    /** Numbers the values sent, so that no two are alike. */
    final AtomicLong serial = new AtomicLong();
    /** Cleared when the pair closes, or a load stops issuing. */
    volatile boolean running = true;

    @Override
    public Load roundTrips(int inFlight, Meter meter) {
        CountDownLatch drained = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            relay(drained, next -> call(meter, next));
        }
        return () -> {
            running = false;
            Waits.await(drained);
        };
    }

    @Override
    public Load download(int chunkBytes, long streamBytes, Meter meter) {
        CountDownLatch stopped = new CountDownLatch(1);
        int chunks = (int) (streamBytes / chunkBytes);
        relay(stopped, next -> stream(chunkBytes, chunks, meter, next));
        return () -> {
            running = false;
            Waits.await(stopped);
        };
    }

    /** Takes a step whose completion takes the next one, until stopped; then counts the latch down. */
    private void relay(CountDownLatch stopped, Consumer<Runnable> step) {
        if (!running) {
            stopped.countDown();
            return;
        }
        step.accept(() -> relay(stopped, step));
    }

    /**
     * Issues one round trip without waiting.
     *
     * @param meter told of the answer, with the call's latency
     * @param then  run once the answer arrived
     */
    abstract void call(Meter meter, Runnable then);

    /**
     * Asks for one stream of chunks without waiting.
     *
     * @param chunkBytes the size of each chunk
     * @param chunks     how many
     * @param meter      told of each {@link #BLOCK_BYTES} received
     * @param then       run once the stream completed
     */
    abstract void stream(int chunkBytes, int chunks, Meter meter, Runnable then);
}
