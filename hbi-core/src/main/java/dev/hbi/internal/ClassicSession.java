package dev.hbi.internal;

import dev.hbi.DisconnectCause;
import dev.hbi.HbiConfig;
import dev.hbi.HbiProtocolException;
import dev.hbi.HostingEnv;
import dev.hbi.internal.wire.Directive;
import dev.hbi.internal.wire.Packet;
import dev.hbi.internal.wire.PacketDecoder;
import dev.hbi.internal.wire.PacketEncoder;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The classic wire of one connection, byte-compatible with the reference HBI (hbi-wire-reference §1,
 * §2): text packets and raw data, one conversation sending at a time in each direction, one receiving
 * at a time.
 *
 * <p>The reader thread runs {@link #run()}, the "co keeper": between conversations it reads packets
 * itself; when a conversation starts receiving (a peer's {@code co_begin}, or the {@code co_ack_begin} of
 * an answer) it serves that conversation's {@link ReceiverTurn} until the conversation is done with
 * the inbound stream. The reader never runs user code and never waits on the writer.
 *
 * <p>Locks: {@code pendingLock} guards {@code pending}, {@code nextSeq} and {@code refusal}; it is never
 * held while another lock is taken or while waiting. The {@link SendSlot} is the outbound turn.
 */
final class ClassicSession implements Session {

    private static final System.Logger LOG = System.getLogger("dev.hbi");

    /** hbi-wire-reference §2.3: co_seq runs from 101 to 9999999, then wraps. */
    static final int MIN_CO_SEQ = 101;
    static final int MAX_CO_SEQ = 9_999_999;

    private final Connection connection;
    private final WireInput input;
    private final WireWriter writer;
    private final SendSlot slot = new SendSlot();
    private final ReentrantLock pendingLock = new ReentrantLock();
    private final Map<String, Posting> pending = new HashMap<>(); // guarded by pendingLock
    private int nextSeq = MIN_CO_SEQ; // guarded by pendingLock
    private Supplier<RuntimeException> refusal; // guarded by pendingLock
    private volatile ReceiverTurn current;

    private final PacketDecoder decoder;

    ClassicSession(Connection connection, Wire wire, WireWriter writer, ByteBuffer sniffed) {
        this.connection = connection;
        this.writer = writer;
        this.input = new WireInput(wire, connection.config().readBufferSize(), sniffed);
        this.decoder = new PacketDecoder(connection.config().maxPacketSize());
    }

    @Override
    public HbiConfig.Wire wire() {
        return HbiConfig.Wire.CLASSIC;
    }

    @Override
    public long checkPeriodNanos() {
        return Math.clamp(connection.config().recvTimeout().toNanos() / 4, TimeUnit.MILLISECONDS.toNanos(10),
                TimeUnit.SECONDS.toNanos(1));
    }

    /**
     * Ends the connection with a peer that began a packet and stalled for the receive timeout. A quiet
     * peer between packets is left alone: the classic wire has no pings, and the reference's peers send no
     * keep-alive and may stay silent for as long as they like (hbi-wire-reference §7).
     */
    @Override
    public void check(long now) {
        String stall = input.stall(now, connection.config().recvTimeout().toNanos());
        if (stall != null) {
            connection.fail(stall, null);
        }
    }

    @Override
    public void awaitReady(Deadline deadline) {
        // the classic wire has no preface: conversations can start at once
    }

    @Override
    public ByteBuffer farewell(DisconnectCause cause) {
        // hbi-wire-reference §5: only errors of this side are told, in an err packet
        if (cause instanceof DisconnectCause.LocalError || cause instanceof DisconnectCause.IdleTimeout) {
            return PacketEncoder.encode(Directive.ERR, Farewells.reason(cause.message()));
        }
        return null;
    }

    /**
     * Opens a posting conversation: waits for the turn to send, then sends {@code co_begin}.
     *
     * @param env      the environment its answer is landed in
     * @param deadline when to give up waiting for the turn
     * @return the conversation, in its send stage
     */
    @Override
    public PostingConversationImpl openPosting(HostingEnv env, Deadline deadline) {
        Posting wire = new Posting();
        slot.acquire(wire, deadline, "a new posting conversation");
        PostingConversationImpl co = new PostingConversationImpl(connection, wire, env);
        wire.conversation = co;
        try {
            register(wire);
            connection.postingStarted(co);
            writer.send(PacketEncoder.encode(Directive.CO_BEGIN, wire.seq), deadline);
            return co;
        } catch (RuntimeException e) {
            unregister(wire);
            connection.postingEnded(co);
            slot.release(wire);
            throw e;
        }
    }

    private void register(Posting wire) {
        pendingLock.lock();
        try {
            if (refusal != null) {
                throw refusal.get();
            }
            if (pending.size() >= MAX_CO_SEQ - MIN_CO_SEQ + 1) {
                throw new IllegalStateException("every co_seq from " + MIN_CO_SEQ + " to " + MAX_CO_SEQ
                        + " waits for its answer; none is free for a new conversation (hbi-wire-reference §2.3)");
            }
            // §2.3: skip numbers still waiting for their answer
            do {
                wire.seq = Integer.toString(nextSeq);
                nextSeq = nextSeq == MAX_CO_SEQ ? MIN_CO_SEQ : nextSeq + 1;
            } while (pending.containsKey(wire.seq));
            pending.put(wire.seq, wire);
        } finally {
            pendingLock.unlock();
        }
    }

    private void unregister(Posting wire) {
        pendingLock.lock();
        try {
            if (wire.seq != null) {
                pending.remove(wire.seq, wire);
            }
        } finally {
            pendingLock.unlock();
        }
    }

    @Override
    public CompletionStage<Void> notifyInOrder(String code, Deadline deadline) {
        return null; // the classic wire has only conversations
    }

    @Override
    public boolean notificationsLanded() {
        return true;
    }

    @Override
    public boolean notificationsAcknowledged() {
        return true;
    }

    /**
     * The peer has closed its side: no answer can come any more, so the conversations waiting for one
     * fail now. Hosting conversations still working may answer until the connection closes.
     *
     * @param refused makes the exception the waiters get
     */
    @Override
    public void peerEnded(Supplier<RuntimeException> refused) {
        takePending(refused).forEach(p -> {
            p.turn.fail(refused.get());
            p.conversation.connectionEnded(refused.get());
        });
    }

    /**
     * Refuses conversations posted from now on and takes those waiting for an answer, to fail them
     * outside the lock.
     *
     * @param refused makes the exception later conversations get
     * @return the conversations that were waiting
     */
    private List<Posting> takePending(Supplier<RuntimeException> refused) {
        pendingLock.lock();
        try {
            refusal = refused;
            List<Posting> waiting = new ArrayList<>(pending.values());
            pending.clear();
            return waiting;
        } finally {
            pendingLock.unlock();
        }
    }

    /**
     * Fails everything that waits on this session: the turn to send, the conversations waiting for an
     * answer, the conversation being served.
     *
     * @param refused makes the exception waiters get
     */
    @Override
    public void terminated(Supplier<RuntimeException> refused) {
        slot.close(refused);
        takePending(refused).forEach(p -> p.turn.fail(refused.get()));
        ReceiverTurn served = current;
        if (served != null) {
            served.fail(refused.get());
        }
    }

    /**
     * The co keeper: reads packets between conversations and serves each receiving conversation in
     * turn. Returns at a clean end of stream, or once the connection is closing.
     *
     * @throws IOException          if the wire fails
     * @throws HbiProtocolException if the peer breaks the protocol
     */
    @Override
    public void run() throws IOException {
        while (!connection.isClosing()) {
            Packet packet = input.read(decoder);
            if (packet == null) {
                return;
            }
            switch (packet.directive()) {
                case CO_BEGIN -> host(packet.payload());
                case CO_ACK_BEGIN -> answer(packet.payload());
                case ERR -> throw new PeerErrorReceived(packet.payload());
                default -> throw new HbiProtocolException("a " + name(packet) + " packet arrived outside any"
                        + " conversation: " + packet + " (hbi-wire-reference §2.2)");
            }
        }
    }

    private void host(String seq) throws IOException {
        connection.awaitHostingSlot();
        Hosting wire = new Hosting(seq);
        adopt(wire.turn);
        connection.startHosting(wire);
        serve(wire.turn, "hosting conversation " + seq, Directive.CO_END, seq);
    }

    private void answer(String seq) throws IOException {
        Posting wire;
        pendingLock.lock();
        try {
            wire = pending.remove(seq);
        } finally {
            pendingLock.unlock();
        }
        if (wire == null) {
            throw new HbiProtocolException("co_ack_begin " + seq + " answers no posting conversation of ours"
                    + " that waits for an answer (hbi-wire-reference §2.2)");
        }
        if (!wire.sendEnded) {
            throw new HbiProtocolException("co_ack_begin " + seq + " arrived before this side's co_end " + seq
                    + ": a conversation is answered only after its request ended (hbi-wire-reference §2.2)");
        }
        adopt(wire.turn);
        if (!serve(wire.turn, "posting conversation " + seq, Directive.CO_ACK_END, seq)) {
            landTail(wire);
        }
    }

    /** Makes a turn the one being served; fails it at once if the connection already ended. */
    private void adopt(ReceiverTurn turn) {
        current = turn;
        if (connection.isClosing()) {
            turn.fail(connection.closedException());
        }
    }

    /**
     * Serves a receiving conversation's requests until the packet that ends its inbound part has been
     * handed to it, or it released the stream.
     *
     * @return {@code true} if the end packet was served, {@code false} if the conversation released
     */
    private boolean serve(ReceiverTurn turn, String who, Directive end, String seq) throws IOException {
        try {
            while (true) {
                Object request = turn.awaitRequest(connection.recvDeadline(),
                        who + " to receive what the peer sent; on the classic wire it holds the inbound stream"
                                + " until then (a hosting function should call finishRecv before slow work, and a"
                                + " request may be waiting for this side's init hook to finish)");
                if (request == ReceiverTurn.RELEASED) {
                    current = null;
                    return false;
                }
                if (request instanceof ByteBuffer into) {
                    input.readData(into);
                    turn.serve(null);
                    continue;
                }
                Packet packet = nextPacket(who);
                if (packet.directive() == end) {
                    checkSeq(packet, seq, who);
                    turn.serve(packet);
                    current = null;
                    return true;
                }
                if (packet.directive() != Directive.CODE && packet.directive() != Directive.CO_RECV) {
                    throw unexpected(packet, who);
                }
                turn.serve(packet);
            }
        } catch (IOException | RuntimeException e) {
            // current stays set: terminated() fails the turn with the connection's cause
            turn.letGo();
            throw e;
        }
    }

    /**
     * Reads what is left of an answer whose conversation was closed: back-scripts are landed, then
     * co_ack_end completes it. An object nobody can receive any more is dropped; the reference ends
     * the connection instead (hbi-wire-reference §2.4), which would punish a caller that gave up on a
     * slow answer.
     */
    private void landTail(Posting wire) throws IOException {
        String who = "posting conversation " + wire.seq;
        while (true) {
            Packet packet = nextPacket(who);
            switch (packet.directive()) {
                case CODE -> wire.conversation.landTail(packet.payload());
                case CO_ACK_END -> {
                    checkSeq(packet, wire.seq, who);
                    wire.conversation.answerEnded();
                    return;
                }
                case CO_RECV -> LOG.log(System.Logger.Level.DEBUG, () -> connection.name() + ": dropped an object"
                        + " that arrived after " + who + " was closed: " + packet);
                default -> throw unexpected(packet, who);
            }
        }
    }

    private Packet nextPacket(String who) throws IOException {
        Packet packet = input.read(decoder);
        if (packet == null) {
            throw new EOFException("the peer closed the connection while " + who + " was receiving");
        }
        if (packet.directive() == Directive.ERR) {
            throw new PeerErrorReceived(packet.payload());
        }
        return packet;
    }

    private static void checkSeq(Packet packet, String seq, String who) {
        if (!packet.payload().equals(seq)) {
            throw new HbiProtocolException(name(packet) + " " + packet.payload() + " does not match " + who
                    + " (hbi-wire-reference §2.3)");
        }
    }

    private static HbiProtocolException unexpected(Packet packet, String who) {
        return new HbiProtocolException("a " + name(packet) + " packet arrived while " + who
                + " was receiving: " + packet + " (hbi-wire-reference §2.2: a direction carries one"
                + " conversation at a time)");
    }

    private static String name(Packet packet) {
        return packet.directive() == Directive.CODE ? "code" : packet.directive().wireName();
    }

    /**
     * What the classic wire sides of posting and hosting conversations share: code and data go out in
     * the conversation's send turn, and come in through its {@link ReceiverTurn}.
     */
    private abstract class Side implements ConversationWire {
        String seq;
        final ReceiverTurn turn = new ReceiverTurn(this::stuck);

        /** Names the conversation in messages. */
        abstract String who();

        /** Names what it receives in messages: "the answer" or "the request". */
        abstract String inbound();

        @Override
        public String id() {
            return seq;
        }

        @Override
        public void send(boolean object, String code, Deadline deadline) {
            writer.send(PacketEncoder.encode(object ? Directive.CO_RECV : Directive.CODE, code), deadline);
        }

        @Override
        public void sendData(ByteBuffer data, Deadline deadline) {
            try {
                writer.sendData(null, data, deadline);
            } catch (dev.hbi.HbiTimeoutException | dev.hbi.ConversationInterruptedException e) {
                // the peer counts on these bytes: whatever is sent next would be read as data
                connection.fail(who() + " could not send all of its data: " + e.getMessage(), e);
                throw e;
            }
        }

        @Override
        public Incoming receive(Deadline deadline) {
            Packet p = turn.nextPacket(deadline, inbound() + " of " + who());
            return switch (p.directive()) {
                case CODE -> new Incoming(Incoming.Kind.CODE, p.payload());
                case CO_RECV -> new Incoming(Incoming.Kind.OBJECT, p.payload());
                default -> Incoming.END;
            };
        }

        @Override
        public void receiveData(ByteBuffer into, Deadline deadline) {
            turn.fill(into, deadline, "data of " + inbound() + " of " + who());
        }

        @Override
        public void fail(String reason, Throwable error) {
            connection.fail(reason, error);
        }

        @Override
        public void cancel(String reason) {
            throw new UnsupportedOperationException("the classic wire cannot cancel " + who() + ": it has no way to"
                    + " tell the peer; close the conversation, or disconnect");
        }

        private void stuck() {
            connection.fail(who() + " gave up in the middle of receiving; the classic wire cannot skip the rest",
                    null);
        }
    }

    /** The classic wire side of a posting conversation. */
    private final class Posting extends Side implements PostingWire {
        private PostingConversationImpl conversation;
        private volatile boolean sendEnded;

        @Override
        String who() {
            return "posting conversation " + seq;
        }

        @Override
        String inbound() {
            return "the answer";
        }

        @Override
        public void endSend(Deadline deadline) {
            try {
                // never waits for room: the turn must end, or the next conversation's co_begin would land
                // inside it (hbi-wire-reference §2.2)
                sendEnded = true;
                writer.sendNow(PacketEncoder.encode(Directive.CO_END, seq));
            } finally {
                slot.release(this);
            }
        }

        @Override
        public void release() {
            turn.release();
        }
    }

    /** The classic wire side of a hosting conversation. */
    private final class Hosting extends Side implements HostingWire {

        Hosting(String seq) {
            this.seq = seq;
        }

        @Override
        String who() {
            return "hosting conversation " + seq;
        }

        @Override
        String inbound() {
            return "the request";
        }

        @Override
        public void startSend(Deadline deadline) {
            slot.acquire(this, deadline, "the answer of " + who());
            try {
                writer.send(PacketEncoder.encode(Directive.CO_ACK_BEGIN, seq), deadline);
            } catch (RuntimeException e) {
                slot.release(this);
                throw e;
            }
        }

        @Override
        public void endSend(boolean started, Deadline deadline) {
            if (!started) {
                // §2.2: every co_begin gets exactly one answer, an empty one if nothing was sent
                slot.acquire(this, deadline, "the answer of " + who());
            }
            try {
                writer.sendNow(started ? PacketEncoder.encode(Directive.CO_ACK_END, seq)
                        : PacketEncoder.encodePair(Directive.CO_ACK_BEGIN, Directive.CO_ACK_END, seq));
            } finally {
                slot.release(this);
            }
        }
    }
}
