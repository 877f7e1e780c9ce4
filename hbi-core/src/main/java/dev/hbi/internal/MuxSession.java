package dev.hbi.internal;

import dev.hbi.ConnectionClosedException;
import dev.hbi.ConversationInterruptedException;
import dev.hbi.ConversationResetException;
import dev.hbi.DisconnectCause;
import dev.hbi.ErrorCode;
import dev.hbi.HbiConfig;
import dev.hbi.HbiProtocolException;
import dev.hbi.HbiTimeoutException;
import dev.hbi.HostingEnv;
import dev.hbi.internal.wire.Buffers;
import dev.hbi.internal.wire.Frame;
import dev.hbi.internal.wire.FrameDecoder;
import dev.hbi.internal.wire.FrameEncoder;
import dev.hbi.internal.wire.FrameLog;
import dev.hbi.internal.wire.FrameType;
import dev.hbi.internal.wire.Preface;
import dev.hbi.internal.wire.Settings;
import dev.hbi.internal.wire.StreamDecoder;
import dev.hbi.internal.wire.Utf8;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The multiplexed wire of one connection (docs/wire-protocol.md): frames of all conversations
 * interleaved, flow control per conversation and for the connection, a failure ending only its
 * conversation.
 *
 * <p>The reader thread runs {@link #run()}: it reads the preface, then dispatches each frame without ever
 * waiting on anything but the socket (scripts and data go into each conversation's {@link MuxInbound},
 * whose window the peer may not exceed; control frames go out through {@link WireWriter#sendNow}).
 * Conversations send on their own threads, taking credit from their {@link SendWindow} and the
 * connection's outside any lock of the writer. The connection's {@link Watchdog} calls {@link #check} to
 * ping a quiet peer and end the connection when it stays silent for the idle timeout.
 *
 * <p>Locks: {@code lock} guards changes to the conversation table (the reader looks conversations up
 * without it), id allocation, the open counts and the shutdown flags. It is never held while another
 * lock of HBI is taken, except that {@link MuxStream} closing takes it after releasing its own state.
 */
final class MuxSession implements Session {

    private static final System.Logger FRAMES = System.getLogger("dev.hbi.frames");
    private static final int FIRST_DIALER_ID = 1;
    private static final int FIRST_ACCEPTOR_ID = 2;
    /** The least a conversation's buffer must take for the reader to read into it directly: a read's worth. */
    private static final int DIRECT_READ_MIN = 8192;

    private final Connection connection;
    private final WireWriter writer;
    private final WireInput input;
    private final boolean dialer;
    private final Settings local;
    private final FrameDecoder decoder;
    private final CompletableFuture<Settings> ready = new CompletableFuture<>();
    private volatile Settings remote;
    private volatile SendWindow connectionSend;
    private volatile boolean peerSpeaksMux;
    private final AtomicLong connectionReceive;
    private final AtomicLong connectionUnacknowledged = new AtomicLong();
    private volatile long lastReceived = System.nanoTime();
    private volatile boolean pingOutstanding;
    private MuxStream receivingData; // the reader's: where the pieces of the DATA frame being read go, or null
    private final NotificationLane lane;
    private volatile PostedNotifications posted; // once the peer's settings are known

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // read by the reader without the lock (every frame looks its conversation up); changed under the lock
    private final OwnConversations own = new OwnConversations();
    private final Map<Integer, MuxStream> hosted = new ConcurrentHashMap<>(); // the peer's conversations
    private int nextId; // guarded by lock
    private int hostingOpen; // guarded by lock
    private boolean goAwaySent; // guarded by lock
    private boolean goAwayReceived; // guarded by lock
    private Supplier<RuntimeException> refusal; // guarded by lock

    MuxSession(Connection connection, Wire wire, WireWriter writer, boolean dialer, ByteBuffer sniffed) {
        HbiConfig config = connection.config();
        this.connection = connection;
        this.writer = writer;
        this.dialer = dialer;
        this.input = new WireInput(wire, config.readBufferSize(), sniffed);
        this.local = new Settings(config.maxFrameSize(), config.initialWindowSize(), config.connectionWindowSize(),
                config.maxConcurrentConversations(), Math.min(config.maxPacketSize(), config.initialWindowSize()), true);
        this.decoder = new FrameDecoder(local.maxFrameSize());
        this.connectionReceive = new AtomicLong(local.connectionWindowSize());
        this.nextId = dialer ? FIRST_DIALER_ID : FIRST_ACCEPTOR_ID;
        this.lane = new NotificationLane(connection, local.initialWindowSize(), local.maxScriptSize(),
                (count, failure) -> writer.send(FrameEncoder.notified(count, failure, peerMaxFrameSize()),
                        Deadline.after(config.sendTimeout())));
        if (dialer) {
            // §2.3: the dialer sends its preface at once
            writer.sendNow(FrameEncoder.preface(local));
        }
    }

    @Override
    public HbiConfig.Wire wire() {
        return HbiConfig.Wire.MULTIPLEXED;
    }

    /**
     * Tells whether the peer showed it speaks this wire (its magic arrived).
     *
     * @return {@code false} until then; a dialer that gives up before knows the peer may be classic
     */
    boolean peerSpeaksMux() {
        return peerSpeaksMux;
    }

    // ---- the reader ----

    @Override
    public void run() throws IOException {
        readPreface();
        lastReceived = System.nanoTime();
        while (!connection.isClosing()) {
            Frame frame = input.read(decoder);
            if (frame == null) {
                return;
            }
            lastReceived = System.nanoTime();
            if (FRAMES.isLoggable(Level.TRACE)) {
                FRAMES.log(Level.TRACE, connection.name() + " " + FrameLog.format(true, frame));
            }
            dispatch(frame);
        }
    }

    private void readPreface() throws IOException {
        ByteBuffer head = input.read(new FixedLength(Preface.LENGTH));
        if (head == null) {
            throw new EOFException("the peer closed the connection before sending the multiplexed wire's preface");
        }
        if (Preface.isTokenChallenge(head)) {
            peerSpeaksMux = true; // a peer of this library: the classic wire would meet the same challenge
            throw new HbiProtocolException("the peer asks for a token (docs/wire-protocol.md §11); set one with"
                    + " HbiConfig.security(HbiSecurity.builder().token(...))");
        }
        Preface.checkMagic(head);
        peerSpeaksMux = true;
        if (!dialer) {
            writer.sendNow(FrameEncoder.preface(local));
        }
        Preface.checkVersion(head);
        Frame first = input.read(decoder);
        if (first == null) {
            throw new EOFException("the peer closed the connection before its SETTINGS");
        }
        if (!(first instanceof Frame.SettingsFrame settings)) {
            throw new HbiProtocolException("the preface must end with SETTINGS, not " + first
                    + " (wire-protocol.md §2.1)");
        }
        remote = settings.settings();
        connectionSend = new SendWindow(() -> "the connection", remote.connectionWindowSize());
        posted = new PostedNotifications(connection, remote.initialWindowSize(), writer);
        ready.complete(remote);
        if (connection.isClosing()) {
            connectionSend.close(connection::closedException);
            posted.ended(connection::closedException);
        }
    }

    private void dispatch(Frame frame) throws IOException {
        switch (frame) {
            case Frame.Data d -> {
                if (d.first()) {
                    receivingData = payload(d.conversationId(), d.frameLength());
                }
                if (receivingData != null) {
                    int left = d.frameLength() - d.offset() - d.payload().remaining();
                    receivingData.onData(d.payload());
                    readDataDirect(d.frameLength(), left);
                }
            }
            case Frame.Code c -> {
                MuxStream s = payload(c.conversationId(), c.text().remaining());
                if (s != null) {
                    s.onCode(c);
                }
            }
            case Frame.End e -> {
                MuxStream s = streamFor(e.conversationId(), true);
                if (s != null) {
                    s.onEnd();
                }
            }
            case Frame.Reset r -> {
                MuxStream s = streamFor(r.conversationId(), false);
                if (s != null) {
                    s.onReset(r.errorCode(), r.message());
                }
            }
            case Frame.WindowUpdate w -> windowUpdate(w);
            case Frame.Ping p -> ping(p);
            case Frame.GoAway g -> goAway(g);
            case Frame.Notify n -> lane.offer(n.text());
            case Frame.Notified n -> posted.acknowledged(n.count(), n.failure());
            case Frame.SettingsFrame s -> throw new HbiProtocolException("a second SETTINGS frame (wire-protocol.md §4.8)");
            case Frame.Unknown u -> {
                // §3.6: frames of unknown types are ignored
            }
        }
    }

    /**
     * Reads the rest of a DATA frame straight from the wire into the buffer its conversation waits to
     * have filled, if it does and the rest is worth a read of its own: bulk data is then copied only by
     * the kernel, and the same read takes the next frame's header. Called after a piece that was not the
     * frame's last, so the read buffer is empty. A rest too small for that is read with the next header
     * and no more, so that the next frame, if it is bulk too, can be.
     */
    private void readDataDirect(int frameLength, int left) throws IOException {
        while (left >= DIRECT_READ_MIN) {
            int n = receivingData.inbound.offerDirect(left, DIRECT_READ_MIN, (into, endsFrame) ->
                    input.readDirect(into, endsFrame ? FrameDecoder.HEADER_LENGTH : 0, decoder));
            if (n == 0) {
                return;
            }
            decoder.skipData(n);
            input.unitMayHaveEnded(decoder);
            lastReceived = System.nanoTime();
            left -= n;
        }
        if (left > 0 && frameLength >= DIRECT_READ_MIN) {
            input.limitNextFill(left + FrameDecoder.HEADER_LENGTH);
        }
    }

    /** Accounts DATA or CODE bytes against both windows (§6.4), then finds their conversation. */
    private MuxStream payload(int id, int n) {
        if (connectionReceive.addAndGet(-n) < 0) {
            throw new HbiProtocolException(ErrorCode.FLOW_CONTROL_ERROR, "the peer sent more than the connection"
                    + " window of " + local.connectionWindowSize() + " bytes allows (wire-protocol.md §6.4)");
        }
        MuxStream s = streamFor(id, true);
        if (s == null) {
            credit(0, 0, n);
            return null;
        }
        if (!s.inbound.receive(n)) {
            throw new HbiProtocolException(ErrorCode.FLOW_CONTROL_ERROR, "the peer sent more than the window of "
                    + s.describe() + " allows (wire-protocol.md §6.4)");
        }
        return s;
    }

    private static MuxStream checkOpen(MuxStream s, boolean opens) {
        if (opens && s.peerTerminal()) {
            throw new HbiProtocolException("the peer sent more on conversation " + s.id + " after ending its"
                    + " part of it (wire-protocol.md §5.5)");
        }
        return s;
    }

    /**
     * Finds the conversation of a frame, opening a hosting conversation for a new id of the peer's (§5.2,
     * §5.4).
     *
     * @return the conversation, or {@code null} if the frame is to be ignored
     */
    private MuxStream streamFor(int id, boolean opens) {
        MuxStream known = find(id);
        if (known != null) {
            return checkOpen(known, opens);
        }
        if (!opens) {
            return null;
        }
        if (isOwn(id)) {
            throw new HbiProtocolException("the peer sent a frame for conversation " + id + ", which this side"
                    + " did not start or has closed (wire-protocol.md §5.4)");
        }
        MuxStream opened;
        lock.lock();
        try {
            opened = new MuxStream.Hosting(this, id, remote.initialWindowSize(), local.initialWindowSize());
            hosted.put(id, opened);
            if (refusal != null || goAwaySent || hostingOpen >= local.maxConcurrentConversations()) {
                refuse((MuxStream.Hosting) opened);
                return opened;
            }
            hostingOpen++;
        } finally {
            lock.unlock();
        }
        connection.startHosting((MuxStream.Hosting) opened);
        return opened;
    }

    /** §5.6, §9.4: a conversation this side will not land; its frames are dropped until the peer ends. */
    private void refuse(MuxStream.Hosting stream) {
        String why = refusal != null ? "this side is closing the connection"
                : goAwaySent ? "this side is shutting down"
                : "this side already has " + local.maxConcurrentConversations() + " conversations open";
        stream.refuse(why);
    }

    private boolean isOwn(int id) {
        return (id % 2 == 1) == dialer;
    }

    /** The open conversation with this id, without the lock; {@code null} if none. */
    private MuxStream find(int id) {
        return isOwn(id) ? own.get(id) : hosted.get(id);
    }

    private void windowUpdate(Frame.WindowUpdate w) {
        if (w.conversationId() == 0) {
            connectionSend.release(w.increment());
            return;
        }
        MuxStream s = find(w.conversationId());
        if (s != null) {
            s.sendWindow.release(w.increment());
        }
    }

    private void ping(Frame.Ping p) {
        if (p.ack()) {
            pingOutstanding = false;
            return;
        }
        if (writer.backlog() > 2L * connection.config().outboundQueueBytes()) {
            throw new HbiProtocolException(ErrorCode.ENHANCE_YOUR_CALM, "the peer sends PINGs faster than it reads"
                    + " the answers (wire-protocol.md §9.2)");
        }
        sendNow(FrameEncoder.ping(true, p.opaque()));
    }

    private void goAway(Frame.GoAway g) {
        if (g.errorCode() != ErrorCode.NO_ERROR) {
            boolean plain = g.errorCode() == ErrorCode.CANCEL || g.errorCode() == ErrorCode.INTERNAL_ERROR;
            throw new PeerErrorReceived(plain && !g.message().isEmpty() ? g.message()
                    : g.errorCode() + (g.message().isEmpty() ? "" : ": " + g.message()));
        }
        lock.lock();
        try {
            goAwayReceived = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- conversations ----

    @Override
    public void awaitReady(Deadline deadline) {
        try {
            ready.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw deadline.expired("the peer's preface of the multiplexed wire");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationInterruptedException("interrupted while waiting for the peer's preface", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : connection.closedException();
        }
    }

    @Override
    public PostingConversationImpl openPosting(HostingEnv env, Deadline deadline) {
        awaitReady(deadline);
        MuxStream.Posting stream;
        lock.lock();
        try {
            while (refusal == null && !goAwaySent && !goAwayReceived
                    && own.size() >= remote.maxConcurrentConversations()) {
                deadline.await(lock, changed, () -> "one of the peer's " + remote.maxConcurrentConversations()
                        + " conversation slots to be free");
            }
            refuseIfEnding("conversations (wire-protocol.md §9.4)");
            stream = new MuxStream.Posting(this, allocate(), remote.initialWindowSize(), local.initialWindowSize());
            own.add(stream);
        } finally {
            lock.unlock();
        }
        PostingConversationImpl co = new PostingConversationImpl(connection, stream, env);
        stream.bind(co);
        connection.postingStarted(co);
        return co;
    }

    /** Under the lock: nothing new once the connection ended or either side sent GOAWAY. */
    private void refuseIfEnding(String what) {
        if (refusal != null) {
            throw refusal.get();
        }
        if (goAwaySent || goAwayReceived) {
            throw new ConversationResetException(ErrorCode.REFUSED_CONVERSATION, (goAwaySent ? "this side" : "the peer")
                    + " is shutting down: no new " + what);
        }
    }

    /**
     * §5.1: the next id of this side's parity, wrapping around, whose slot among this side's open
     * conversations is free; that skips every id in use, and some that are not (see {@link OwnConversations}).
     */
    private int allocate() {
        while (true) {
            int id = nextId;
            nextId = nextId > Integer.MAX_VALUE - 2 ? (dialer ? FIRST_DIALER_ID : FIRST_ACCEPTOR_ID) : nextId + 2;
            if (own.isFree(id)) {
                return id;
            }
        }
    }

    /**
     * Forgets a conversation whose parts have both ended (§5.4): its id may be reused.
     *
     * @param stream the conversation
     */
    void closed(MuxStream stream) {
        lock.lock();
        try {
            boolean mine = isOwn(stream.id);
            if (mine ? own.remove(stream) : hosted.remove(stream.id, stream)) {
                if (!mine && !((MuxStream.Hosting) stream).refused()) {
                    hostingOpen--;
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- notifications (§12) ----

    @Override
    public CompletionStage<Void> notifyInOrder(String code, Deadline deadline) {
        awaitReady(deadline);
        Settings peer = remote;
        if (!peer.landsNotifications()) {
            return null;
        }
        byte[] bytes = Utf8.encode(code.isEmpty() ? "None" : code);
        int limit = Math.min(peer.maxFrameSize(), peer.maxScriptSize());
        if (bytes.length > limit) {
            throw new IllegalArgumentException("an ordered notification of " + bytes.length + " bytes is longer than"
                    + " one NOTIFY frame may carry to the peer (" + limit + " bytes, wire-protocol.md §12.2);"
                    + " send large values as binary data in a conversation");
        }
        lock.lock();
        try {
            refuseIfEnding("notifications (wire-protocol.md §12.6)");
        } finally {
            lock.unlock();
        }
        return posted.send(bytes, deadline);
    }

    @Override
    public boolean notificationsLanded() {
        return lane.idle();
    }

    @Override
    public boolean notificationsAcknowledged() {
        PostedNotifications p = posted;
        return p == null || p.settled();
    }

    // ---- sending ----

    /** Sends a script as CODE frames, split to the peer's frame size and to the credit there is (§4.2, §6.6). */
    void sendScript(MuxStream stream, boolean object, String code, Deadline deadline) {
        byte[] bytes = Utf8.encode(code);
        Settings peer = remote;
        if (bytes.length > peer.maxScriptSize()) {
            throw new IllegalArgumentException(stream.describe() + ": a script of " + bytes.length + " bytes is longer"
                    + " than the peer accepts (MAX_SCRIPT_SIZE " + peer.maxScriptSize() + ", wire-protocol.md §6.6);"
                    + " send large values as binary data");
        }
        int at = 0;
        do {
            int n = bytes.length == 0 ? 0 : takeCredit(stream, Math.min(bytes.length - at, peer.maxFrameSize()), deadline);
            boolean more = at + n < bytes.length;
            try {
                writer.send(FrameEncoder.code(stream.id, object, more, ByteBuffer.wrap(bytes, at, n)), deadline);
            } catch (HbiTimeoutException | ConversationInterruptedException e) {
                neverQueued(stream, n, at > 0, e);
                throw e;
            }
            at += n;
        } while (at < bytes.length);
    }

    /**
     * A frame of a script that could not be queued in time: the peer never counts its bytes, so its credit
     * is given back; a script cut short resets its conversation, whose peer waits for the rest (§4.2).
     */
    private void neverQueued(MuxStream stream, int credit, boolean partlySent, RuntimeException why) {
        connectionSend.release(credit);
        if (partlySent) {
            stream.reset(ErrorCode.CANCEL, stream.describe() + " could not send the rest of its script: "
                    + why.getMessage());
        } else {
            stream.sendWindow.release(credit);
        }
    }

    /** Sends binary data as DATA frames; a large frame is written from the caller's buffer (§4.1, §6.2). */
    void sendData(MuxStream stream, ByteBuffer data, Deadline deadline) {
        WireWriter.DataRun run = writer.new DataRun();
        int start = data.position();
        int unqueued = 0; // credit taken for bytes not yet queued
        try {
            while (data.hasRemaining()) {
                unqueued = takeCredit(stream, Math.min(data.remaining(), remote.maxFrameSize()), deadline);
                run.add(FrameEncoder.header(unqueued, FrameType.DATA, 0, stream.id),
                        data.slice(data.position(), unqueued), deadline);
                data.position(data.position() + unqueued);
                unqueued = 0;
            }
            run.awaitWritten(deadline);
        } catch (HbiTimeoutException | ConversationInterruptedException e) {
            // what never reached the wire was never counted by the peer: its credit is the connection's again
            long neverSent = unqueued + run.abandon(e);
            connectionSend.release(neverSent);
            data.position(start);
            stream.reset(ErrorCode.CANCEL, stream.describe() + " could not send its data: " + e.getMessage());
            throw e;
        }
    }

    private int takeCredit(MuxStream stream, int wanted, Deadline deadline) {
        int mine = stream.sendWindow.acquire(wanted, deadline);
        int taken;
        try {
            taken = connectionSend.acquire(mine, deadline);
        } catch (RuntimeException e) {
            stream.sendWindow.release(mine);
            throw e;
        }
        if (taken < mine) {
            stream.sendWindow.release(mine - taken);
        }
        return taken;
    }

    /**
     * Queues a frame without waiting: ends of parts, resets, control frames. Once the connection is
     * closing there is nobody to tell.
     *
     * @param frame the frame
     */
    void sendNow(ByteBuffer frame) {
        try {
            writer.sendNow(frame);
        } catch (ConnectionClosedException closing) {
            // the peer is told nothing more; the connection's end fails every waiter
        }
    }

    /**
     * Credits consumed bytes back to the peer: the conversation's window when due, the connection's once
     * half of it is consumed (§6.3).
     *
     * @param id                    the conversation
     * @param conversationIncrement credit due to the conversation now, or 0
     * @param connectionBytes       bytes consumed
     */
    void credit(int id, int conversationIncrement, int connectionBytes) {
        if (conversationIncrement > 0) {
            sendNow(FrameEncoder.windowUpdate(id, conversationIncrement));
        }
        if (connectionUnacknowledged.addAndGet(connectionBytes) >= local.connectionWindowSize() / 2) {
            long increment = connectionUnacknowledged.getAndSet(0);
            if (increment > 0) {
                connectionReceive.addAndGet(increment);
                sendNow(FrameEncoder.windowUpdate(0, (int) increment));
            }
        }
    }

    int peerMaxFrameSize() {
        Settings peer = remote;
        return peer != null ? peer.maxFrameSize() : Settings.DEFAULTS.maxFrameSize();
    }

    int localMaxScriptSize() {
        return local.maxScriptSize();
    }

    // ---- liveness, shutdown and the end ----

    @Override
    public long checkPeriodNanos() {
        HbiConfig config = connection.config();
        long period = Math.min(config.idleTimeout().toNanos() / 6, config.recvTimeout().toNanos() / 4);
        return Math.clamp(period, TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(1));
    }

    /**
     * Ends the connection with a peer stalled in a frame or silent for the idle timeout; pings a peer
     * quiet for a third of it (§9.1, §9.3). Nothing is sent before the peer's preface has arrived.
     */
    @Override
    public void check(long now) {
        String stall = input.stall(now, connection.config().recvTimeout().toNanos());
        if (stall != null) {
            connection.fail(stall, null);
            return;
        }
        if (!ready.isDone()) {
            return;
        }
        long idle = connection.config().idleTimeout().toNanos();
        long silent = now - lastReceived;
        if (silent >= idle) {
            connection.terminate(new DisconnectCause.IdleTimeout(Duration.ofNanos(silent)));
        } else if (silent >= idle / 3 && !pingOutstanding) {
            pingOutstanding = true;
            sendNow(FrameEncoder.ping(false, now));
        }
    }

    /**
     * Starts a graceful shutdown (§9.4): GOAWAY, then no new conversations either way.
     *
     * @return whether conversations are still open
     */
    boolean shutdown() {
        lock.lock();
        try {
            if (!goAwaySent) {
                goAwaySent = true;
                sendNow(FrameEncoder.goAway(ErrorCode.NO_ERROR, "shutting down", peerMaxFrameSize()));
                changed.signalAll();
            }
            return own.size() > 0 || !hosted.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void peerEnded(Supplier<RuntimeException> refused) {
        // no WINDOW_UPDATE can come any more: hosting conversations may still answer with the credit they
        // have, but one that would wait for more would wait until the send timeout for nothing
        SendWindow window = connectionSend;
        if (window != null) {
            window.starve(refused);
        }
        endNotifications(refused);
        for (MuxStream s : snapshot()) {
            if (s instanceof MuxStream.Posting) {
                s.connectionEnded(refused.get());
            } else {
                s.sendWindow.starve(refused);
            }
        }
    }

    @Override
    public void terminated(Supplier<RuntimeException> refused) {
        List<MuxStream> open;
        lock.lock();
        try {
            refusal = refused;
            open = openStreams();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        open.forEach(s -> s.connectionEnded(refused.get()));
        lane.stop();
        SendWindow window = connectionSend;
        if (window != null) {
            window.close(refused);
        }
        endNotifications(refused);
        ready.completeExceptionally(refused.get());
    }

    /** The peer will acknowledge no more notifications (assigned with the peer's settings, or never). */
    private void endNotifications(Supplier<RuntimeException> refused) {
        PostedNotifications p = posted;
        if (p != null) {
            p.ended(refused);
        }
    }

    private List<MuxStream> snapshot() {
        lock.lock();
        try {
            return openStreams();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: every open conversation. */
    private List<MuxStream> openStreams() {
        List<MuxStream> open = new ArrayList<>(hosted.values());
        own.addTo(open);
        return open;
    }

    @Override
    public ByteBuffer farewell(DisconnectCause cause) {
        if (!peerSpeaksMux) {
            return null; // §2.4: a peer that does not speak this wire is told nothing
        }
        return switch (cause) {
            case DisconnectCause.LocalClose close -> FrameEncoder.goAway(ErrorCode.NO_ERROR, close.detail(), peerMaxFrameSize());
            case DisconnectCause.LocalError error -> FrameEncoder.goAway(code(error.failure()),
                    Farewells.reason(error.reason()), peerMaxFrameSize());
            case DisconnectCause.IdleTimeout idle -> FrameEncoder.goAway(ErrorCode.IDLE_TIMEOUT, idle.message(),
                    peerMaxFrameSize());
            default -> null;
        };
    }

    private static ErrorCode code(Throwable failure) {
        if (failure == null) {
            return ErrorCode.CANCEL; // disconnect(reason): the application no longer wants the connection
        }
        return failure instanceof HbiProtocolException p ? p.errorCode() : ErrorCode.INTERNAL_ERROR;
    }

    /** Collects a fixed number of bytes: the preface's magic and version. */
    private static final class FixedLength implements StreamDecoder<ByteBuffer> {
        private final ByteBuffer bytes;

        FixedLength(int length) {
            this.bytes = ByteBuffer.allocate(length);
        }

        @Override
        public ByteBuffer decode(ByteBuffer in) {
            Buffers.transfer(in, bytes);
            return bytes.hasRemaining() ? null : bytes.flip();
        }

        @Override
        public boolean isIdle() {
            return bytes.position() == 0;
        }

        @Override
        public String unitName() {
            return "preface";
        }
    }
}
