package dev.hbi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A {@link Wire} over a blocking {@link SocketChannel} (TCP or Unix domain). Only the reader and writer
 * threads do I/O on it: interrupting a thread during channel I/O closes the channel, so user threads
 * never touch it.
 */
public final class NioWire implements Wire {

    private final SocketChannel channel;
    private final SocketAddress remote;
    private final SocketAddress local;

    /**
     * Wraps a connected channel.
     *
     * @param channel the channel, connected and in blocking mode
     */
    public NioWire(SocketChannel channel) {
        this.channel = channel;
        try {
            this.remote = channel.getRemoteAddress();
            this.local = channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("the channel is not connected", e);
        }
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        return channel.write(from, offset, length);
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort; the channel is unusable either way
        }
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }
}
