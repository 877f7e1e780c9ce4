package dev.hbi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * What the wires over a blocking {@link SocketChannel} share: the channel, its addresses (read once, so
 * they can be shown after the channel closed), and closing it.
 */
abstract sealed class ChannelWire implements Wire permits NioWire, TlsWire {

    final SocketChannel channel;
    private final SocketAddress remote;
    private final SocketAddress local;

    /**
     * Wraps a connected channel.
     *
     * @param channel the channel, connected and in blocking mode
     */
    ChannelWire(SocketChannel channel) {
        this.channel = channel;
        try {
            this.remote = channel.getRemoteAddress();
            this.local = channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("the channel is not connected", e);
        }
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
