package dev.hbi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Wire} for fault tests: writes block until {@link #open()} (a peer that does not read), reads
 * block until the wire is closed (a peer that sends nothing), and everything written is recorded.
 */
final class GatedWire implements Wire {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wrote = lock.newCondition();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream(); // guarded by lock
    private final long passFirst;
    private final ByteBuffer peerSends;

    /** Creates a wire that blocks every write until opened. */
    GatedWire() {
        this(0);
    }

    /**
     * Creates a wire that lets writes through until {@code passFirst} bytes are written, then blocks; the
     * reader reads {@code peerSends} (the peer's preface, say), then nothing until the wire is closed.
     *
     * @param passFirst how many bytes get through before the gate
     * @param peerSends what the peer sent
     */
    GatedWire(long passFirst, ByteBuffer peerSends) {
        this.passFirst = passFirst;
        this.peerSends = peerSends.duplicate();
    }

    /**
     * Creates a wire that lets writes through until {@code passFirst} bytes are written, then blocks.
     *
     * @param passFirst how many bytes get through before the gate
     */
    GatedWire(long passFirst) {
        this(passFirst, ByteBuffer.allocate(0));
    }

    /** Lets writes through from now on: the peer reads again. */
    void open() {
        gate.countDown();
    }

    /**
     * Returns everything written so far, as ISO-8859-1 text.
     *
     * @return the bytes as text
     */
    String text() {
        lock.lock();
        try {
            return written.toString(StandardCharsets.ISO_8859_1);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until what was written contains a text.
     *
     * @param expected the text
     * @param timeout  how long to wait
     * @return everything written, once it contains the text
     * @throws InterruptedException if interrupted
     */
    String awaitWritten(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!written.toString(StandardCharsets.ISO_8859_1).contains(expected)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !wrote.await(left, TimeUnit.NANOSECONDS) && System.nanoTime() >= deadline) {
                    throw new AssertionError("never written: " + expected + "; written: " + shorten());
                }
            }
            return written.toString(StandardCharsets.ISO_8859_1);
        } finally {
            lock.unlock();
        }
    }

    private long writtenSoFar() {
        lock.lock();
        try {
            return written.size();
        } finally {
            lock.unlock();
        }
    }

    private String shorten() {
        return written.toString(StandardCharsets.ISO_8859_1).replaceAll("(.)\\1{20,}", "$1...");
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (peerSends.hasRemaining()) {
            int n = Math.min(into.remaining(), peerSends.remaining());
            into.put(peerSends.slice(peerSends.position(), n));
            peerSends.position(peerSends.position() + n);
            return n;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        throw new IOException("closed");
    }

    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        try {
            if (writtenSoFar() >= passFirst) {
                gate.await();
            }
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        if (closed.getCount() == 0) {
            throw new IOException("closed");
        }
        long n = 0;
        lock.lock();
        try {
            for (int i = offset; i < offset + length; i++) {
                byte[] bytes = new byte[from[i].remaining()];
                from[i].get(bytes);
                written.writeBytes(bytes);
                n += bytes.length;
            }
            wrote.signalAll();
        } finally {
            lock.unlock();
        }
        return n;
    }

    @Override
    public void shutdownOutput() {
    }

    @Override
    public void close() {
        closed.countDown();
        gate.countDown();
    }

    @Override
    public SocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public SocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 2);
    }
}
