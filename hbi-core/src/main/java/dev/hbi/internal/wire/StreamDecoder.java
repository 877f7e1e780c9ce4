package dev.hbi.internal.wire;

import java.nio.ByteBuffer;

/**
 * Decodes units (packets, frames) from bytes as they arrive, in pieces of any size, consuming exactly the
 * bytes of one unit at a time.
 *
 * @param <T> what is decoded
 */
public interface StreamDecoder<T> {

    /**
     * Consumes bytes of the next unit, and returns the unit once its last byte has been consumed.
     *
     * @param in bytes from the wire, between position and limit
     * @return the unit, or {@code null} if more bytes are needed
     */
    T decode(ByteBuffer in);

    /**
     * Tells whether the decoder is between units.
     *
     * @return {@code true} if a clean end of stream here loses nothing
     */
    boolean isIdle();

    /**
     * Names the unit decoded, for messages.
     *
     * @return such as {@code "packet"} or {@code "frame"}
     */
    String unitName();
}
