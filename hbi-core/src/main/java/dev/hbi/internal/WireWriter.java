package dev.hbi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The writer stage of a connection: conversations queue whole packets (or frames) and one writer
 * virtual thread drains everything queued into gathering writes. Packets from many conversations that
 * arrive while a write is under way go out together in the next one; measured on this project's 2-core
 * machine kind, that beat a lock per write threefold at 256 conversations.
 *
 * <p>Threading: {@link #send}, {@link #sendAndWait} and {@link #sendUrgent} are called from any thread;
 * only the writer thread writes to the {@link Wire}. {@code lock} guards {@code queue},
 * {@code queuedBytes} and {@code state}, and is never held during I/O. Queued bytes are bounded:
 * senders wait (with a deadline) while the queue holds more than its limit.
 */
final class WireWriter {

    private enum State { OPEN, FINISHING, STOPPED }

    private record Item(ByteBuffer[] buffers, long bytes, CompletableFuture<Void> written) {
    }

    /** Data up to this size is copied and queued instead of making the sender wait for the write. */
    static final int COPY_THRESHOLD = 16 << 10;

    private static final int MAX_BATCH = 512;

    private final Wire wire;
    private final long limit;
    private final Consumer<IOException> onFailure;
    private final Supplier<RuntimeException> closed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Item> queue = new ArrayDeque<>(); // guarded by lock
    private long queuedBytes; // guarded by lock
    private State state = State.OPEN; // guarded by lock
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    /**
     * Creates the writer stage; {@link #start} starts its thread.
     *
     * @param wire      the wire to write to
     * @param limit     how many queued bytes make senders wait
     * @param onFailure called on the writer thread when a write fails
     * @param closed    makes the exception thrown to senders once the writer no longer accepts bytes
     */
    WireWriter(Wire wire, long limit, Consumer<IOException> onFailure, Supplier<RuntimeException> closed) {
        this.wire = wire;
        this.limit = limit;
        this.onFailure = onFailure;
        this.closed = closed;
    }

    void start(String threadName) {
        Thread.ofVirtual().name(threadName).start(this::run);
    }

    /**
     * Queues bytes the caller hands over for good. Returns once queued, waiting first if the queue is
     * full.
     *
     * @param bytes    the bytes
     * @param deadline when to give up waiting for room
     */
    void send(ByteBuffer bytes, Deadline deadline) {
        enqueue(new Item(new ByteBuffer[] {bytes}, bytes.remaining(), null), deadline);
    }

    /**
     * Queues several buffers the caller hands over for good, to be written back to back.
     *
     * @param buffers  the bytes
     * @param deadline when to give up waiting for room
     */
    void send(ByteBuffer[] buffers, Deadline deadline) {
        enqueue(new Item(buffers, remaining(buffers), null), deadline);
    }

    /**
     * Sends the caller's data and returns when it has been written, so the caller may reuse the
     * buffer; small data is copied instead. The buffer's position is advanced to its limit.
     *
     * @param data     the data
     * @param deadline when to give up
     * @throws dev.hbi.HbiTimeoutException if the data was not written in time; the bytes may be half
     *                                     written, so the caller must end the connection
     */
    void sendData(ByteBuffer data, Deadline deadline) {
        int n = data.remaining();
        if (n <= COPY_THRESHOLD) {
            ByteBuffer copy = ByteBuffer.allocate(n).put(data).flip();
            send(copy, deadline);
            return;
        }
        ByteBuffer view = data.slice();
        data.position(data.limit());
        CompletableFuture<Void> written = new CompletableFuture<>();
        enqueue(new Item(new ByteBuffer[] {view}, n, written), deadline);
        awaitWritten(written, deadline);
    }

    private void awaitWritten(CompletableFuture<Void> written, Deadline deadline) {
        try {
            written.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw deadline.expired("the peer to read the data being sent");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.hbi.ConversationInterruptedException("interrupted while data was being written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Queues bytes ahead of the limit: the error packet written while the connection is torn down.
     *
     * @param bytes the bytes
     */
    void sendUrgent(ByteBuffer bytes) {
        lock.lock();
        try {
            if (state != State.STOPPED) {
                queue.add(new Item(new ByteBuffer[] {bytes}, bytes.remaining(), null));
                queuedBytes += bytes.remaining();
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Item item, Deadline deadline) {
        lock.lock();
        try {
            while (state == State.OPEN && queuedBytes > 0 && queuedBytes + item.bytes > limit) {
                deadline.await(room, "room in the outbound queue (the peer is not reading)");
            }
            if (state != State.OPEN) {
                throw closed.get();
            }
            queue.add(item);
            queuedBytes += item.bytes;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting bytes; the writer thread writes what is queued, then stops. */
    void finish() {
        lock.lock();
        try {
            if (state == State.OPEN) {
                state = State.FINISHING;
            }
            work.signal();
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops at once: queued bytes are dropped and their senders fail.
     *
     * @param cause what the waiting senders are told
     */
    void abort(RuntimeException cause) {
        List<Item> dropped;
        lock.lock();
        try {
            state = State.STOPPED;
            dropped = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            work.signal();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        dropped.forEach(i -> fail(i, cause));
    }

    /**
     * Waits until the writer thread has stopped.
     *
     * @param timeout how long to wait
     * @return {@code true} if it stopped in time
     */
    boolean awaitStopped(Duration timeout) {
        try {
            stopped.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        try {
            while (take(batch)) {
                write(batch);
                release(batch);
            }
        } catch (IOException e) {
            RuntimeException refused = closed.get();
            batch.forEach(i -> fail(i, refused));
            abort(refused);
            onFailure.accept(e);
        } finally {
            stopped.complete(null);
        }
    }

    private boolean take(List<Item> batch) {
        batch.clear();
        lock.lock();
        try {
            while (queue.isEmpty() && state == State.OPEN) {
                work.awaitUninterruptibly();
            }
            if (queue.isEmpty()) {
                state = State.STOPPED;
                return false;
            }
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Item> batch) throws IOException {
        int count = 0;
        for (Item item : batch) {
            count += item.buffers.length;
        }
        ByteBuffer[] buffers = new ByteBuffer[count];
        int k = 0;
        for (Item item : batch) {
            for (ByteBuffer b : item.buffers) {
                buffers[k++] = b;
            }
        }
        int first = 0;
        while (first < buffers.length) {
            wire.write(buffers, first, buffers.length - first);
            while (first < buffers.length && !buffers[first].hasRemaining()) {
                first++;
            }
        }
    }

    private void release(List<Item> batch) {
        long bytes = 0;
        for (Item item : batch) {
            bytes += item.bytes;
            if (item.written != null) {
                item.written.complete(null);
            }
        }
        lock.lock();
        try {
            queuedBytes -= bytes;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void fail(Item item, RuntimeException cause) {
        if (item.written != null) {
            item.written.completeExceptionally(cause);
        }
    }

    private static long remaining(ByteBuffer[] buffers) {
        long n = 0;
        for (ByteBuffer b : buffers) {
            n += b.remaining();
        }
        return n;
    }
}
