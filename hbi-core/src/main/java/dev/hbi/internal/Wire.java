package dev.hbi.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The byte stream under a connection: a socket channel in production, a fault-injecting wrapper in
 * tests. {@link #read} is called only by the connection's reader thread and {@link #write} only by its
 * writer thread; {@link #close()} may be called from any thread and wakes both.
 */
public interface Wire {

    /**
     * Reads bytes; blocks until at least one is available.
     *
     * @param into the buffer to fill
     * @return how many bytes were read, or -1 at end of stream
     * @throws IOException if reading failed or the wire was closed
     */
    int read(ByteBuffer into) throws IOException;

    /**
     * Reads bytes into a run of buffers, filling each before the next (a scattering read); may fill only
     * some. Blocks until at least one byte is available. This default fills only the first buffer with
     * room, which a wire that cannot scatter may keep.
     *
     * @param into the buffers
     * @return how many bytes were read, or -1 at end of stream
     * @throws IOException if reading failed or the wire was closed
     */
    default long read(ByteBuffer[] into) throws IOException {
        for (ByteBuffer b : into) {
            if (b.hasRemaining()) {
                return read(b);
            }
        }
        return 0;
    }

    /**
     * Writes bytes from a run of buffers (a gathering write); may write only some of them.
     *
     * @param from   the buffers
     * @param offset the first buffer to write from
     * @param length how many buffers to write from
     * @return how many bytes were written
     * @throws IOException if writing failed or the wire was closed
     */
    long write(ByteBuffer[] from, int offset, int length) throws IOException;

    /**
     * Half-closes: the peer sees end of stream, reading goes on.
     *
     * @throws IOException if that failed
     */
    void shutdownOutput() throws IOException;

    /** Closes the wire; blocked reads and writes fail at once. Never throws. */
    void close();

    /**
     * Returns the peer's address.
     *
     * @return the address
     */
    SocketAddress remoteAddress();

    /**
     * Returns this side's address.
     *
     * @return the address
     */
    SocketAddress localAddress();
}
