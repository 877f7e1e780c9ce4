package dev.hbi.internal;

import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import dev.hbi.HostingEnv;
import dev.hbi.internal.wire.Utf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lands the notifications the peer sends in NOTIFY frames (docs/wire-protocol.md §12): one at a time, in
 * the order they arrived, outside any conversation, and acknowledges them with NOTIFIED frames, which
 * give the peer back their window.
 *
 * <p>Threading: the reader {@linkplain #offer offers} scripts and never waits; a {@link SerialExecutor}
 * lands them on its runner thread, which alone touches the counters of what it landed and not yet
 * acknowledged. {@code received} (bytes arrived and not acknowledged) is raised by the reader and lowered
 * by the runner before each NOTIFIED leaves, so it never undercounts what the peer may send.
 */
final class NotificationLane {

    /** §12.4: acknowledge at least this often while notifications keep coming. */
    private static final int ACK_EVERY = 1024;

    /** Sends a NOTIFIED frame, waiting for room in the writer's queue; throws if there is none in time. */
    interface Acknowledger {
        void acknowledge(int count, String failure);
    }

    private final Connection connection;
    private final int window;
    private final int maxScriptSize;
    private final Acknowledger acknowledger;
    private final SerialExecutor landings;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean stopped;
    private long landed; // the runner's: notifications landed on this connection, to name them
    private int unacknowledged; // the runner's
    private long unacknowledgedBytes; // the runner's

    /**
     * Creates the lane of a connection.
     *
     * @param connection    the connection, whose environment lands the scripts
     * @param window        this side's INITIAL_WINDOW_SIZE: the notification window it gives the peer (§12.3)
     * @param maxScriptSize this side's MAX_SCRIPT_SIZE: a longer notification fails to land
     * @param acknowledger  sends NOTIFIED
     */
    NotificationLane(Connection connection, int window, int maxScriptSize, Acknowledger acknowledger) {
        this.connection = connection;
        this.window = window;
        this.maxScriptSize = maxScriptSize;
        this.acknowledger = acknowledger;
        this.landings = new SerialExecutor(connection.name() + "-notifications", connection::signalHostingDone);
    }

    /**
     * Queues a script to land after the ones before it. Called by the reader; never waits.
     *
     * @param text the script's UTF-8 bytes, which the lane now owns
     * @throws HbiProtocolException with FLOW_CONTROL_ERROR if the peer exceeded its window (§12.3)
     */
    void offer(ByteBuffer text) {
        if (received.addAndGet(text.remaining()) > window) {
            throw new HbiProtocolException(ErrorCode.FLOW_CONTROL_ERROR, "the peer sent more than the window of "
                    + window + " bytes for notifications allows (wire-protocol.md §12.3)");
        }
        landings.execute(() -> landOne(text));
    }

    /**
     * Tells whether every notification that arrived has been landed.
     *
     * @return {@code true} if none waits or is being landed
     */
    boolean idle() {
        return landings.idle();
    }

    /**
     * Stops landing, as the connection ends: a notification being landed is interrupted, those still
     * queued are dropped unacknowledged (§12.6). Never interrupts the calling thread (code landed from
     * the lane that closes its own connection).
     */
    void stop() {
        stopped = true;
        landings.interruptRunner();
    }

    private void landOne(ByteBuffer text) {
        if (stopped) {
            return;
        }
        String failure = land(text);
        unacknowledged++;
        unacknowledgedBytes += text.remaining();
        if (failure != null || !landings.moreQueued() || unacknowledged >= ACK_EVERY
                || unacknowledgedBytes >= window / 2) {
            acknowledge(failure == null ? "" : failure);
        }
    }

    private void acknowledge(String failure) {
        int count = unacknowledged;
        received.addAndGet(-unacknowledgedBytes);
        unacknowledged = 0;
        unacknowledgedBytes = 0;
        try {
            acknowledger.acknowledge(count, failure);
        } catch (RuntimeException e) {
            if (!connection.isClosing()) {
                connection.fail("the peer does not read the acknowledgements of its notifications: " + e.getMessage(),
                        new HbiProtocolException(ErrorCode.ENHANCE_YOUR_CALM, e.getMessage()));
            }
        }
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
            HostingEnv env = connection.env();
            env.lander().land(code, new ConversationContext(connection, env, null));
            return null;
        } catch (CharacterCodingException e) {
            return "notification " + number + " is not valid UTF-8 (wire-protocol.md §12.5)";
        } catch (Throwable e) {
            return Farewells.hostingFailure(connection, "notification " + number, e);
        }
    }
}
