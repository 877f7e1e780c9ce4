package dev.hbi.internal;

import dev.hbi.ConnectionClosedException;
import dev.hbi.Conversation.Stage;
import dev.hbi.ConversationEndedException;
import dev.hbi.ConversationInterruptedException;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A posting conversation: runs on the threads of whoever uses it.
 *
 * <p>When the user closes it before the peer has finished answering, the rest of the answer (code only:
 * back-scripts) is landed in the background by a short-lived virtual thread, in order, and
 * {@link #completion()} completes after the last of it. {@code tailLock} guards the tail fields.
 */
final class PostingConversationImpl extends ConversationBase implements PostingConversation {

    private static final System.Logger LOG = System.getLogger("dev.hbi");

    private final HostingEnv env;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private volatile boolean answerEnded;
    private final ReentrantLock tailLock = new ReentrantLock();
    private record TailCode(String code, Runnable landed) {
    }

    private final ArrayDeque<TailCode> tail = new ArrayDeque<>(); // guarded by tailLock
    private final java.util.concurrent.locks.Condition tailDrained = tailLock.newCondition();
    private long tailChars; // guarded by tailLock
    private boolean tailLanding; // guarded by tailLock
    private boolean tailEnded; // guarded by tailLock

    PostingConversationImpl(Connection connection, PostingWire wire, HostingEnv env) {
        super(connection, wire, Stage.SEND);
        this.env = env;
    }

    private PostingWire postingWire() {
        return (PostingWire) wire;
    }

    @Override
    String describe() {
        return "posting conversation " + id();
    }

    @Override
    HostingEnv landingEnv() {
        return env;
    }

    @Override
    HostingConversation hostingSelf() {
        return null;
    }

    @Override
    RuntimeException peerEnded() {
        answerEnded();
        return new ConversationEndedException("the peer completed " + describe()
                + " without sending the object recvObj waits for");
    }

    @Override
    public void startRecv() {
        operation.lock();
        try {
            requireStage(Stage.SEND, "startRecv");
            try {
                postingWire().endSend(sendDeadline());
            } catch (ConnectionClosedException reported) {
                stage = Stage.RECV; // the failure is the caller's now: close() does not throw it again
                throw reported;
            }
            stage = Stage.RECV;
        } finally {
            operation.unlock();
        }
    }

    @Override
    public Object recvObj(Duration timeout) {
        if (answerEnded && stage == Stage.RECV) {
            throw new ConversationEndedException("the peer has completed " + describe());
        }
        return super.recvObj(timeout);
    }

    @Override
    public void close() {
        operation.lock();
        try {
            Stage was = stage;
            if (was == Stage.CLOSED) {
                return;
            }
            stage = Stage.CLOSED;
            if (was == Stage.SEND) {
                postingWire().endSend(sendDeadline());
            }
            if (!answerEnded) {
                postingWire().release();
            }
        } finally {
            operation.unlock();
        }
    }

    /**
     * Lands a back-script that arrived after the user closed the conversation (classic wire). Called by
     * the reader, in order. Returns at once unless too much code waits to be landed; then it waits (the
     * classic reader can do nothing else meanwhile anyway), so that a peer cannot queue code without bound.
     *
     * @param code the code
     */
    void landTail(String code) {
        Deadline deadline = connection.recvDeadline();
        tailLock.lock();
        try {
            while (tailChars > connection.config().maxPacketSize() && !connection.isClosing()) {
                deadline.await(tailLock, tailDrained, () -> "the back-scripts of " + describe() + " to be landed");
            }
        } finally {
            tailLock.unlock();
        }
        queueTail(code, null);
    }

    /**
     * Lands a back-script that arrived after the user closed the conversation; never waits. The multiplexed
     * wire bounds the backlog by crediting the bytes only once {@code landed} runs.
     *
     * @param code   the code
     * @param landed runs after the code was landed, or {@code null}
     */
    void queueTail(String code, Runnable landed) {
        tailLock.lock();
        try {
            tail.add(new TailCode(code, landed));
            tailChars += code.length();
            if (tailLanding) {
                return;
            }
            tailLanding = true;
        } finally {
            tailLock.unlock();
        }
        Thread.ofVirtual().name(connection.name() + "-po-" + id()).start(this::drainTail);
    }

    /**
     * The peer reset the conversation after the user closed it.
     *
     * @param failure what it said
     */
    void answerFailed(RuntimeException failure) {
        answerEnded = true;
        completion.completeExceptionally(failure);
        connection.postingEnded(this);
    }

    private void drainTail() {
        while (true) {
            TailCode next;
            tailLock.lock();
            try {
                next = tail.poll();
                if (next == null) {
                    tailLanding = false;
                    if (tailEnded) {
                        complete();
                    }
                    return;
                }
                tailChars -= next.code().length();
                tailDrained.signalAll();
            } finally {
                tailLock.unlock();
            }
            try {
                land(next.code());
            } catch (Throwable e) {
                tailFailed(e);
                return;
            } finally {
                if (next.landed() != null) {
                    next.landed().run();
                }
            }
        }
    }

    /** A back-script failed to land: the wire tells the peer (land() already did for landing errors). */
    private void tailFailed(Throwable e) {
        if (!connection.isClosing()) {
            wire.fail("landing error in " + describe() + ": " + e.getMessage(), e);
        }
        if (e instanceof Error) {
            LOG.log(System.Logger.Level.ERROR, connection.name() + ": landing the back-scripts of " + describe()
                    + " failed", e);
        }
        completion.completeExceptionally(e);
        connection.postingEnded(this);
    }

    /** The peer has sent all of its answer. Called by the wire. */
    void answerEnded() {
        answerEnded = true;
        tailLock.lock();
        try {
            tailEnded = true;
            if (tailLanding) {
                return;
            }
        } finally {
            tailLock.unlock();
        }
        complete();
    }

    private void complete() {
        completion.complete(null);
        connection.postingEnded(this);
    }

    @Override
    void cancelled(String reason) {
        answerEnded = true;
        completion.completeExceptionally(new dev.hbi.ConversationResetException(dev.hbi.ErrorCode.CANCEL,
                describe() + " was cancelled here: " + reason));
        connection.postingEnded(this);
    }

    /**
     * The connection ended before the peer completed the conversation.
     *
     * @param cause what waiters are told
     */
    void connectionEnded(RuntimeException cause) {
        completion.completeExceptionally(cause);
    }

    @Override
    public void awaitCompleted() {
        awaitCompleted(connection.config().recvTimeout());
    }

    @Override
    public void awaitCompleted(Duration timeout) {
        try {
            completion.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw Deadline.after(timeout).expired("the peer to complete " + describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationInterruptedException("interrupted while waiting for " + describe(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public CompletionStage<Void> completion() {
        // completed on a callback thread, never on the reader: a dependent action may post and wait
        return completion.whenCompleteAsync((ok, failure) -> { }, Callbacks.EXECUTOR).minimalCompletionStage();
    }
}
