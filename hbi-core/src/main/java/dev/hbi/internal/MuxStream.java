package dev.hbi.internal;

import dev.hbi.ConversationResetException;
import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import dev.hbi.LandingException;
import dev.hbi.internal.wire.Frame;
import dev.hbi.internal.wire.FrameEncoder;
import dev.hbi.internal.wire.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

/**
 * One conversation on the multiplexed wire, as the wire sees it: its send window, what it received, and
 * whether each side's part has ended (docs/wire-protocol.md §5). {@link Posting} and {@link Hosting} add
 * what is particular to each side.
 *
 * <p>Threading: the {@code on*} methods run on the reader thread only, and so does {@code partial}; the
 * {@link ConversationWire} methods run on the conversation's thread. {@code sentTerminal} and
 * {@code peerTerminal} are set once and read from both; the session's lock guards closing.
 */
abstract class MuxStream implements ConversationWire {

    final MuxSession session;
    final int id;
    final SendWindow sendWindow;
    final MuxInbound inbound;
    private ByteArrayOutputStream partial; // reader only: a script still arriving in fragments
    private boolean partialObject; // reader only
    private volatile boolean sentTerminal;
    private volatile boolean peerTerminal;
    private volatile boolean resetSent;

    MuxStream(MuxSession session, int id, int sendWindowSize, int receiveWindowSize) {
        this.session = session;
        this.id = id;
        this.sendWindow = new SendWindow(this::describe, sendWindowSize);
        this.inbound = new MuxInbound(this::describe, ChunkPool.SHARED, receiveWindowSize,
                (conversationIncrement, connectionBytes) -> session.credit(id, conversationIncrement, connectionBytes));
    }

    /** Names the conversation in messages. */
    abstract String describe();

    @Override
    public String id() {
        return Integer.toString(id);
    }

    @Override
    public void send(boolean object, String code, Deadline deadline) {
        session.sendScript(this, object, code, deadline);
    }

    @Override
    public void sendData(ByteBuffer data, Deadline deadline) {
        session.sendData(this, data, deadline);
    }

    @Override
    public Incoming receive(Deadline deadline) {
        try {
            return inbound.receive(deadline);
        } catch (HbiProtocolException e) {
            fail(e.getMessage(), e);
            throw e;
        }
    }

    @Override
    public void receiveData(ByteBuffer into, Deadline deadline) {
        try {
            inbound.receiveData(into, deadline);
        } catch (HbiProtocolException e) {
            fail(e.getMessage(), e);
            throw e;
        }
    }

    /** A failure of this side ends only this conversation, with a RESET naming it (§7.2). */
    @Override
    public void fail(String reason, Throwable error) {
        ErrorCode code = error instanceof LandingException ? ErrorCode.LANDING_ERROR
                : error instanceof HbiProtocolException p ? p.errorCode()
                : error instanceof ConversationResetException r && r.errorCode() == ErrorCode.CANCEL ? ErrorCode.CANCEL
                : ErrorCode.INTERNAL_ERROR;
        reset(code, reason);
    }

    @Override
    public void cancel(String reason) {
        reset(ErrorCode.CANCEL, reason);
    }

    /** Ends this side's part normally: END (§4.3). Only the first terminal frame is sent. */
    final void end() {
        if (sentTerminal) {
            closeIfDone();
            return;
        }
        sendTerminal(FrameEncoder.end(id));
    }

    /**
     * Sends this side's terminal frame, and forgets the conversation if the peer's part has ended too.
     * In which order matters. The peer's conversations are forgotten first: once the peer has read the
     * frame it may start the conversation that takes this one's place under this side's
     * MAX_CONCURRENT_CONVERSATIONS (§5.6), and the reader must find the place free, not refuse it because
     * this thread had not got round to closing. This side's own are forgotten after: their id is free for
     * a new conversation only once the frame that ends the old one is queued before anything of the new
     * one (§5.4).
     */
    private void sendTerminal(ByteBuffer frame) {
        sentTerminal = true;
        if (this instanceof Hosting) {
            closeIfDone();
            session.sendNow(frame);
        } else {
            session.sendNow(frame);
            closeIfDone();
        }
    }

    /**
     * Ends this side's part abnormally, or asks the peer to stop its own: RESET (§4.4, §7.2). Nothing
     * more is received: what arrives is dropped and credited.
     *
     * @param code    why
     * @param message what the peer is told
     */
    final void reset(ErrorCode code, String message) {
        // one RESET at most: the threads it wakes report their failure here again
        if (!resetSent && !(sentTerminal && peerTerminal)) {
            resetSent = true;
            sendTerminal(FrameEncoder.reset(id, code, message, session.peerMaxFrameSize()));
        }
        String shown = describe() + " was reset here (" + code + "): " + message;
        sendWindow.close(() -> new ConversationResetException(code, shown));
        inbound.fail(new ConversationResetException(code, shown));
        inbound.discard();
        closeIfDone();
    }

    boolean peerTerminal() {
        return peerTerminal;
    }

    private void closeIfDone() {
        if (sentTerminal && peerTerminal) {
            session.closed(this);
        }
    }

    // ---- the reader ----

