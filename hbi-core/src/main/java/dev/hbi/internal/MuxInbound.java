package dev.hbi.internal;

import dev.hbi.ConversationEndedException;
import dev.hbi.ConversationResetException;
import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import dev.hbi.PeerLandingException;
import dev.hbi.internal.wire.Buffers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What one conversation has received on the multiplexed wire and not yet consumed, with its receive
 * window (docs/wire-protocol.md §6). The reader offers scripts, data, the end and resets without ever
 * waiting: the window bounds what the peer may send, and a peer that sends more breaks §6.4. The
 * conversation's thread takes them in order; what it consumes is credited back to the peer.
 *
 * <p>Binary data is copied at most once on this side. A conversation waiting in {@link #receiveData}
 * with nothing queued lends the reader its buffer; the reader copies into it the bytes of DATA it
 * already has and reads the rest of a large frame from the wire straight into it
 * ({@link #offerDirect}), waking the conversation only once the buffer is full (or something else
 * arrives). While nobody waits, the rest of a large frame is read straight into a pooled chunk, which
 * the conversation copies from later; only smaller pieces are copied into the queue by the reader.
 *
 * <p>After {@link #release}, nobody takes items any more: scripts go to the {@link Tail} to be landed,
 * objects and data are dropped (and credited at once), the end and resets go to the tail too.
 *
 * <p>Threading: offers on the reader thread, takes on the conversation's thread. {@code lock} guards
 * every field, and the lent buffer while it is lent: the reader copies into it under the lock, and
 * reads the wire into it only after claiming it under the lock. The conversation takes it back under
 * the lock (filled, timed out, interrupted or failed) and, if it is claimed, waits for the claim to end;
 * from then on the reader cannot touch it. A chunk the conversation has taken off the queue is its own
 * until it puts the rest back. Credits are decided under the lock and sent after it is released; the
 * reader's read from the wire holds no lock.
 */
final class MuxInbound {

    /** Where credit for consumed bytes goes: WINDOW_UPDATE frames. */
    interface Credits {
        /**
         * Bytes were consumed.
         *
         * @param conversationIncrement credit due to the conversation's window now, or 0
         * @param connectionBytes       bytes consumed, for the connection's window
         */
        void consumed(int conversationIncrement, int connectionBytes);
    }

    /** Where a released posting conversation's remaining answer goes. */
    interface Tail {
        /**
         * A back-script to land; {@code landed} must run once it has been.
         *
         * @param code   the code
         * @param landed credits its bytes
         */
        void code(String code, Runnable landed);

        /** The answer is complete. */
        void end();

        /**
         * The peer reset the conversation.
         *
         * @param failure what it said
         */
        void reset(RuntimeException failure);
    }

    private record Script(Incoming incoming, int bytes) {
    }

    private record Reset(ErrorCode code, String message) {
    }

    private final Supplier<String> who; // built only for messages: most conversations never need it
    private final ChunkPool chunks;
    private final int windowSize;
    private final Credits credits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Object> items = new ArrayDeque<>(); // guarded by lock
    private ByteBuffer lent; // guarded by lock: a waiting taker's buffer, lent only while items is empty
    private ByteBuffer claimed; // guarded by lock: the lent buffer while the reader reads into it from the wire
    private long window; // guarded by lock: what the peer may still send
    private long unacknowledged; // guarded by lock: consumed, not yet credited back
    private boolean peerPartEnded; // guarded by lock
    private Tail tail; // guarded by lock
    private RuntimeException failure; // guarded by lock

    MuxInbound(Supplier<String> who, ChunkPool chunks, int windowSize, Credits credits) {
        this.who = who;
        this.chunks = chunks;
        this.windowSize = windowSize;
        this.window = windowSize;
        this.credits = credits;
    }

    // ---- the reader ----

    /**
     * Accounts for DATA or CODE bytes arriving.
     *
     * @param n the payload length
     * @return {@code false} if they exceed the window: a FLOW_CONTROL_ERROR (§6.4)
     */
    boolean receive(int n) {
        lock.lock();
        try {
            window -= n;
            return window >= 0;
        } finally {
            lock.unlock();
        }
    }

    void offerScript(boolean object, String code, int bytes) {
        Incoming incoming = new Incoming(object ? Incoming.Kind.OBJECT : Incoming.Kind.CODE, code);
        Tail to;
        lock.lock();
        try {
            to = tail;
            if (to == null) {
                enqueue(new Script(incoming, bytes));
                return;
            }
        } finally {
            lock.unlock();
        }
        if (object) {
            consumed(bytes);
        } else {
            to.code(code, () -> consumed(bytes));
        }
    }

    /**
     * Takes a piece of DATA: into the lent buffer as far as it goes, the rest copied into the queue.
     *
     * @param piece the bytes, valid only during this call
     */
    void offerData(ByteBuffer piece) {
        int n = piece.remaining();
        int credited = n;
        lock.lock();
        try {
            if (tail == null) {
                credited = fillLent(piece);
                queue(piece);
            }
        } finally {
            lock.unlock();
        }
        consumed(credited);
    }

    /** Reads from the wire into a buffer; blocks until at least one byte is read. */
    interface DirectRead {
        /**
         * Reads.
         *
         * @param into      where the bytes go
         * @param endsFrame whether filling {@code into} ends the frame: the read may take the next header too
         * @return how many bytes went into {@code into}
         * @throws IOException if reading fails or the stream ended
         */
        int read(ByteBuffer into, boolean endsFrame) throws IOException;
    }

    /**
     * Reads DATA from the wire straight to where it goes: into the lent buffer, if one is lent, direct
     * (a heap buffer would be copied through a direct one anyway) and has room for at least
     * {@code least} bytes; else, if nobody waits and the frame has enough left to fill half a pooled
     * chunk or more, into a chunk that is then queued. Either way the bytes are not copied by the reader.
     *
     * <p>The lent buffer stays claimed during the read: a taker that gives up meanwhile waits for the
     * read to return, which the peer's bytes, the stall check (recvTimeout) or the connection's close
     * bring about.
     *
     * @param max   how many bytes the frame has left
     * @param least the least room worth a read
     * @param wire  reads from the wire
     * @return how many bytes were read, 0 if none was attempted
     * @throws IOException if reading fails
     */
    int offerDirect(int max, int least, DirectRead wire) throws IOException {
        ByteBuffer into;
        lock.lock();
        try {
            if (tail != null || lent == null && !chunks.worthAChunk(max)
                    || lent != null && (!lent.isDirect() || lent.remaining() < least)) {
                return 0;
            }
            into = lent;
            claimed = into;
        } finally {
            lock.unlock();
        }
        return into == null ? readChunk(max, wire) : readLent(into, max, wire);
    }

    /** Reads into a pooled chunk until it holds what it can of the frame's rest, then queues it. */
    private int readChunk(int max, DirectRead wire) throws IOException {
        ByteBuffer chunk = chunks.take();
        chunk.limit(Math.min(max, chunk.capacity()));
        while (chunk.hasRemaining()) {
            wire.read(chunk, max <= chunk.capacity());
        }
        int n = chunk.flip().remaining();
        lock.lock();
        try {
            if (tail == null) {
                enqueue(chunk);
                return n;
            }
        } finally {
            lock.unlock();
        }
        chunks.give(chunk);
        consumed(n);
        return n;
    }

    private int readLent(ByteBuffer into, int max, DirectRead wire) throws IOException {
        int n = 0;
        try {
            n = wire.read(into.slice(into.position(), Math.min(max, into.remaining())), max <= into.remaining());
        } finally {
            unclaim(into, n);
        }
        consumed(n);
        return n;
    }

    private void unclaim(ByteBuffer into, int n) {
        lock.lock();
        try {
            claimed = null;
            into.position(into.position() + n);
            if (lent == into && !into.hasRemaining()) {
                lent = null;
            }
            if (lent != into) {
                arrived.signalAll(); // full, or the taker gave up and waits for the read to return
            }
        } finally {
            lock.unlock();
        }
    }

    /** Copies what fits into the lent buffer, handing it back once full; returns the bytes copied. */
    private int fillLent(ByteBuffer piece) {
        if (lent == null) {
            return 0;
        }
        int n = Buffers.transfer(piece, lent);
        if (!lent.hasRemaining()) {
            lent = null;
            arrived.signalAll();
        }
        return n;
    }

    /**
     * Copies what is left of a piece into the queue: first into the room left in the last chunk queued,
     * then into chunks of the pool, or, for a piece not worth one, into one of its own size.
     */
    private void queue(ByteBuffer piece) {
        if (piece.hasRemaining() && items.peekLast() instanceof ByteBuffer last) {
            append(last, piece);
        }
        while (piece.hasRemaining()) {
            ByteBuffer chunk = chunks.worthAChunk(piece.remaining()) ? chunks.take()
                    : ByteBuffer.allocate(piece.remaining()).limit(0);
            append(chunk, piece);
            enqueue(chunk);
        }
    }

    /** Copies what fits of a piece after the bytes of a chunk (between its position and limit). */
    private static void append(ByteBuffer chunk, ByteBuffer piece) {
        int at = chunk.limit();
        int n = Math.min(chunk.capacity() - at, piece.remaining());
        chunk.limit(at + n).put(at, piece, piece.position(), n);
        piece.position(piece.position() + n);
    }

    /** Queues an item for the taker; a lent buffer is handed back, as the taker must see the item first. */
    private void enqueue(Object item) {
        items.add(item);
        lent = null;
        arrived.signalAll();
    }

    void offerEnd() {
        Tail to = endPeerPart(Incoming.END);
        if (to != null) {
            to.end();
        }
    }

    void offerReset(ErrorCode code, String message) {
        Tail to = endPeerPart(new Reset(code, message));
        if (to != null) {
            to.reset(resetException(code, message));
        }
    }

    /**
     * Marks the peer's part ended and queues its last item for takers, unless a tail takes what arrives:
     * then the caller hands the item to the tail, outside the lock.
     *
     * @param last the item that ends the peer's part
     * @return the tail to hand it to, or {@code null} if it was queued
     */
    private Tail endPeerPart(Object last) {
        lock.lock();
        try {
            peerPartEnded = true;
            if (tail == null) {
                enqueue(last);
            }
            return tail;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fails every take, now and later: the connection ended.
     *
     * @param cause what takers get
     */
    void fail(RuntimeException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything unread and everything still to come, crediting the connection: this side gave up. */
    void discard() {
        release(new Tail() {
            @Override
            public void code(String code, Runnable landed) {
                landed.run();
            }

            @Override
            public void end() {
            }

            @Override
            public void reset(RuntimeException failure) {
            }
        });
    }

    // ---- the conversation ----

    /**
     * Takes the next script, or the end.
     *
     * @param deadline when to give up
     * @return the script, or {@link Incoming#END}
     * @throws ConversationResetException if the peer reset the conversation
     * @throws HbiProtocolException       if data comes first: the two sides disagree on what is sent
     */
    Incoming receive(Deadline deadline) {
        int consumed;
        Incoming incoming;
        lock.lock();
        try {
            Object head = awaitHead(deadline, () -> "what the peer sends in " + who.get());
            if (head instanceof Script script) {
                items.poll();
                incoming = script.incoming();
                consumed = script.bytes();
            } else if (head == Incoming.END) {
                return Incoming.END;
            } else if (head instanceof Reset reset) {
                throw resetException(reset.code(), reset.message());
            } else {
                throw new HbiProtocolException(who.get() + " expected code or an object, but the peer sent binary data"
                        + " (" + ((ByteBuffer) head).remaining() + " bytes): the two sides disagree on the conversation");
            }
        } finally {
            lock.unlock();
        }
        consumed(consumed);
        return incoming;
    }

    /**
     * Fills a buffer with received data.
     *
     * @param into     the buffer
     * @param deadline when to give up
     * @throws ConversationEndedException if the peer ended its part first
     * @throws HbiProtocolException       if code comes first
     */
    void receiveData(ByteBuffer into, Deadline deadline) {
        while (into.hasRemaining()) {
            ByteBuffer chunk = takeChunk(into, deadline);
            if (chunk == null) {
                return; // the reader filled the buffer
            }
            int n = Buffers.transfer(chunk, into);
            if (chunk.hasRemaining()) {
                putBack(chunk);
            } else {
                chunks.give(chunk);
            }
            consumed(n);
        }
    }

    /**
     * Lends the buffer to the reader while nothing is queued, then takes the next queued chunk.
     *
     * @return the chunk, now the caller's, or {@code null} if the reader filled the buffer
     */
    private ByteBuffer takeChunk(ByteBuffer into, Deadline deadline) {
        Supplier<String> what = () -> "data of " + who.get();
        lock.lock();
        try {
            if (items.isEmpty() && failure == null && tail == null) {
                lent = into;
                try {
                    while (lent == into && failure == null) {
                        deadline.await(lock, arrived, what);
                    }
                } finally {
                    takeBack(into);
                }
            }
            if (!into.hasRemaining()) {
                return null;
            }
            Object head = awaitHead(deadline, what);
            if (!(head instanceof ByteBuffer chunk)) {
                throw notData(head, into.remaining());
            }
            items.poll();
            return chunk;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the loan of a buffer, waiting for a read from the wire into it to return (see offerDirect). */
    private void takeBack(ByteBuffer into) {
        if (lent == into) {
            lent = null;
        }
        while (claimed == into) {
            arrived.awaitUninterruptibly();
        }
    }

    /** Returns the unread rest of a chunk to the head of the queue, or credits it if the queue was given up. */
    private void putBack(ByteBuffer chunk) {
        lock.lock();
        try {
            if (tail == null) {
                items.addFirst(chunk);
                return;
            }
        } finally {
            lock.unlock();
        }
        consumed(chunk.remaining());
    }

    private RuntimeException notData(Object head, int missing) {
        if (head == Incoming.END) {
            return new ConversationEndedException("the peer ended its part of " + who.get() + " with " + missing
                    + " bytes of data still expected");
        }
        if (head instanceof Reset reset) {
            return resetException(reset.code(), reset.message());
        }
        return new HbiProtocolException(who.get() + " expected binary data, but the peer sent code: the two sides"
                + " disagree on the conversation");
    }

    private Object awaitHead(Deadline deadline, Supplier<String> what) {
        while (items.isEmpty() && failure == null) {
            deadline.await(lock, arrived, what);
        }
        if (failure != null && items.isEmpty()) {
            throw failure;
        }
        return items.peek();
    }

    /**
     * Hands everything unread, and everything still to come, to a tail.
     *
     * @param to where it goes
     */
    void release(Tail to) {
        ArrayDeque<Object> left;
        lock.lock();
        try {
            tail = to;
            lent = null;
            left = new ArrayDeque<>(items);
            items.clear();
        } finally {
            lock.unlock();
        }
        for (Object item : left) {
            if (item instanceof Script script && script.incoming().kind() == Incoming.Kind.CODE) {
                to.code(script.incoming().code(), () -> consumed(script.bytes()));
            } else if (item instanceof Script script) {
                consumed(script.bytes());
            } else if (item instanceof ByteBuffer chunk) {
                consumed(chunk.remaining());
            } else if (item == Incoming.END) {
                to.end();
            } else if (item instanceof Reset reset) {
                to.reset(resetException(reset.code(), reset.message()));
            }
        }
    }

    /** Credits consumed bytes: to the conversation while the peer's part is open (§5.4), always to the connection. */
    private void consumed(int n) {
        if (n <= 0) {
            return;
        }
        int increment = 0;
        lock.lock();
        try {
            unacknowledged += n;
            if (!peerPartEnded && unacknowledged >= windowSize / 2) {
                increment = (int) unacknowledged;
                window += unacknowledged;
                unacknowledged = 0;
            }
        } finally {
            lock.unlock();
        }
        credits.consumed(increment, n);
    }

    private RuntimeException resetException(ErrorCode code, String message) {
        if (code == ErrorCode.LANDING_ERROR) {
            return new PeerLandingException(message);
        }
        return new ConversationResetException(code, "the peer reset " + who.get() + " (" + code + ")"
                + (message.isEmpty() ? "" : ": " + message));
    }
}
