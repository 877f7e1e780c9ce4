package dev.hbi.internal;

import dev.hbi.ConversationInterruptedException;
import dev.hbi.HbiTimeoutException;
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
 * <p>Threading: {@link #send}, {@link #sendData} and {@link #sendNow} are called from any thread;
 * only the writer thread writes to the {@link Wire}. {@code lock} guards {@code queue},
 * {@code queuedBytes}, {@code state} and the outcomes of data items, and is never held during I/O.
 * Queued bytes are bounded: senders wait (with a deadline) while the queue holds more than its limit.
 */
final class WireWriter {

    private enum State { OPEN, FINISHING, STOPPED }

    private record Item(ByteBuffer[] buffers, long bytes, Outcome written) {
    }

    /**
     * Whether the caller's data in an item has been written, for the caller to wait on. Guarded by
     * {@code lock}; waited for on {@code written}, untimed with the {@link DeadlineReaper} (a timed wait
     * per item costed a timer of the scheduler per frame of a bulk stream).
     */
    private static final class Outcome {
        private boolean done;
        private RuntimeException failure;
    }

    /** Data up to this size is copied and queued instead of making the sender wait for the write. */
    static final int COPY_THRESHOLD = 16 << 10;

    private static final int MAX_BATCH = 512;
    private static final int STAGING_SIZE = 2 * COPY_THRESHOLD;
    private static final ByteBuffer[] NO_BUFFERS = new ByteBuffer[0];

    private final Wire wire;
    private final long limit;
    private final Consumer<Throwable> onFailure;
    private final Supplier<RuntimeException> closed;
    private final Consumer<RuntimeException> stuck;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final Condition written = lock.newCondition();
    private final ArrayDeque<Item> queue = new ArrayDeque<>(); // guarded by lock
    private long queuedBytes; // guarded by lock
    private State state = State.OPEN; // guarded by lock
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    // the writer thread's: see write()
    private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_SIZE);
    private final List<ByteBuffer> gathered = new ArrayList<>();

    /**
     * Creates the writer stage; {@link #start} starts its thread.
     *
     * @param wire      the wire to write to
     * @param limit     how many queued bytes make senders wait
     * @param onFailure called on the writer thread when writing fails, before waiting senders are failed
     * @param closed    makes the exception thrown to senders once the writer no longer accepts bytes
     * @param stuck     ends the connection when a sender gives up on data the writer may be writing
     */
    WireWriter(Wire wire, long limit, Consumer<Throwable> onFailure, Supplier<RuntimeException> closed,
               Consumer<RuntimeException> stuck) {
        this.wire = wire;
        this.limit = limit;
        this.onFailure = onFailure;
        this.closed = closed;
        this.stuck = stuck;
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
     * Sends the caller's data, after an optional header of the writer's own, and returns when the data
     * has been written, so the caller may reuse the buffer; small data is copied instead. The buffer's
     * position is advanced to its limit.
     *
     * <p>If the wait ends early (deadline, interrupt), the caller's buffer must not be touched after this
     * returns: the item is taken back if the writer has not started on it; otherwise the connection is
     * ended (the peer would see a half-written item) and this waits until the writer has let go, which
     * closing the wire guarantees.
     *
     * @param header   bytes written before the data, or {@code null}
     * @param data     the data
     * @param deadline when to give up
     */
    void sendData(ByteBuffer header, ByteBuffer data, Deadline deadline) {
        int n = data.remaining();
        DataRun run = new DataRun();
        run.add(header, data.slice(), deadline);
        data.position(data.limit());
        try {
            run.awaitWritten(deadline);
        } catch (HbiTimeoutException | ConversationInterruptedException e) {
            data.position(data.limit() - n);
            run.abandon(e);
            throw e;
        }
    }

    /**
     * Data a sender queues in pieces (the frames of one {@code sendData} on the multiplexed wire) a few
     * ahead of the writer, then waits for once: the writer writes the queue in order, so when the last
     * piece taken from the caller's buffer is written, all are. Waiting for each piece before queuing the
     * next would leave the writer idle between pieces. Pieces up to {@link #COPY_THRESHOLD} are copied; larger ones are slices
     * of the caller's buffer, which must not change until {@link #awaitWritten} returns or
     * {@link #abandon} has taken them back. Used by one thread.
     */
    final class DataRun {
        /**
         * How many slices may wait in the queue at once: enough that the writer always finds the next one
         * while it writes one, few enough that another conversation's small frame never waits behind more
         * than a few of them (a FIFO queue full of one sender's data would hold it up by the whole queue).
         */
        private static final int AHEAD = 3;

        private final List<Item> slices = new ArrayList<>();

        /**
         * Queues a piece, waiting for room in the queue if it is full.
         *
         * @param header   bytes written before the piece, handed over for good, or {@code null}
         * @param piece    the piece (its position is not changed)
         * @param deadline when to give up waiting for room
         */
        void add(ByteBuffer header, ByteBuffer piece, Deadline deadline) {
            int h = header == null ? 0 : header.remaining();
            int n = piece.remaining();
            if (n <= COPY_THRESHOLD) {
                ByteBuffer copy = ByteBuffer.allocate(h + n);
                if (header != null) {
                    copy.put(header);
                }
                send(copy.put(piece.duplicate()).flip(), deadline);
                return;
            }
            if (slices.size() >= AHEAD) {
                WireWriter.this.awaitWritten(slices.get(slices.size() - AHEAD).written(), deadline);
            }
            ByteBuffer view = piece.slice();
            Item item = new Item(header == null ? new ByteBuffer[] {view} : new ByteBuffer[] {header, view},
                    h + n, new Outcome());
            enqueue(item, deadline);
            slices.add(item);
        }

        /**
         * Waits until every piece taken from the caller's buffer has been written.
         *
         * @param deadline when to give up
         */
        void awaitWritten(Deadline deadline) {
            if (!slices.isEmpty()) {
                WireWriter.this.awaitWritten(slices.getLast().written(), deadline);
            }
        }

        /**
         * Gives up on the pieces that are not written yet: takes back those the writer has not started on;
         * if it has started on one, ends the connection (the peer would see half of it) and waits until the
         * writer lets go of it. Afterwards nothing of the caller's buffer is read any more.
         *
         * @param why why the sender gave up
         * @return how many bytes of pieces (headers excluded) were taken back, never to be written
         */
        long abandon(RuntimeException why) {
            long withdrawn = 0;
            for (Item item : slices) {
                if (withdraw(item)) {
                    withdrawn += item.buffers[item.buffers.length - 1].remaining();
                } else if (!isDone(item.written())) {
                    stuck.accept(why);
                    awaitLetGo(item.written());
                }
            }
            return withdrawn;
        }
    }

    private void awaitWritten(Outcome outcome, Deadline deadline) {
        lock.lock();
        try {
            while (!outcome.done) {
                deadline.await(lock, written, () -> "the peer to read the data being sent");
            }
            if (outcome.failure != null) {
                throw outcome.failure;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isDone(Outcome outcome) {
        lock.lock();
        try {
            return outcome.done;
        } finally {
            lock.unlock();
        }
    }

    /** Waits, without a deadline, for the writer to finish or fail an item: closing the wire fails it. */
    private void awaitLetGo(Outcome outcome) {
        lock.lock();
        try {
            while (!outcome.done) {
                written.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes an item back if the writer has not started on it. */
    private boolean withdraw(Item item) {
        lock.lock();
        try {
            if (queue.remove(item)) {
                queuedBytes -= item.bytes;
                room.signalAll();
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues bytes without waiting for room: the packets and frames that end a turn or a conversation,
     * control frames, and the farewell written while the connection is torn down. Each is small and
     * bounded in number by the conversations, so the queue's bound still holds within a few packets.
     *
     * @param bytes the bytes, handed over for good
     * @throws RuntimeException the {@code closed} exception if the writer no longer accepts bytes
     */
    void sendNow(ByteBuffer bytes) {
        lock.lock();
        try {
            if (state != State.OPEN) {
                throw closed.get();
            }
            queue.add(new Item(new ByteBuffer[] {bytes}, bytes.remaining(), null));
            queuedBytes += bytes.remaining();
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Item item, Deadline deadline) {
        lock.lock();
        try {
            while (state == State.OPEN && queuedBytes > 0 && queuedBytes + item.bytes > limit) {
                deadline.await(lock, room, () -> "room in the outbound queue (the peer is not reading)");
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

    /**
     * Returns how many bytes wait to be written.
     *
     * @return the queued bytes
     */
    long backlog() {
        lock.lock();
        try {
            return queuedBytes;
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
        failAll(dropped, cause);
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
        } catch (Throwable e) {
            try {
                onFailure.accept(e); // first, so that the senders failed below are told the real cause
            } finally {
                RuntimeException refused = closed.get();
                failAll(batch, refused);
                abort(refused);
            }
        } finally {
            stopped.complete(null);
        }
    }

    /**
     * Woken by the first item after the queue ran empty, the writer lets the threads that are ready to run
     * go first, once: with many conversations in flight they queue their frames meanwhile, and the next
     * write carries them all. Without it the writer, woken at once on a 2-core machine, wrote about one
     * syscall per round trip at 256 in flight, and after it one per ten; A/B, three interleaved rounds:
     * +35% at 16 and 256 in flight, the same at 1. Called with {@code lock} held, which it gives up
     * meanwhile.
     */
    private void letOthersQueue() {
        lock.unlock();
        try {
            Thread.yield();
        } finally {
            lock.lock();
        }
    }

    private boolean take(List<Item> batch) {
        batch.clear();
        lock.lock();
        try {
            while (queue.isEmpty() && state == State.OPEN) {
                work.awaitUninterruptibly();
                if (!queue.isEmpty() && state == State.OPEN) {
                    letOthersQueue(); // meanwhile a sender may withdraw its item: then this waits again
                }
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

    /**
     * Writes a batch. Small heap buffers (frame headers, scripts, copied data) are gathered into one
     * direct staging buffer first: handed to the channel one by one, each would be copied into a
     * temporary direct buffer of the JDK's, looked up in a per-thread cache, which the round-trip
     * benchmark showed costing more than the copy. Large or direct buffers are written as they are.
     */
    private void write(List<Item> batch) throws IOException {
        gathered.clear();
        staging.clear();
        int stagedFrom = 0;
        for (Item item : batch) {
            for (ByteBuffer b : item.buffers) {
                if (b.isDirect() || b.remaining() > COPY_THRESHOLD) {
                    stagedFrom = endStagedRun(stagedFrom);
                    gathered.add(b);
                    continue;
                }
                if (b.remaining() > staging.remaining()) {
                    endStagedRun(stagedFrom);
                    writeGathered();
                    staging.clear();
                    stagedFrom = 0;
                }
                staging.put(b);
            }
        }
        endStagedRun(stagedFrom);
        writeGathered();
    }

    /** Adds the bytes staged since {@code from} to what is gathered; returns where the next run begins. */
    private int endStagedRun(int from) {
        int end = staging.position();
        if (end > from) {
            gathered.add(staging.slice(from, end - from));
        }
        return end;
    }

    private void writeGathered() throws IOException {
        ByteBuffer[] buffers = gathered.toArray(NO_BUFFERS);
        gathered.clear();
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
        }
        lock.lock();
        try {
            if (state != State.STOPPED) {
                queuedBytes -= bytes; // abort() has already set it to 0
            }
            room.signalAll();
            settle(batch, null);
        } finally {
            lock.unlock();
        }
    }

    /** Fails the callers waiting for items that will never be written. */
    private void failAll(List<Item> items, RuntimeException cause) {
        lock.lock();
        try {
            settle(items, cause);
        } finally {
            lock.unlock();
        }
    }

    /** Marks items written, or failed, and wakes whoever waits for one. Called under the lock. */
    private void settle(List<Item> items, RuntimeException failure) {
        boolean any = false;
        for (Item item : items) {
            if (item.written != null) {
                item.written.failure = failure;
                item.written.done = true;
                any = true;
            }
        }
        if (any) {
            written.signalAll();
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