    /**
     * A piece of DATA arrived (§4.1).
     *
     * @param piece the bytes, valid only during this call
     */
    void onData(ByteBuffer piece) {
        if (partial != null) {
            // the reset drops what is received from now on, so the piece below is only credited
            violated("binary data arrived in the middle of a script's fragments (wire-protocol.md §4.2)");
        }
        inbound.offerData(piece);
    }

    /**
     * A CODE fragment arrived (§4.2).
     *
     * @param code the frame
     */
    void onCode(Frame.Code code) {
        ByteBuffer text = code.text();
        if (partial == null && !code.more()) {
            // the common case, a script in one frame: decoded straight from the frame's own array
            deliver(code.object(), text.array(), text.arrayOffset() + text.position(), text.remaining());
            return;
        }
        if (partial == null) {
            partial = new ByteArrayOutputStream();
            partialObject = code.object();
        } else if (partialObject != code.object()) {
            violated("the fragments of one script disagree on the OBJECT flag (wire-protocol.md §4.2)");
            return;
        }
        partial.write(text.array(), text.arrayOffset() + text.position(), text.remaining());
        if (partial.size() > session.localMaxScriptSize()) {
            violated("a script longer than MAX_SCRIPT_SIZE " + session.localMaxScriptSize() + " (wire-protocol.md §6.6)");
        } else if (!code.more()) {
            byte[] whole = partial.toByteArray();
            partial = null;
            deliver(partialObject, whole, 0, whole.length);
        }
    }

    private void deliver(boolean object, byte[] bytes, int offset, int length) {
        try {
            inbound.offerScript(object, Utf8.decode(bytes, offset, length), length);
        } catch (CharacterCodingException e) {
            session.credit(id, 0, length);
            violated("a script that is not valid UTF-8 (wire-protocol.md §4.2)");
        }
    }

    /** The peer's part ended normally (§4.3). */
    void onEnd() {
        if (partial != null) {
            violated("END arrived in the middle of a script's fragments (wire-protocol.md §4.2)");
            return;
        }
        peerTerminal = true;
        inbound.offerEnd();
        closeIfDone();
    }

    /**
     * The peer reset the conversation: it stops, and if this side has not ended its part it answers with
     * RESET CANCEL (§7.2).
     *
     * @param code    why
     * @param message what the peer said
     */
    void onReset(ErrorCode code, String message) {
        peerTerminal = true;
        dropPartial();
        String shown = "the peer reset " + describe() + " (" + code + ")" + (message.isEmpty() ? "" : ": " + message);
        sendWindow.close(() -> code == ErrorCode.LANDING_ERROR ? new dev.hbi.PeerLandingException(message)
                : new ConversationResetException(code, shown));
        inbound.offerReset(code, message);
        if (!sentTerminal) {
            sentTerminal = true;
            resetSent = true;
            session.sendNow(FrameEncoder.reset(id, ErrorCode.CANCEL, "", session.peerMaxFrameSize()));
        }
        closeIfDone();
    }

    /**
     * The connection ended.
     *
     * @param cause what waiters get
     */
    void connectionEnded(RuntimeException cause) {
        inbound.fail(cause);
        sendWindow.close(() -> cause);
    }

    private void violated(String what) {
        dropPartial();
        reset(ErrorCode.PROTOCOL_ERROR, describe() + ": the peer sent " + what);
    }

    /** Drops a script still arriving in fragments, crediting its bytes to the connection (§6.3). */
    private void dropPartial() {
        if (partial != null) {
            session.credit(id, 0, partial.size());
            partial = null;
        }
    }

    /** The multiplexed wire side of a posting conversation. */
    static final class Posting extends MuxStream implements PostingWire {
        private PostingConversationImpl conversation;

        Posting(MuxSession session, int id, int sendWindowSize, int receiveWindowSize) {
            super(session, id, sendWindowSize, receiveWindowSize);
        }

        void bind(PostingConversationImpl co) {
            this.conversation = co;
        }

        @Override
        String describe() {
            return "posting conversation " + id;
        }

        @Override
        public void endSend(Deadline deadline) {
            end();
        }

        @Override
        public void release() {
            inbound.release(new MuxInbound.Tail() {
                @Override
                public void code(String code, Runnable landed) {
                    conversation.queueTail(code, landed);
                }

                @Override
                public void end() {
                    conversation.answerEnded();
                }

                @Override
                public void reset(RuntimeException failure) {
                    conversation.answerFailed(failure);
                }
            });
        }
    }

    /** The multiplexed wire side of a hosting conversation. */
    static final class Hosting extends MuxStream implements HostingWire {
        private volatile boolean refused;

        Hosting(MuxSession session, int id, int sendWindowSize, int receiveWindowSize) {
            super(session, id, sendWindowSize, receiveWindowSize);
        }

        @Override
        String describe() {
            return "hosting conversation " + id;
        }

        /**
         * Refuses the conversation: nothing of it is landed (§5.6).
         *
         * @param why what the peer is told
         */
        void refuse(String why) {
            refused = true;
            reset(ErrorCode.REFUSED_CONVERSATION, why);
        }

        boolean refused() {
            return refused;
        }

        @Override
        public void startSend(Deadline deadline) {
            // the answer needs no opening frame: its frames carry the conversation's id (§5.3)
        }

        @Override
        public void endSend(boolean started, Deadline deadline) {
            end();
        }
    }
}
