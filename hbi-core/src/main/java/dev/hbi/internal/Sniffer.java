package dev.hbi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Reads the first bytes a client sends, waiting at most a detection window, so that a server of both
 * wires can tell them apart (docs/wire-protocol.md §10). Runs on the accepted connection's own virtual
 * thread, before the connection's reader exists; the bytes read are handed to the reader afterwards.
 */
final class Sniffer {

    private static final int MAX = 64;

    private Sniffer() {
    }

    /**
     * Reads what the client has sent, at least one byte, or nothing if it sent none within the window.
     *
     * @param channel the accepted channel, in blocking mode; left in blocking mode
     * @param window  how long to wait
     * @return the bytes read, ready to read; empty after the window or at end of stream
     * @throws IOException if reading fails
     */
    static ByteBuffer firstBytes(SocketChannel channel, Duration window) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(MAX);
        try {
            // TCP: a timed read on the socket adaptor parks a virtual thread instead of blocking a carrier
            channel.socket().setSoTimeout((int) Math.max(1, window.toMillis()));
            readOnce(channel.socket().getInputStream(), bytes);
            channel.socket().setSoTimeout(0);
        } catch (UnsupportedOperationException unixDomain) {
            selectOnce(channel, bytes, window);
        }
        return bytes.flip();
    }

    private static void readOnce(InputStream in, ByteBuffer into) throws IOException {
        try {
            int n = in.read(into.array(), 0, into.capacity());
            if (n > 0) {
                into.position(n);
            }
        } catch (SocketTimeoutException silent) {
            // nothing within the window: a classic client waiting for the server to speak first
        }
    }

    private static void selectOnce(SocketChannel channel, ByteBuffer into, Duration window) throws IOException {
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            if (selector.select(Math.max(1, window.toMillis())) > 0) {
                channel.read(into);
            }
        } finally {
            channel.configureBlocking(true);
        }
    }
}
