package dev.hbi.internal;

import dev.hbi.Conversation.Stage;
import dev.hbi.ConversationEndedException;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import java.util.Objects;

/**
 * A hosting conversation: the peer's request, landed on this conversation's own virtual thread
 * ({@link #run()}), which the exposed functions it calls use to receive more and to answer.
 *
 * <p>The thread lands the request's code packets in order until the request ends, or until a function
 * it called ended the receive stage ({@link #finishRecv()}, {@link #startSend()}); when that function
 * returns, the conversation closes and its answer ends (hbi-wire-reference §2.5).
 */
final class HostingConversationImpl extends ConversationBase implements HostingConversation {

    private static final ThreadLocal<HostingConversationImpl> CURRENT = new ThreadLocal<>();

    private volatile HostingEnv env;
    private volatile Thread thread;
    private boolean sendStarted; // guarded by operation

    HostingConversationImpl(Connection connection, HostingWire wire) {
        super(connection, wire, Stage.RECV);
        this.env = connection.env();
    }

    /**
     * Returns the hosting conversation whose code the calling thread lands.
     *
     * @return the conversation, or {@code null}
     */
    static HostingConversationImpl current() {
        return CURRENT.get();
    }

    private HostingWire hostingWire() {
        return (HostingWire) wire;
    }

    @Override
    String describe() {
        return "hosting conversation " + id();
    }

    @Override
    HostingEnv landingEnv() {
        return env;
    }

    @Override
    HostingConversation hostingSelf() {
        return this;
    }

    @Override
    RuntimeException peerEnded() {
        stage = Stage.WORK;
        return new ConversationEndedException("the peer ended the request of " + describe()
                + " without the object recvObj waits for");
    }

    /**
     * Starts the conversation's thread, which runs {@link #run()}.
     *
     * @param worker the thread, not yet started
     */
    void start(Thread worker) {
        thread = worker;
        worker.start();
    }

    /**
     * Interrupts the conversation's thread, as its connection ends: a function blocked in its own wait
     * would otherwise outlive the connection. Never interrupts the calling thread (a function that
     * disconnects its own connection).
     */
    void interruptWork() {
        Thread worker = thread;
        if (worker != null && worker != Thread.currentThread()) {
            worker.interrupt();
        }
    }

    /** Lands the request, then closes the conversation. Runs on the conversation's own virtual thread. */
    void run() {
        CURRENT.set(this);
        try {
            connection.awaitInitialized(recvDeadline());
            while (stage == Stage.RECV) {
                landNext();
            }
            close();
        } catch (Throwable e) {
            failed(e);
        } finally {
            stage = Stage.CLOSED;
            connection.hostingEnded(this);
        }
    }

    /**
     * Reports a failure of this conversation to the peer, unless the connection is already ending. Whether
     * it is decides, not the exception's type: a function may throw a {@link ConnectionClosedException}
     * of another connection. A second report is harmless; the first one wins.
     */
    private void failed(Throwable e) {
        String reason = Farewells.hostingFailure(connection, describe(), e);
        if (!connection.isClosing()) {
            wire.fail(reason, e);
        }
    }

    private void landNext() {
        operation.lock();
        Incoming in;
        try {
            if (stage != Stage.RECV) {
                return;
            }
            in = wire.receive(recvDeadline());
            if (in.kind() == Incoming.Kind.END) {
                stage = Stage.WORK;
                return;
            }
        } finally {
            operation.unlock();
        }
        if (in.kind() == Incoming.Kind.OBJECT) {
            throw violation(describe() + " received an object (co_recv) but nothing was receiving it:"
                    + " the function its code called must call recvObj (hbi-wire-reference §5)");
        }
        land(in.code());
    }

    @Override
    public void finishRecv() {
        operation.lock();
        try {
            requireStage(Stage.RECV, "finishRecv");
            Incoming in = wire.receive(recvDeadline());
            if (in.kind() != Incoming.Kind.END) {
                throw violation(describe() + " was told to finish receiving, but the request goes on with "
                        + (in.kind() == Incoming.Kind.OBJECT ? "an object" : "code") + ": " + shorten(in.code())
                        + " (the function that ends the receive stage must be called by the request's last"
                        + " code, hbi-wire-reference §2.5)");
            }
            stage = Stage.WORK;
        } finally {
            operation.unlock();
        }
    }

    @Override
    public void startSend() {
        operation.lock();
        try {
            if (stage == Stage.RECV) {
                finishRecv();
            }
            requireStage(Stage.WORK, "startSend");
            hostingWire().startSend(sendDeadline());
            sendStarted = true;
            stage = Stage.SEND;
        } finally {
            operation.unlock();
        }
    }

    @Override
    public void close() {
        operation.lock();
        try {
            if (stage == Stage.CLOSED) {
                return;
            }
            if (stage == Stage.RECV) {
                finishRecv();
            }
            stage = Stage.CLOSED;
            hostingWire().endSend(sendStarted, sendDeadline());
        } finally {
            operation.unlock();
        }
    }

    @Override
    public void env(HostingEnv replacement) {
        this.env = Objects.requireNonNull(replacement, "env");
    }

    @Override
    public HostingEnv env() {
        return env;
    }

    private static String shorten(String code) {
        return code.length() <= 60 ? code : code.substring(0, 60) + "...";
    }
}
