package dev.hbi.internal;

import dev.hbi.internal.wire.Buffers;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A {@link Wire} that runs TLS over a blocking {@link SocketChannel} with an {@link SSLEngine}. The
 * handshake runs before the connection's threads exist ({@link #handshake}); after it, the reader thread
 * unwraps and the writer thread wraps, which an SSLEngine allows at the same time.
 *
 * <p>A TLS 1.3 peer may ask for a message back after the handshake (a key update). The reader cannot
 * wait for the writer, which may be blocked on a full socket while the peer waits for us to read, so it
 * only marks the message as owed; whoever holds {@code writeLock} next, or the reader if the lock is
 * free, sends it ({@link #sendOwedHandshake()}).
 *
 * <p>Threads and locks: {@code netIn} and {@code appIn} belong to the reader (and to the handshake before
 * it); {@code writeLock} guards {@code netOut} and every write to the channel.
 */
final class TlsWire extends ChannelWire {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final ReentrantLock writeLock = new ReentrantLock();
    private ByteBuffer netIn; // reader: encrypted bytes read, ready to unwrap
    private ByteBuffer appIn; // reader: decrypted bytes not yet handed out
    private ByteBuffer netOut; // guarded by writeLock
    private boolean inboundClosed; // reader
    private volatile boolean handshakeOwed;

    private TlsWire(SocketChannel channel, SSLEngine engine) {
        super(channel);
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocateDirect(packet).flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        this.netOut = ByteBuffer.allocateDirect(4 * packet);
    }

    /**
     * Runs the TLS handshake over a connected channel, blocking; the caller bounds it with a
     * {@link HandshakeTimer}.
     *
     * @param channel the channel, connected and in blocking mode
     * @param engine  the engine, set up as client or server
     * @return the wire, ready for the connection's reader and writer
     * @throws IOException  if the channel fails or the peer closes it
     * @throws SSLException if the handshake fails (an untrusted certificate, no common protocol)
     */
    static TlsWire handshake(SocketChannel channel, SSLEngine engine) throws IOException {
        TlsWire wire = new TlsWire(channel, engine);
        try {
            engine.beginHandshake();
            wire.shake();
        } catch (SSLException e) {
            wire.sendAlert();
            throw e;
        }
        return wire;
    }

    /**
     * Returns the engine, for what the handshake agreed (the application protocol, the peer's certificates).
     *
     * @return the engine
     */
    SSLEngine engine() {
        return engine;
    }

    private void shake() throws IOException {
        HandshakeStatus status = engine.getHandshakeStatus();
        while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
            status = switch (status) {
                case NEED_WRAP -> wrapHandshake();
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapHandshake();
                case NEED_TASK -> runTasks();
                default -> throw new SSLException("unexpected TLS handshake status " + status);
            };
        }
    }

    private HandshakeStatus wrapHandshake() throws IOException {
        writeLock.lock();
        try {
            netOut.clear();
            SSLEngineResult result = engine.wrap(EMPTY, netOut);
            flush();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED && !engine.isOutboundDone()) {
                throw new SSLException("the TLS engine closed during the handshake");
            }
            return result.getHandshakeStatus();
        } finally {
            writeLock.unlock();
        }
    }

    private HandshakeStatus unwrapHandshake() throws IOException {
        SSLEngineResult result = unwrapInto(appIn.compact());
        appIn.flip();
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW && !readNet()) {
            throw new EOFException("the peer closed the connection during the TLS handshake");
        }
        if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("the peer closed TLS during the handshake");
        }
        return engine.getHandshakeStatus();
    }

    private HandshakeStatus runTasks() {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
        return engine.getHandshakeStatus();
    }

    /** Best effort: tells the peer why the handshake failed (the engine has an alert to wrap). */
    private void sendAlert() {
        try {
            engine.closeOutbound();
            writeLock.lock();
            try {
                netOut.clear();
                engine.wrap(EMPTY, netOut);
                flush();
            } finally {
                writeLock.unlock();
            }
        } catch (IOException | RuntimeException ignored) {
            // the handshake failed already; the alert is a courtesy
        }
    }

    // ---- the reader ----

    @Override
    public int read(ByteBuffer into) throws IOException {
        while (true) {
            if (appIn.hasRemaining()) {
                return Buffers.transfer(appIn, into);
            }
            if (inboundClosed) {
                return -1;
            }
            int direct = unwrapOnce(into);
            if (direct > 0) {
                return direct;
            }
        }
    }

    /**
     * Unwraps one record: straight into the caller's buffer when it has room for a whole record, else into
     * {@code appIn}. Reads from the channel when no whole record is buffered.
     *
     * @return how many bytes went straight into {@code into}
     */
    private int unwrapOnce(ByteBuffer into) throws IOException {
        boolean straight = into.remaining() >= engine.getSession().getApplicationBufferSize();
        int before = into.position();
        SSLEngineResult result = straight ? unwrapInto(into) : unwrapInto(appIn.clear());
        if (!straight) {
            appIn.flip();
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                if (!readNet()) {
                    throw new EOFException("the peer closed the connection without ending TLS (close_notify):"
                            + " what it sent may be cut short");
                }
            }
            case BUFFER_OVERFLOW -> appIn = ByteBuffer.allocate(2 * appIn.capacity()).flip();
            case CLOSED -> inboundClosed = true;
            case OK -> { }
        }
        afterPeerMessage(result.getHandshakeStatus());
        return straight ? into.position() - before : 0;
    }

    private SSLEngineResult unwrapInto(ByteBuffer into) throws SSLException {
        return engine.unwrap(netIn, into);
    }

    /** Reads more encrypted bytes; returns false at end of stream. */
    private boolean readNet() throws IOException {
        netIn.compact();
        if (!netIn.hasRemaining()) {
            netIn = ByteBuffer.allocateDirect(2 * netIn.capacity()).put(netIn.flip());
        }
        try {
            return channel.read(netIn) >= 0;
        } finally {
            netIn.flip();
        }
    }

    /** Handles what a message of the peer asks for after the handshake: tasks to run, a message to send. */
    private void afterPeerMessage(HandshakeStatus status) throws IOException {
        if (status == HandshakeStatus.NEED_TASK) {
            status = runTasks();
        }
        if (status == HandshakeStatus.NEED_WRAP) {
            handshakeOwed = true;
            sendOwedHandshake();
        }
    }

    /** Sends an owed handshake message if nobody is writing; a writer that is sends it when it is done. */
    private void sendOwedHandshake() throws IOException {
        while (handshakeOwed && writeLock.tryLock()) {
            try {
                if (handshakeOwed) {
                    handshakeOwed = false;
                    netOut.clear();
                    engine.wrap(EMPTY, netOut);
                    flush();
                }
            } finally {
                writeLock.unlock();
            }
        }
    }

    // ---- the writer ----

    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        int packet = engine.getSession().getPacketBufferSize();
        long consumed = 0;
        writeLock.lock();
        try {
            netOut.clear();
            while (netOut.remaining() >= packet && hasRemaining(from, offset, length)) {
                SSLEngineResult result = engine.wrap(from, offset, length, netOut);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("TLS is closed for writing");
                }
                consumed += result.bytesConsumed();
                if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
            }
            flush();
        } finally {
            writeLock.unlock();
        }
        sendOwedHandshake();
        return consumed;
    }

    private static boolean hasRemaining(ByteBuffer[] from, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (from[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Writes all of {@code netOut}, from its start to its position. The write lock is held. */
    private void flush() throws IOException {
        netOut.flip();
        while (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        netOut.clear();
    }

    /** Ends TLS for writing (close_notify), then half-closes the socket; reading goes on. */
    @Override
    public void shutdownOutput() throws IOException {
        writeLock.lock();
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) {
                netOut.clear();
                engine.wrap(EMPTY, netOut);
                flush();
            }
        } finally {
            writeLock.unlock();
        }
        channel.shutdownOutput();
    }
}
