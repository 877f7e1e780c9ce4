package dev.hbi.samples.chat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * Moves a known number of bytes between a channel and a conversation in 64 KiB chunks, computing the
 * CRC-32 (zlib's {@code crc32}, as hbichat checks transfers) on the way.
 */
public final class Chunks {

    private static final int SIZE = 64 << 10;

    private Chunks() {
    }

    /**
     * Rounds a size up to whole KiB, as hbichat shows sizes.
     *
     * @param bytes the size in bytes
     * @return the size in KiB, rounded up
     */
    public static long kiB(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /**
     * Sends exactly {@code size} bytes read from a channel.
     *
     * @param in       where the bytes come from
     * @param send     sends one chunk, such as {@code co::sendData}
     * @param size     how many bytes to send
     * @param progress told how many bytes have been sent so far, after each chunk
     * @return the CRC-32 of what was sent
     * @throws IOException if reading fails, or the channel ends before {@code size} bytes
     */
    public static long send(ReadableByteChannel in, Consumer<ByteBuffer> send, long size, LongConsumer progress)
            throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(SIZE, Math.max(size, 1)));
        CRC32 crc = new CRC32();
        for (long done = 0; done < size; ) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), size - done));
            while (chunk.hasRemaining()) {
                if (in.read(chunk) < 0) {
                    throw new EOFException("the data ended after " + (done + chunk.position()) + " of " + size + " bytes");
                }
            }
            chunk.flip();
            crc.update(chunk.duplicate());
            send.accept(chunk);
            done += chunk.limit();
            progress.accept(done);
        }
        return crc.getValue();
    }

    /**
     * Receives exactly {@code size} bytes into a channel.
     *
     * @param recv     fills one chunk, such as {@code co::recvData}
     * @param out      where the bytes go
     * @param size     how many bytes to receive
     * @param progress told how many bytes have been received so far, after each chunk
     * @return the CRC-32 of what was received
     * @throws IOException if writing fails
     */
    public static long receive(Consumer<ByteBuffer> recv, WritableByteChannel out, long size, LongConsumer progress)
            throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(SIZE, Math.max(size, 1)));
        CRC32 crc = new CRC32();
        for (long done = 0; done < size; ) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), size - done));
            recv.accept(chunk);
            chunk.flip();
            crc.update(chunk.duplicate());
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            done += chunk.limit();
            progress.accept(done);
        }
        return crc.getValue();
    }
}
