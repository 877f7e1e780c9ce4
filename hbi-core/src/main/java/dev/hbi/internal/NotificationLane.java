package dev.hbi.internal;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.internal.wire.Utf8;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Lands the notifications the peer sends in NOTIFY frames (docs/wire-protocol.md §12): one at a time, in
 * the order they arrived, outside any conversation, and acknowledges them with NOTIFIED.
 *
 * <p>Threading: the reader {@linkplain #offer offers} scripts and never waits. A virtual thread, the
 * <em>lander</em>, drains the queue; it is started by the offer that finds the lane empty and ends when it
 * has landed the last script there is. {@code queued} counts the scripts offered and not yet landed: the
 * offer that raises it from 0 starts the lander, the landing that brings it back to 0 ends it, so exactly
 * one lander runs while scripts wait and none is left behind. The lander's own counters are touched by
 * no other thread.
 */
final class NotificationLane {

    private static final System.Logger LOG = System.getLogger("dev.hbi");
    /** §12.4: acknowledge at least this often while notifications keep coming. */
    private static final int ACK_EVERY = 1024;

    /** Sends a NOTIFIED frame: the count, and the failure of the last one or an empty text. */
    interface Acknowledger {
        void acknowledge(int count, String failure);
    }

    private final Connection connection;
    private final int maxScriptSize;
    private final IntConsumer consumed;
    private final Acknowledger acknowledger;
    private final Queue<ByteBuffer> scripts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile Thread lander;
    private volatile boolean stopped;
    private long landed; // the lander's: notifications landed on this connection, to name them
    private int unacknowledged; // the lander's

    /**
     * Creates the lane of a connection.
     *
     * @param connection    the connection, whose environment lands the scripts
     * @param maxScriptSize this side's MAX_SCRIPT_SIZE: a longer notification fails to land
     * @param consumed      credits the connection window with the bytes of a landed script (§12.3)
     * @param acknowledger  sends NOTIFIED
     */
    NotificationLane(Connection connection, int maxScriptSize, IntConsumer consumed, Acknowledger acknowledger) {
        this.connection = connection;
        this.maxScriptSize = maxScriptSize;
        this.consumed = consumed;
        this.acknowledger = acknowledger;
    }

    /**
     * Queues a script to land after the ones before it. Called by the reader; never waits.
     *
     * @param text the script's UTF-8 bytes, which the lane now owns
     */
    void offer(ByteBuffer text) {
        scripts.add(text);
        if (queued.getAndIncrement() == 0) {
            Thread t = Thread.ofVirtual().name(connection.name() + "-notifications").unstarted(this::drain);
            lander = t;
            t.start();
        }
    }

    /**
     * Tells whether every notification that arrived has been landed.
     *
     * @return {@code true} if none waits or is being landed
     */
    boolean idle() {
        return queued.get() == 0;
    }

    /**
     * Stops landing, as the connection ends: a notification being landed is interrupted, those still
     * queued are dropped unacknowledged (§12.6). Never interrupts the calling thread (code landed from
     * the lane that closes its own connection).
     */
    void stop() {
        stopped = true;
        Thread t = lander;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    private void drain() {
        do {
            ByteBuffer text = scripts.remove();
            if (stopped) {
                continue;
            }
            String failure = land(text);
            consumed.accept(text.remaining());
            unacknowledged++;
            // queued is 1 when this was the last that arrived: acknowledge everything landed so far
            if (failure != null || unacknowledged >= ACK_EVERY || queued.get() == 1) {
                acknowledger.acknowledge(unacknowledged, failure == null ? "" : failure);
                unacknowledged = 0;
            }
        } while (queued.decrementAndGet() > 0);
        connection.signalHostingDone();
    }

    /**
     * Lands one script in the connection's environment with no conversation to answer on.
     *
     * @return {@code null} if it landed, otherwise why not
     */
    private String land(ByteBuffer text) {
        long number = ++landed;
        try {
            connection.awaitInitialized(connection.recvDeadline());
            if (text.remaining() > maxScriptSize) {
                return "notification " + number + " of " + text.remaining() + " bytes is longer than the"
                        + " MAX_SCRIPT_SIZE of " + maxScriptSize + " (wire-protocol.md §12.2)";
            }
            String code = Utf8.decode(text.array(), text.arrayOffset() + text.position(), text.remaining());
            if (!code.isEmpty()) {
                HostingEnv env = connection.env();
                env.lander().land(code, new ConversationContext(connection, env, null));
            }
            return null;
        } catch (CharacterCodingException e) {
            return "notification " + number + " is not valid UTF-8 (wire-protocol.md §12.5)";
        } catch (LandingException e) {
            return "landing error in notification " + number + ": " + e.getMessage();
        } catch (Throwable e) {
            if (e instanceof Error) {
                LOG.log(Level.ERROR, connection.name() + ": notification " + number + " failed", e);
            }
            return "notification " + number + " failed: " + (e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }
}
