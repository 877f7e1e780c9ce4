package dev.hbi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A {@link Wire} over a blocking {@link SocketChannel} (TCP or Unix domain). Only the reader and writer
 * threads do I/O on it: interrupting a thread during channel I/O closes the channel, so user threads
 * never touch it.
 */
public final class NioWire extends ChannelWire {

    /**
     * Wraps a connected channel.
     *
     * @param channel the channel, connected and in blocking mode
     */
    public NioWire(SocketChannel channel) {
        super(channel);
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public long read(ByteBuffer[] into) throws IOException {
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
}
