package dev.hbi.internal.wire;

import java.nio.ByteBuffer;

/** What the decoders, the read side and the inboxes do with byte buffers alike. */
public final class Buffers {

    private Buffers() {
    }

    /**
     * Copies as many bytes as fit from one buffer into another, at their positions, advancing both.
     *
     * @param from where the bytes come from, between position and limit
     * @param to   where they go, from its position on
     * @return how many bytes were copied: the lesser of what {@code from} has and {@code to} takes
     */
    public static int transfer(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        to.put(to.position(), from, from.position(), n).position(to.position() + n);
        from.position(from.position() + n);
        return n;
    }
}
