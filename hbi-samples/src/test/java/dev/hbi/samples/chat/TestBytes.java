package dev.hbi.samples.chat;

import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Random;
import java.util.zip.CRC32;

/** Files' contents for the chat tests: repeatable random bytes, read as a channel, and their CRC-32. */
public final class TestBytes {

    private TestBytes() {
    }

    /**
     * Makes random bytes, the same for the same seed.
     *
     * @param size how many
     * @param seed the seed
     * @return the bytes
     */
    public static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /**
     * Reads bytes as a channel, as an upload reads a file.
     *
     * @param data the bytes
     * @return the channel
     */
    public static ReadableByteChannel channel(byte[] data) {
        return Channels.newChannel(new ByteArrayInputStream(data));
    }

    /**
     * Computes the CRC-32 hbichat checks transfers with.
     *
     * @param data the bytes
     * @return the checksum
     */
    public static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
