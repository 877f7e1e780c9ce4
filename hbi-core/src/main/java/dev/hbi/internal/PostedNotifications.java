package dev.hbi.internal;

import dev.hbi.HbiProtocolException;
import dev.hbi.PeerLandingException;
import dev.hbi.internal.wire.FrameEncoder;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The notifications this side sends in NOTIFY frames (docs/wire-protocol.md §12), and those of them the
 * peer has not acknowledged yet.
 *
 * <p>Threading and locks: a sender holds {@code sending} for the whole of one notification (taking its
 * credit, queueing it for the writer), so that notifications go out in the order their senders got the
 * lock, and so that one sender at most holds part of the connection window while it waits for the rest:
 * two doing that could each wait forever for what the other holds. {@code lock} guards the queue of
 * unacknowledged notifications, which the reader pops as NOTIFIED frames arrive; it is taken inside
 * {@code sending}, never the other way round, and nothing else is taken inside it. Completions run on a
 * callback thread, never on the reader: a dependent action may block.
 */
final class PostedNotifications {

    private final Connection connection;
    private final SendWindow connectionWindow;
    private final WireWriter writer;
    private final ReentrantLock sending = new ReentrantLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<CompletableFuture<Void>> unacknowledged = new ArrayDeque<>(); // guarded by lock
    private Supplier<RuntimeException> ended; // guarded by lock

    /**
     * Creates the notifications of a connection.
     *
     * @param connection       the connection
     * @param connectionWindow the connection's send window, which NOTIFY bytes take from (§12.3)
     * @param writer           the connection's writer
     */
    PostedNotifications(Connection connection, SendWindow connectionWindow, WireWriter writer) {
        this.connection = connection;
        this.connectionWindow = connectionWindow;
        this.writer = writer;
    }

    /**
     * Sends one notification, after the ones sent before it.
     *
     * @param text     the script's UTF-8 bytes, at least one
     * @param deadline how long to wait for credit and for room in the writer's queue
     * @return completes once the peer acknowledged it
     */
    CompletionStage<Void> send(byte[] text, Deadline deadline) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        sending.lock();
        try {
            takeCredit(text.length, deadline);
            try {
                enqueue(done);
                writer.send(FrameEncoder.notify(ByteBuffer.wrap(text)), deadline);
            } catch (RuntimeException e) {
                forget(done);
                connectionWindow.release(text.length);
                throw e;
            }
        } finally {
            sending.unlock();
        }
        return done;
    }

    private void takeCredit(int n, Deadline deadline) {
        int taken = 0;
        try {
            while (taken < n) {
                taken += connectionWindow.acquire(n - taken, deadline);
            }
        } catch (RuntimeException e) {
            connectionWindow.release(taken);
            throw e;
        }
    }

    private void enqueue(CompletableFuture<Void> done) {
        lock.lock();
        try {
            if (ended != null) {
                throw ended.get();
            }
            unacknowledged.add(done);
        } finally {
            lock.unlock();
        }
    }

    private void forget(CompletableFuture<Void> done) {
        lock.lock();
        try {
            unacknowledged.removeLastOccurrence(done);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes the notifications a NOTIFIED frame acknowledges. Called by the reader.
     *
     * @param count   how many, the oldest first
     * @param failure empty, or why the last of them failed to land
     * @throws HbiProtocolException if the peer acknowledges more than were sent (§12.4)
     */
    void acknowledged(int count, String failure) {
        CompletableFuture<?>[] done = new CompletableFuture<?>[count];
        boolean settled;
        lock.lock();
        try {
            if (count > unacknowledged.size()) {
                throw new HbiProtocolException("the peer acknowledged " + count + " notifications, but "
                        + unacknowledged.size() + " were sent and not yet acknowledged (wire-protocol.md §12.4)");
            }
            for (int i = 0; i < count; i++) {
                done[i] = unacknowledged.remove();
            }
            settled = unacknowledged.isEmpty();
        } finally {
            lock.unlock();
        }
        Callbacks.EXECUTOR.execute(() -> {
            for (int i = 0; i < count; i++) {
                if (i == count - 1 && !failure.isEmpty()) {
                    done[i].completeExceptionally(new PeerLandingException(failure));
                } else {
                    done[i].complete(null);
                }
            }
        });
        if (settled) {
            connection.signalHostingDone();
        }
    }

    /**
     * Tells whether the peer acknowledged every notification sent.
     *
     * @return {@code true} if none waits for its acknowledgement
     */
    boolean settled() {
        lock.lock();
        try {
            return unacknowledged.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fails the notifications not yet acknowledged, and refuses new ones: the peer will acknowledge
     * nothing more.
     *
     * @param cause makes what they fail with
     */
    void ended(Supplier<RuntimeException> cause) {
        CompletableFuture<?>[] open;
        lock.lock();
        try {
            if (ended == null) {
                ended = cause;
            }
            open = unacknowledged.toArray(CompletableFuture<?>[]::new);
            unacknowledged.clear();
        } finally {
            lock.unlock();
        }
        if (open.length > 0) {
            Callbacks.EXECUTOR.execute(() -> {
                for (CompletableFuture<?> f : open) {
                    f.completeExceptionally(cause.get());
                }
            });
        }
    }
}
