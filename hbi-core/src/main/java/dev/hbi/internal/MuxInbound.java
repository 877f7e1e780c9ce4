package dev.hbi.internal;

import dev.hbi.ConversationEndedException;
import dev.hbi.ConversationResetException;
import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import dev.hbi.PeerLandingException;
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
 * <p>After {@link #release}, nobody takes items any more: scripts go to the {@link Tail} to be landed,
 * objects and data are dropped (and credited at once), the end and resets go to the tail too.
 *
 * <p>Threading: offers on the reader thread, takes on the conversation's thread. {@code lock} guards
 * every field; credits are decided under it and sent after it is released.
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
    private final int windowSize;
    private final Credits credits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Object> items = new ArrayDeque<>(); // guarded by lock
    private long window; // guarded by lock: what the peer may still send
    private long unacknowledged; // guarded by lock: consumed, not yet credited back
    private boolean peerPartEnded; // guarded by lock
    private Tail tail; // guarded by lock
    private RuntimeException failure; // guarded by lock

    MuxInbound(Supplier<String> who, int windowSize, Credits credits) {
        this.who = who;
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
                items.add(new Script(incoming, bytes));
                arrived.signalAll();
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

    void offerData(ByteBuffer chunk) {
        lock.lock();
        try {
            if (tail == null) {
                items.add(chunk);
                arrived.signalAll();
                return;
            }
        } finally {
            lock.unlock();
        }
        consumed(chunk.remaining());
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
                items.add(last);
                arrived.signalAll();
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
            int n;
            lock.lock();
            try {
                Object head = awaitHead(deadline, () -> "data of " + who.get());
                if (!(head instanceof ByteBuffer chunk)) {
                    throw notData(head, into.remaining());
                }
                n = Math.min(chunk.remaining(), into.remaining());
                into.put(chunk.slice(chunk.position(), n));
                chunk.position(chunk.position() + n);
                if (!chunk.hasRemaining()) {
                    items.poll();
                }
            } finally {
                lock.unlock();
            }
            consumed(n);
        }
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
