package dev.hbi.testing;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Random;
import java.util.zip.CRC32;

/** Random bytes to send as data, made one chunk at a time as they are sent, so a test never holds them all. */
public final class RandomChunks {

    private RandomChunks() {
    }

    /**
     * Returns chunks of random bytes, each counted into a CRC32 as it is made.
     *
     * @param total  how many bytes in all
     * @param chunk  the size of each chunk (the last may be smaller)
     * @param random where the bytes come from
     * @param crc    updated with every byte handed out
     * @return the chunks, made once, in order, by the first iteration
     */
    public static Iterable<ByteBuffer> of(int total, int chunk, Random random, CRC32 crc) {
        return () -> new Iterator<>() {
            private int left = total;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public ByteBuffer next() {
                byte[] bytes = new byte[Math.min(chunk, left)];
                random.nextBytes(bytes);
                crc.update(bytes);
                left -= bytes.length;
                return ByteBuffer.wrap(bytes);
            }
        };
    }
}
