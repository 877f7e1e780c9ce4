package dev.hbi.internal;

import dev.hbi.CleanupHook;
import dev.hbi.ConnectionClosedException;
import dev.hbi.DisconnectCause;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiProtocolException;
import dev.hbi.HbiTimeoutException;
import dev.hbi.HostingEnd;
import dev.hbi.HostingEnv;
import dev.hbi.InitHook;
import dev.hbi.PostingConversation;
import dev.hbi.PostingEnd;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One HBI connection: its threads, its conversations and its life cycle.
 *
 * <p>Threads, each a named virtual thread:
 * <ul>
 * <li>{@code hbi-N-reader} reads the wire ({@link Session#run()}); when the connection ends it
 *     drains the wire, closes it, runs the cleanup hook exactly once and completes {@link #disconnected()}.
 * <li>{@code hbi-N-writer} writes everything queued ({@link WireWriter}).
 * <li>{@code hbi-N-ho-SEQ}, one per hosting conversation, lands the peer's request. When the connection
 *     ends, the ones still working are interrupted: their work can no longer be answered, and a function
 *     that blocks forever must not outlive its connection.
 * <li>{@code hbi-N-notifications} lands the peer's ordered notifications on the multiplexed wire, one
 *     at a time ({@link NotificationLane}); it runs while some wait.
 * <li>{@code hbi-N-watchdog} ends the connection with a stalled or silent peer ({@link Watchdog}).
 * <li>{@code hbi-N-closer}, started when the connection ends, bounds the time closing may take.
 * </ul>
 *
 * <p>Ending: {@link #terminate} is the one way down, from any thread; the first cause wins. It fails
 * every waiter at once, queues the peer's {@code err} packet if the cause is a local error, lets the
 * writer flush, half-closes, and lets the reader drain until the peer closes, each step bounded by
 * {@link HbiConfig#closeTimeout()}.
 *
 * <p>Locks: {@code hostingLock} only guards waiting for the hosting conversations to end (and for the
 * connection to be quiet); inside it only the session's short locks that tell whether notifications are
 * settled are taken. {@code orderedNotifications} is held
 * by a sender of an ordered notification that goes as a conversation, for the whole of it, so that the
 * next one waits until it has completed; it is taken before any lock of the session.
 */
public final class Connection implements HbiConnection {

    private static final System.Logger LOG = System.getLogger("dev.hbi");
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String name;
    private final HbiConfig config;
    private final HostingEnv env;
    private final Wire wire;
    private final WireWriter writer;
    private final Session session;
    private final PostingEndImpl postingEnd;
    private final HostingEndImpl hostingEnd;
    private final AtomicReference<DisconnectCause> cause = new AtomicReference<>();
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();
    private final CompletableFuture<DisconnectCause> disconnected = new CompletableFuture<>();
    private final CountDownLatch readerFinished = new CountDownLatch(1);
    private final Set<HostingConversationImpl> hosting = ConcurrentHashMap.newKeySet();
    private final Set<PostingConversationImpl> posting = ConcurrentHashMap.newKeySet();
    private final ReentrantLock hostingLock = new ReentrantLock();
    private final Condition hostingDone = hostingLock.newCondition();
    private volatile int hostingDoneWaiters; // changed under hostingLock
    private final ReentrantLock orderedNotifications = new ReentrantLock();
    private volatile Thread reader;
    private volatile Watchdog watchdog;
    private final boolean probe;
    private volatile boolean initStarted;
    private volatile boolean shuttingDown;

    private Connection(Wire wire, HostingEnv env, HbiConfig config, Protocol protocol) {
        this.name = "hbi-" + IDS.incrementAndGet();
        this.config = config;
        this.env = env;
        this.wire = wire;
        this.writer = new WireWriter(wire, config.outboundQueueBytes(), this::writeFailed, this::closedException,
                stuck -> fail("data being written was given up: " + stuck.getMessage(), stuck));
        this.session = protocol.wire() == HbiConfig.Wire.CLASSIC
                ? new ClassicSession(this, wire, writer, protocol.sniffed())
                : new MuxSession(this, wire, writer, protocol.dialer(), protocol.sniffed());
        this.postingEnd = new PostingEndImpl(this);
        this.hostingEnd = new HostingEndImpl(this);
        this.probe = protocol.probe();
    }

    /**
     * Which wire a connection speaks, and how it began.
     *
     * @param wire    {@link HbiConfig.Wire#CLASSIC} or {@link HbiConfig.Wire#MULTIPLEXED}
     * @param dialer  whether this side dialed (multiplexed wire: odd conversation ids, sends its preface
     *                first)
     * @param sniffed bytes already read from the wire to tell the wires apart, to be read again
     * @param probe   whether this is an AUTO client's try of the multiplexed wire: it waits for the peer's
     *                preface only the detection window, then the classic wire is tried
     */
    public record Protocol(HbiConfig.Wire wire, boolean dialer, ByteBuffer sniffed, boolean probe) {
        /**
         * Checks the wire.
         *
         * @param wire    the wire
         * @param dialer  whether this side dialed
         * @param sniffed bytes already read
         * @param probe   whether this is an AUTO client's try of the multiplexed wire
         */
        public Protocol {
            if (wire == HbiConfig.Wire.AUTO) {
                throw new IllegalArgumentException("a connection speaks one wire; AUTO is decided before");
            }
        }

        /**
         * Returns the protocol of a dialing side that has read nothing yet.
         *
         * @param wire the wire
         * @return the protocol
         */
        public static Protocol dialing(HbiConfig.Wire wire) {
            return new Protocol(wire, true, ByteBuffer.allocate(0), false);
        }

        /**
         * Returns the protocol of an AUTO client trying the multiplexed wire.
         *
         * @return the protocol
         */
        public static Protocol probing() {
            return new Protocol(HbiConfig.Wire.MULTIPLEXED, true, ByteBuffer.allocate(0), true);
        }
    }

    /**
     * Starts a classic-wire connection over a connected wire, as the dialing side.
     *
     * @param wire   the connected wire
     * @param env    the connection's environment, not yet used by another connection
     * @param config the settings
     * @return the running connection
     */
    public static Connection start(Wire wire, HostingEnv env, HbiConfig config) {
        return start(wire, env, config, Protocol.dialing(HbiConfig.Wire.CLASSIC));
    }

    /**
     * Starts a connection over a connected wire: binds the environment and starts the reader and writer.
     * The init hook is run by {@link #init()}.
     *
     * @param wire     the connected wire
     * @param env      the connection's environment, not yet used by another connection
     * @param config   the settings
     * @param protocol which wire, and how the connection began
     * @return the running connection
     */
    public static Connection start(Wire wire, HostingEnv env, HbiConfig config, Protocol protocol) {
        Connection c = new Connection(wire, env, config, protocol);
        try {
            EnvAccess.bridge().attach(env, c);
        } catch (RuntimeException e) {
            wire.close();
            throw e;
        }
        // first: the writer and the reader may end the connection, which stops the watchdog
        c.watchdog = Watchdog.start(c.name + "-watchdog", c.session.checkPeriodNanos(),
                () -> c.session.check(System.nanoTime()));
        c.writer.start(c.name + "-writer");
        // assigned before it runs, so that the reader can always recognise itself (see awaitDown)
        c.reader = Thread.ofVirtual().name(c.name + "-reader").unstarted(c::read);
        c.reader.start();
        return c;
    }

    /**
     * Runs the init hook on the calling thread. Until it returns, the peer's requests wait to be landed,
     * so that they find what the hook exposes; answers to this side's own requests are received meanwhile,
     * so the hook may post and wait. On the classic wire a request of the peer that arrives first holds the
     * inbound stream while it waits, so an answer behind it cannot arrive: a hook that waits for an answer
     * then times out. The multiplexed wire has no such limit.
     *
     * @throws ConnectionClosedException if the hook failed (the connection is then closed, the peer told
     *                                   why) or the connection ended first
     */
    public void init() {
        Optional<InitHook> hook = env.initHook();
        try {
            session.awaitReady(Deadline.after(probe ? config.detectionWindow() : config.connectTimeout()));
            initStarted = true;
            if (hook.isPresent()) {
                hook.get().init(postingEnd, hostingEnd);
            }
            initialized.complete(null);
        } catch (Throwable e) {
            fail("init failed: " + e, e);
            if (e instanceof Error error) {
                throw error;
            }
            throw closedException();
        }
        if (isClosing()) {
            throw closedException();
        }
    }

    /**
     * Waits until the init hook has run.
     *
     * @param deadline when to give up
     */
    void awaitInitialized(Deadline deadline) {
        if (initialized.isDone() && !initialized.isCompletedExceptionally()) {
            return;
        }
        try {
            initialized.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw deadline.expired("the connection's init hook to finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.hbi.ConversationInterruptedException("interrupted while waiting for init", e);
        } catch (ExecutionException e) {
            throw closedException();
        }
    }

    // ---- the reader thread ----

    private void read() {
        try {
            session.run();
            if (!isClosing()) {
                session.peerEnded(this::peerEndedException);
                awaitHostingDone();
                terminate(new DisconnectCause.PeerClose());
            }
        } catch (EOFException e) {
            // the reference says "Receiver ... not fulfilled" (hbi-wire-reference §5)
            terminate(new DisconnectCause.LocalError(e.getMessage(), e));
        } catch (PeerErrorReceived e) {
            terminate(new DisconnectCause.PeerError(e.reason()));
        } catch (HbiProtocolException | HbiTimeoutException e) {
            terminate(new DisconnectCause.LocalError(e.getMessage(), e));
        } catch (ConnectionClosedException e) {
            // ended elsewhere; the cause is recorded
        } catch (IOException e) {
            terminate(new DisconnectCause.IoFailure(e));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, name + ": reader failed", e);
            terminate(new DisconnectCause.LocalError("internal error: " + e, e));
        }
        drain();
        finish();
    }

    /** After the peer's end of stream: lets hosting conversations that are still working answer. */
    private void awaitHostingDone() {
        awaitHosting(() -> hosting.isEmpty() && session.notificationsLanded(), Deadline.after(config.sendTimeout()));
    }

    /**
     * Waits until {@code done} holds, the connection is closing, or the deadline passes. Conversations
     * that end signal only while somebody waits here: the waiter counts itself before it first checks
     * {@code done}, and an ending conversation changes what {@code done} reads before it reads the count,
     * so one of the two sees the other (all of it is volatile or atomic).
     *
     * @param done     what is waited for
     * @param deadline until when, or {@code null} to wait until {@code done} or closing
     */
    private void awaitHosting(BooleanSupplier done, Deadline deadline) {
        hostingLock.lock();
        hostingDoneWaiters++;
        try {
            while (!done.getAsBoolean() && !isClosing()) {
                if (deadline == null) {
                    hostingDone.awaitUninterruptibly();
                } else if (deadline.remainingNanos() <= 0 || hostingDone.awaitNanos(deadline.remainingNanos()) < 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hostingDoneWaiters--;
            hostingLock.unlock();
        }
    }

    /** Reads and drops what still arrives, until the peer closes or the closer closes the wire. */
    private void drain() {
        ByteBuffer scratch = ByteBuffer.allocate(8192);
        try {
            while (wire.read(scratch.clear()) >= 0) {
                scratch.clear();
            }
        } catch (IOException closed) {
            // the wire is closed: nothing more to drain
        }
    }

    private void finish() {
        readerFinished.countDown();
        writer.awaitStopped(config.closeTimeout());
        wire.close();
        writer.abort(closedException());
        DisconnectCause ended = cause.get();
        if (initStarted) {
            // a connection that never got to init was never established for the application
            env.cleanupHook().ifPresent(hook -> runCleanup(hook, ended));
        }
        disconnected.complete(ended);
    }

    private void runCleanup(CleanupHook hook, DisconnectCause ended) {
        try {
            hook.cleanup(postingEnd, hostingEnd, ended);
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, name + ": cleanup hook failed", e);
        }
    }

    // ---- ending ----

    /**
     * Ends the connection because of a failure on this side, telling the peer the reason.
     *
     * @param reason what the peer is told
     * @param error  the failure, for logs; may be {@code null}
     */
    void fail(String reason, Throwable error) {
        terminate(new DisconnectCause.LocalError(reason, error));
    }

    /**
     * Ends the connection. Only the first call has an effect. What the peer is told depends on the cause
     * and the wire ({@link Session#farewell}).
     *
     * @param ended why
     * @return {@code true} if this call ended the connection
     */
    boolean terminate(DisconnectCause ended) {
        if (!cause.compareAndSet(null, ended)) {
            return false;
        }
        // an AUTO client's probe that finds a classic server is expected to fail: the client dials again
        boolean expected = !ended.isError() || (probe && !peerWireConfirmed());
        LOG.log(expected ? Level.DEBUG : Level.WARNING, () -> name + " disconnected: " + ended.message());
        watchdog.stop();
        signalHostingDone();
        session.terminated(this::closedException);
        posting.forEach(p -> p.connectionEnded(closedException()));
        initialized.completeExceptionally(closedException());
        ByteBuffer farewell = session.farewell(ended);
        if (farewell != null) {
            try {
                writer.sendNow(farewell);
            } catch (ConnectionClosedException writerGone) {
                // the writer failed first: the peer cannot be told anything any more
            }
        }
        writer.finish();
        Thread.ofVirtual().name(name + "-closer").start(this::closeWire);
        hosting.forEach(HostingConversationImpl::interruptWork);
        return true;
    }

    /** Bounds closing: flush, half-close, let the reader drain; force the wire closed if any step hangs. */
    private void closeWire() {
        if (writer.awaitStopped(config.closeTimeout())) {
            try {
                wire.shutdownOutput();
            } catch (IOException alreadyClosed) {
                // nothing left to half-close
            }
        }
        try {
            if (!readerFinished.await(config.closeTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                wire.close();
            }
        } catch (InterruptedException e) {
            wire.close();
        }
    }

    /**
     * Tells whether the connection has begun to end.
     *
     * @return {@code true} once a cause is recorded
     */
    public boolean isClosing() {
        return cause.get() != null;
    }

    /**
     * Returns the exception for operations on the ended connection.
     *
     * @return a new exception carrying the cause
     */
    ConnectionClosedException closedException() {
        return closedException(new DisconnectCause.LocalClose("not connected"));
    }

    /**
     * Returns the exception for what the peer's end of stream refuses (sends that wait for its credit,
     * notifications it will never acknowledge): the cause if one is recorded by then, else the peer's
     * close. The connection records that only once its hosting conversations are done, maybe seconds
     * later, and the refusals must not say meanwhile that it was never connected.
     */
    private ConnectionClosedException peerEndedException() {
        return closedException(new DisconnectCause.PeerClose());
    }

    /** The exception carrying the recorded cause, or {@code unrecorded} while none is recorded. */
    private ConnectionClosedException closedException(DisconnectCause unrecorded) {
        DisconnectCause ended = cause.get();
        return new ConnectionClosedException(ended != null ? ended : unrecorded);
    }

    // ---- conversations ----

    PostingConversationImpl openPosting(HostingEnv landingEnv) {
        return openPosting(landingEnv, null);
    }

    /**
     * Opens a posting conversation.
     *
     * @param landingEnv where its answer is landed
     * @param limit      the conversation's own deadline, or {@code null} for none
     * @return the conversation, in its send stage
     */
    PostingConversationImpl openPosting(HostingEnv landingEnv, Deadline limit) {
        refuseIfEnding("conversations");
        PostingConversationImpl co = session.openPosting(landingEnv, Deadline.after(config.sendTimeout()).earlier(limit));
        if (limit != null) {
            co.limit(limit);
        }
        return co;
    }

    /**
     * Sends a notification the peer lands after the ones sent before it by this method: in a NOTIFY frame
     * if the peer lands those (docs/wire-protocol.md §12), otherwise as a conversation, once the one
     * before it has completed.
     *
     * @param code the code
     * @return completes once the peer landed it
     */
    CompletionStage<Void> notifyInOrder(String code) {
        Objects.requireNonNull(code, "code");
        refuseIfEnding("notifications");
        Deadline deadline = Deadline.after(config.sendTimeout());
        CompletionStage<Void> sent = session.notifyInOrder(code, deadline);
        return sent != null ? sent : notifyAfterThePrevious(code, deadline);
    }

    /** Nothing new once the connection is ending or shutting down. */
    private void refuseIfEnding(String what) {
        if (isClosing()) {
            throw closedException();
        }
        if (shuttingDown) {
            throw new dev.hbi.ConversationResetException(dev.hbi.ErrorCode.REFUSED_CONVERSATION,
                    name + " is shutting down: no new " + what);
        }
    }

    /** Without NOTIFY frames, order takes waiting for each notification to complete before the next. */
    private CompletionStage<Void> notifyAfterThePrevious(String code, Deadline deadline) {
        deadline.lock(orderedNotifications, () -> "the ordered notification before this one to complete");
        try {
            PostingConversation co = postingEnd.notify(code);
            try {
                co.awaitCompleted();
                return CompletableFuture.completedStage(null);
            } catch (RuntimeException failed) {
                return CompletableFuture.failedStage(failed);
            }
        } finally {
            orderedNotifications.unlock();
        }
    }

    void postingStarted(PostingConversationImpl co) {
        posting.add(co);
        if (isClosing()) {
            co.connectionEnded(closedException());
        }
    }

    void postingEnded(PostingConversationImpl co) {
        posting.remove(co);
        signalHostingDone();
    }

    void startHosting(HostingWire hostingWire) {
        HostingConversationImpl co = new HostingConversationImpl(this, hostingWire);
        hosting.add(co);
        co.start(Thread.ofVirtual().name(name + "-ho-" + hostingWire.id()).unstarted(co::run));
        if (isClosing()) {
            co.interruptWork();
        }
    }

    /**
     * Waits until fewer than {@link HbiConfig#maxConcurrentConversations()} hosting conversations are in
     * flight, or the connection ends. The classic reader calls it before it starts the next one, so a peer
     * that floods requests is held back by TCP instead of growing threads without bound; the multiplexed
     * wire refuses such conversations instead (docs/wire-protocol.md §5.6).
     */
    void awaitHostingSlot() {
        awaitHosting(() -> hosting.size() < config.maxConcurrentConversations(), null);
    }

    void hostingEnded(HostingConversationImpl co) {
        hosting.remove(co);
        signalHostingDone();
    }

    /**
     * Wakes whoever waits for the hosting conversations to end, or for the connection to be quiet; costs a
     * volatile read when nobody does (see {@link #awaitHosting}).
     */
    void signalHostingDone() {
        if (hostingDoneWaiters == 0) {
            return;
        }
        hostingLock.lock();
        try {
            hostingDone.signalAll();
        } finally {
            hostingLock.unlock();
        }
    }

    private void writeFailed(Throwable failure) {
        if (failure instanceof IOException io) {
            terminate(new DisconnectCause.IoFailure(io));
        } else {
            LOG.log(Level.ERROR, name + ": writer failed", failure);
            terminate(new DisconnectCause.LocalError("internal error: " + failure, failure));
        }
    }

    Deadline recvDeadline() {
        return Deadline.after(config.recvTimeout());
    }

    // ---- HbiConnection ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public HbiConfig config() {
        return config;
    }

    @Override
    public PostingEnd postingEnd() {
        return postingEnd;
    }

    @Override
    public HostingEnd hostingEnd() {
        return hostingEnd;
    }

    @Override
    public HostingEnv env() {
        return env;
    }

    @Override
    public HbiConfig.Wire wire() {
        return session.wire();
    }

    @Override
    public SocketAddress remoteAddress() {
        return wire.remoteAddress();
    }

    @Override
    public SocketAddress localAddress() {
        return wire.localAddress();
    }

    @Override
    public boolean isConnected() {
        return !isClosing();
    }

    @Override
    public void disconnect(String reason) {
        terminate(new DisconnectCause.LocalError(reason, null));
        awaitDown();
    }

    @Override
    public CompletionStage<DisconnectCause> shutdown(Duration timeout) {
        shuttingDown = true;
        if (session instanceof MuxSession mux) {
            mux.shutdown();
        }
        Deadline deadline = Deadline.after(timeout);
        Thread.ofVirtual().name(name + "-shutdown").start(() -> {
            awaitQuiet(deadline);
            close();
        });
        return disconnected();
    }

    /** Waits until no conversation is in flight, the connection ends, or the deadline passes. */
    private void awaitQuiet(Deadline deadline) {
        awaitHosting(this::quiet, deadline);
    }

    private boolean quiet() {
        return hosting.isEmpty() && posting.isEmpty() && session.notificationsLanded()
                && session.notificationsAcknowledged();
    }

    /**
     * Tells whether the peer showed it speaks the wire this connection speaks; a multiplexed-wire dial
     * that failed before knows the peer may speak the classic wire.
     *
     * @return {@code true} once known
     */
    public boolean peerWireConfirmed() {
        return !(session instanceof MuxSession mux) || mux.peerSpeaksMux();
    }

    /** Lets the environment serve another connection: for a probe abandoned before its init hook ran. */
    public void releaseEnv() {
        if (!initStarted) {
            EnvAccess.bridge().detach(env, this);
        }
    }

    @Override
    public void close() {
        terminate(new DisconnectCause.LocalClose("closed by this side"));
        awaitDown();
    }

    /** Waits for the reader to finish closing, unless called by the reader itself (from the cleanup hook). */
    private void awaitDown() {
        if (Thread.currentThread() == reader) {
            return;
        }
        try {
            disconnected.get(3 * config.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.WARNING, name + ": closing took longer than " + 3 * config.closeTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<DisconnectCause> disconnectCause() {
        return Optional.ofNullable(cause.get());
    }

    @Override
    public CompletionStage<DisconnectCause> disconnected() {
        // completed on a callback thread, never on the reader that runs the cleanup
        return disconnected.whenCompleteAsync((cause, failure) -> { }, Callbacks.EXECUTOR).minimalCompletionStage();
    }

    @Override
    public DisconnectCause awaitDisconnected(Duration timeout) {
        try {
            return disconnected.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw Deadline.after(timeout).expired("connection " + name + " to close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.hbi.ConversationInterruptedException("interrupted while waiting for " + name
                    + " to close", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String toString() {
        return name + "[" + describe(wire.localAddress()) + " <-> " + describe(wire.remoteAddress()) + "]";
    }

    /**
     * Formats an address as {@code host:port}, or the path of a Unix-domain socket.
     *
     * @param address the address
     * @return the text
     */
    public static String describe(SocketAddress address) {
        if (address instanceof java.net.InetSocketAddress inet) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
