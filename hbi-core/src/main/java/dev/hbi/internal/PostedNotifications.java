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
 * The notifications this side sends in NOTIFY frames (docs/wire-protocol.md §12), their window, and
 * those of them the peer has not acknowledged yet.
 *
 * <p>Threading and locks: a sender holds {@code sending} for the whole of one notification (taking its
 * credit, queueing it for the writer), so that notifications go out in the order their senders got the
 * lock, and so that one sender at most holds part of the window while it waits for the rest. {@code lock}
 * guards the queue of unacknowledged notifications, which the reader pops as NOTIFIED frames arrive; it
 * is taken inside {@code sending}, never the other way round, and nothing else is taken inside it. The
 * window's and the writer's locks are taken inside {@code sending} only. Completions run in order on one
 * thread of their own ({@code completions}), never on the reader: a dependent action may block.
 */
final class PostedNotifications {

    /** A notification sent and not yet acknowledged: its completion and how much window it holds. */
    private record Unacknowledged(CompletableFuture<Void> done, int bytes) {
    }

    private final Connection connection;
    private final SendWindow window;
    private final WireWriter writer;
    private final SerialExecutor completions;
    private final ReentrantLock sending = new ReentrantLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Unacknowledged> unacknowledged = new ArrayDeque<>(); // guarded by lock
    private Supplier<RuntimeException> ended; // guarded by lock

    /**
     * Creates the notifications of a connection.
     *
     * @param connection the connection
     * @param window     the peer's INITIAL_WINDOW_SIZE: the window of notifications (§12.3)
     * @param writer     the connection's writer
     */
    PostedNotifications(Connection connection, int window, WireWriter writer) {
        this.connection = connection;
        this.window = new SendWindow(() -> "ordered notifications", window);
        this.writer = writer;
        this.completions = new SerialExecutor(connection.name() + "-notified", connection::signalHostingDone);
    }

    /**
     * Sends one notification, after the ones sent before it.
     *
     * @param text     the script's UTF-8 bytes, at least one and at most the peer's window
     * @param deadline how long to wait for the turn, for credit and for room in the writer's queue
     * @return completes once the peer acknowledged it
     */
    CompletionStage<Void> send(byte[] text, Deadline deadline) {
        Unacknowledged sent = new Unacknowledged(new CompletableFuture<>(), text.length);
        deadline.lock(sending, () -> "the turn to send an ordered notification");
        try {
            takeCredit(text.length, deadline);
            try {
                enqueue(sent);
                writer.send(FrameEncoder.notify(ByteBuffer.wrap(text)), deadline);
            } catch (RuntimeException e) {
                forget(sent);
                window.release(text.length);
                throw e;
            }
        } finally {
            sending.unlock();
        }
        return sent.done();
    }

    private void takeCredit(int n, Deadline deadline) {
        int taken = 0;
        try {
            while (taken < n) {
                taken += window.acquire(n - taken, deadline);
            }
        } catch (RuntimeException e) {
            window.release(taken);
            throw e;
        }
    }

    private void enqueue(Unacknowledged sent) {
        lock.lock();
        try {
            if (ended != null) {
                throw ended.get();
            }
            unacknowledged.add(sent);
        } finally {
            lock.unlock();
        }
    }

    private void forget(Unacknowledged sent) {
        boolean settled;
        lock.lock();
        try {
            unacknowledged.removeLastOccurrence(sent);
            settled = unacknowledged.isEmpty();
        } finally {
            lock.unlock();
        }
        if (settled) {
            connection.signalHostingDone();
        }
    }

    /**
     * Completes the notifications a NOTIFIED frame acknowledges and gives their window back. Called by
     * the reader.
     *
     * @param count   how many, the oldest first
     * @param failure empty, or why the last of them failed to land
     * @throws HbiProtocolException if the peer acknowledges more than were sent (§12.4)
     */
    void acknowledged(int count, String failure) {
        Unacknowledged[] acked;
        long bytes = 0;
        lock.lock();
        try {
            if (count > unacknowledged.size()) {
                throw new HbiProtocolException("the peer acknowledged " + count + " notifications, but "
                        + unacknowledged.size() + " were sent and not yet acknowledged (wire-protocol.md §12.4)");
            }
            acked = new Unacknowledged[count];
            for (int i = 0; i < count; i++) {
                acked[i] = unacknowledged.remove();
                bytes += acked[i].bytes();
            }
            // queued under the lock, so that settled() never sees them neither unacknowledged nor queued
            completions.execute(() -> complete(acked, failure));
        } finally {
            lock.unlock();
        }
        window.release(bytes);
    }

    private static void complete(Unacknowledged[] acked, String failure) {
        for (int i = 0; i < acked.length; i++) {
            if (i == acked.length - 1 && !failure.isEmpty()) {
                acked[i].done().completeExceptionally(new PeerLandingException(failure));
            } else {
                acked[i].done().complete(null);
            }
        }
    }

    /**
     * Tells whether the peer acknowledged every notification sent, and their completions have run.
     *
     * @return {@code true} if none waits for its acknowledgement
     */
    boolean settled() {
        lock.lock();
        try {
            return unacknowledged.isEmpty() && completions.idle();
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
        Unacknowledged[] open;
        lock.lock();
        try {
            if (ended == null) {
                ended = cause;
            }
            open = unacknowledged.toArray(Unacknowledged[]::new);
            unacknowledged.clear();
            completions.execute(() -> {
                for (Unacknowledged u : open) {
                    u.done().completeExceptionally(cause.get());
                }
            }); // under the lock, as in acknowledged
        } finally {
            lock.unlock();
        }
        window.close(cause);
    }
}
