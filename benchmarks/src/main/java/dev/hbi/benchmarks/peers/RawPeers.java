package dev.hbi.benchmarks.peers;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.harness.Window;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical limit: two blocking {@link SocketChannel}s with TCP_NODELAY and fixed 32-byte messages, one
 * platform thread per side and shape, no framing, no handoff between threads. Round trips write as many
 * requests as are due in one write and echo whatever arrived in one write (at one in flight this is a
 * plain ping-pong); one-way messages go out 128 to a write; the bulk stream is one endless stream of
 * chunk-sized writes and reads.
 */
final class RawPeers implements Peers {

    private static final int ONE_WAY_BATCH = 128;
    private static final int READ_BUFFER = 64 << 10;

    private final ServerSocketChannel listener;
    private final SocketChannel client;
    private final SocketChannel server;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    RawPeers() {
        try {
            listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client = SocketChannel.open(listener.getLocalAddress());
            server = listener.accept();
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Load roundTrips(int inFlight, Meter meter) {
        start("raw-echo", meter, this::echo);
        Thread caller = start("raw-caller", meter, () -> pipeline(inFlight, meter));
        return () -> stop(caller);
    }

    private void echo() throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(READ_BUFFER);
        while (read(server, buf)) {
            int whole = buf.position() - buf.position() % VALUE_BYTES;
            int end = buf.position();
            buf.flip().limit(whole);
            writeFully(server, buf);
            buf.limit(end).compact();
        }
    }

    private void pipeline(int inFlight, Meter meter) throws IOException {
        ByteBuffer out = ByteBuffer.allocateDirect(inFlight * VALUE_BYTES);
        ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER);
        int outstanding = request(out, inFlight);
        while (outstanding > 0) {
            if (!read(client, in)) {
                throw new EOFException("the echo side closed");
            }
            int answers = in.position() / VALUE_BYTES;
            for (int i = 0; i < answers; i++) {
                meter.completed(in.getLong(i * VALUE_BYTES));
            }
            in.flip().position(answers * VALUE_BYTES);
            in.compact();
            outstanding -= answers;
            if (running && answers > 0) {
                outstanding += request(out, answers);
            }
        }
    }

    /** Writes {@code n} requests, each carrying its send time, in one write. */
    private int request(ByteBuffer out, int n) throws IOException {
        long now = System.nanoTime();
        out.clear().limit(n * VALUE_BYTES);
        for (int i = 0; i < n; i++) {
            out.putLong(i * VALUE_BYTES, now);
        }
        writeFully(client, out);
        return n;
    }

    @Override
    public Load oneWay(Window window, Meter meter) {
        start("raw-sink", meter, () -> {
            ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER);
            while (read(server, in)) {
                int messages = in.position() / VALUE_BYTES;
                in.flip().position(messages * VALUE_BYTES);
                in.compact();
                meter.count(messages);
                window.release(messages);
            }
        });
        Thread sender = start("raw-sender", meter, () -> {
            ByteBuffer batch = ByteBuffer.allocateDirect(ONE_WAY_BATCH * VALUE_BYTES);
            while (running && window.acquire(ONE_WAY_BATCH)) {
                writeFully(client, batch.clear());
            }
        });
        return () -> {
            window.close();
            stop(sender);
        };
    }

    @Override
    public Load download(int chunkBytes, long streamBytes, Meter meter) {
        start("raw-streamer", meter, () -> {
            ByteBuffer chunk = ByteBuffer.allocateDirect(chunkBytes);
            while (running) {
                writeFully(server, chunk.clear());
            }
        });
        Thread reader = start("raw-reader", meter, () -> {
            ByteBuffer chunk = ByteBuffer.allocateDirect(chunkBytes);
            while (running) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    if (!read(client, chunk)) {
                        return;
                    }
                }
                meter.count(chunkBytes / BLOCK_BYTES);
            }
        });
        return () -> stop(reader);
    }

    @Override
    public void call() {
        throw new UnsupportedOperationException("the raw socket has no requests to interleave with a stream");
    }

    @Override
    public Held hold(int count) {
        throw new UnsupportedOperationException("the raw socket has no conversations to hold");
    }

    @Override
    public void close() {
        running = false;
        try {
            client.close();
            server.close();
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.forEach(Waits::join);
    }

    private interface Body {
        void run() throws IOException;
    }

    private Thread start(String name, Meter meter, Body body) {
        Thread t = Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                body.run();
            } catch (ClosedChannelException closed) {
                // the pair is closing
            } catch (IOException | RuntimeException e) {
                if (running) {
                    meter.fail(e);
                }
            }
        });
        threads.add(t);
        return t;
    }

    private void stop(Thread t) {
        running = false;
        Waits.join(t);
    }

    private static boolean read(SocketChannel channel, ByteBuffer into) throws IOException {
        return channel.read(into) >= 0;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            channel.write(from);
        }
    }
}
