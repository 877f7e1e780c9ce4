package dev.hbi.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers for binary data the reader queues for conversations that are not waiting for it,
 * reused so that a bulk stream allocates (and zeroes) nothing per frame; direct, so that the reader can
 * read the wire straight into them. Readers take, conversations give back what they have read to the
 * end. At most {@code capacity} free buffers are kept; more are left to the garbage collector. One pool,
 * {@link #SHARED}, serves every connection, so that idle connections hold no chunks.
 *
 * <p>Threading: any thread; lock-free.
 */
final class ChunkPool {

    /** The pool of every connection: 64 chunks of 64 KiB at most, 4 MiB. */
    static final ChunkPool SHARED = new ChunkPool(64 << 10, 64);

    private final int chunkSize;
    private final int capacity;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();

    /**
     * Creates a pool.
     *
     * @param chunkSize the size of each buffer
     * @param capacity  how many free buffers to keep at most
     */
    ChunkPool(int chunkSize, int capacity) {
        this.chunkSize = chunkSize;
        this.capacity = capacity;
    }

    /**
     * Tells whether bytes are worth a pooled chunk: half a chunk or more, so that a queued chunk never
     * takes more than twice the bytes it holds, which the window counts.
     *
     * @param bytes how many bytes would go into the chunk
     * @return {@code true} if a chunk should be taken for them
     */
    boolean worthAChunk(int bytes) {
        return bytes >= chunkSize / 2;
    }

    /**
     * Takes a buffer, empty, ready to be filled.
     *
     * @return a free buffer, or a new one
     */
    ByteBuffer take() {
        ByteBuffer b = free.poll();
        if (b == null) {
            return ByteBuffer.allocateDirect(chunkSize).limit(0);
        }
        freeCount.decrementAndGet();
        return b;
    }

    /**
     * Gives back a buffer read to the end. One of another size (made for a small piece of data) or one
     * more than the pool keeps is left to the garbage collector.
     *
     * @param b the buffer, no longer used by the caller
     */
    void give(ByteBuffer b) {
        if (b.isDirect() && b.capacity() == chunkSize && freeCount.get() < capacity) {
            freeCount.incrementAndGet(); // racing givers may keep a few more than capacity: harmless
            free.offer(b.limit(0));
        }
    }
}
