package dev.hbi.internal;

import dev.hbi.internal.wire.Packet;
import dev.hbi.internal.wire.PacketDecoder;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The read side of a classic-wire connection: a buffer over the {@link Wire}, from which it reads
 * either the next packet or a number of raw data bytes, as the receiving conversation asks
 * (hbi-wire-reference §1.2: only the application knows where data ends). Used only by the reader
 * thread.
 */
final class WireInput {

    private final Wire wire;
    private final ByteBuffer buffer;
    private final PacketDecoder decoder;

    WireInput(Wire wire, int bufferSize, int maxPacketSize) {
        this.wire = wire;
        this.buffer = ByteBuffer.allocateDirect(bufferSize).flip();
        this.decoder = new PacketDecoder(maxPacketSize);
    }

    /**
     * Reads the next packet.
     *
     * @return the packet, or {@code null} at a clean end of stream (between packets)
     * @throws EOFException if the stream ends inside a packet
     * @throws IOException  if reading fails
     */
    Packet readPacket() throws IOException {
        while (true) {
            Packet packet = decoder.decode(buffer);
            if (packet != null) {
                return packet;
            }
            if (!fill()) {
                if (decoder.isIdle()) {
                    return null;
                }
                throw new EOFException("the peer closed the connection in the middle of a packet");
            }
        }
    }

    /**
     * Reads raw data until the target buffer is full. Large reads go straight into the target.
     *
     * @param into the buffer to fill
     * @throws EOFException if the stream ends first
     * @throws IOException  if reading fails
     */
    void readData(ByteBuffer into) throws IOException {
        copyBuffered(into);
        while (into.hasRemaining()) {
            if (into.remaining() >= buffer.capacity() / 2) {
                if (wire.read(into) < 0) {
                    throw new EOFException("the peer closed the connection with " + into.remaining()
                            + " bytes of data still expected");
                }
            } else {
                if (!fill()) {
                    throw new EOFException("the peer closed the connection with " + into.remaining()
                            + " bytes of data still expected");
                }
                copyBuffered(into);
            }
        }
    }

    private void copyBuffered(ByteBuffer into) {
        int n = Math.min(buffer.remaining(), into.remaining());
        if (n > 0) {
            ByteBuffer part = buffer.slice(buffer.position(), n);
            into.put(part);
            buffer.position(buffer.position() + n);
        }
    }

    /** Reads more bytes into the (empty) buffer; returns false at end of stream. */
    private boolean fill() throws IOException {
        buffer.compact();
        try {
            return wire.read(buffer) >= 0;
        } finally {
            buffer.flip();
        }
    }
}
