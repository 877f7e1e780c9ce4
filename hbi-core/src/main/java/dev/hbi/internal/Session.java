package dev.hbi.internal;

import dev.hbi.DisconnectCause;
import dev.hbi.HbiConfig;
import dev.hbi.HostingEnv;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One wire protocol running a {@link Connection}: the classic wire ({@link ClassicSession}) or the
 * multiplexed one ({@link MuxSession}). The connection keeps the threads and the life cycle; the session
 * keeps what is on the wire.
 */
interface Session {

    /**
     * Returns the wire this session speaks.
     *
     * @return {@link HbiConfig.Wire#CLASSIC} or {@link HbiConfig.Wire#MULTIPLEXED}
     */
    HbiConfig.Wire wire();

    /**
     * The reader loop: runs on the reader thread until a clean end of stream, or until the connection is
     * closing.
     *
     * @throws IOException if the wire fails
     */
    void run() throws IOException;

    /**
     * Returns how often the connection's {@link Watchdog} should call {@link #check}.
     *
     * @return the period in nanoseconds
     */
    long checkPeriodNanos();

    /**
     * Checks that the peer is still healthy, and ends the connection if it is not. Called by the
     * connection's watchdog thread only.
     *
     * @param now the current {@link System#nanoTime()}
     */
    void check(long now);

    /**
     * Waits until conversations can be started: on the multiplexed wire, until the peer's settings have
     * arrived.
     *
     * @param deadline when to give up
     */
    void awaitReady(Deadline deadline);

    /**
     * Starts a posting conversation.
     *
     * @param env      the environment its answer is landed in
     * @param deadline when to give up waiting for the turn or a free slot
     * @return the conversation, in its send stage
     */
    PostingConversationImpl openPosting(HostingEnv env, Deadline deadline);

    /**
     * Sends a notification for the peer to land after the ones sent before it, in a NOTIFY frame of the
     * multiplexed wire (docs/wire-protocol.md §12), if the peer lands those.
     *
     * @param code     the code
     * @param deadline when to give up waiting for credit or the writer
     * @return completes once the peer landed it; {@code null} if the peer does not land NOTIFY frames
     */
    CompletionStage<Void> notifyInOrder(String code, Deadline deadline);

    /**
     * Tells whether every notification the peer sent in NOTIFY frames has been landed.
     *
     * @return {@code true} if none waits to be landed
     */
    boolean notificationsLanded();

    /**
     * Tells whether the peer acknowledged every notification this side sent in NOTIFY frames.
     *
     * @return {@code true} if none waits for its acknowledgement
     */
    boolean notificationsAcknowledged();

    /**
     * The peer has closed its side cleanly: the conversations waiting for an answer fail now.
     *
     * @param refused makes the exception they get
     */
    void peerEnded(Supplier<RuntimeException> refused);

    /**
     * The connection is ending: every waiter fails.
     *
     * @param refused makes the exception waiters get
     */
    void terminated(Supplier<RuntimeException> refused);

    /**
     * Returns what to tell the peer as the connection ends for a cause: the classic wire's {@code err}
     * packet, the multiplexed wire's GOAWAY.
     *
     * @param cause why the connection ends
     * @return the bytes to send, or {@code null} for nothing
     */
    ByteBuffer farewell(DisconnectCause cause);
}
