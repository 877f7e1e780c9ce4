package dev.hbi.internal;

import dev.hbi.internal.wire.Buffers;
import dev.hbi.internal.wire.StreamDecoder;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The read side of a connection: a buffer over the {@link Wire} from which the reader takes decoded
 * units (classic packets, mux frames) or, on the classic wire, a number of raw data bytes as the
 * receiving conversation asks (hbi-wire-reference §1.2: only the application knows where data ends).
 * Used only by the reader thread.
 */
final class WireInput {

    private final Wire wire;
    private final ByteBuffer buffer;
    /** When the unit being read began to arrive ({@link System#nanoTime()}), or 0 between units. */
    private volatile long unitStartedAt;
    /** What the unit being read is, for messages; written before {@code unitStartedAt}. */
    private volatile String unitName = "unit";
    private int nextFillLimit; // how many bytes the next fill may read at most, or 0 for as many as fit

    /**
     * Creates the input.
     *
     * @param wire       the wire
     * @param bufferSize the buffer's size
     * @param sniffed    bytes already read from the wire (to tell the wires apart), handed out first
     */
    WireInput(Wire wire, int bufferSize, ByteBuffer sniffed) {
        this.wire = wire;
        this.buffer = ByteBuffer.allocateDirect(Math.max(bufferSize, sniffed.remaining())).put(sniffed).flip();
    }

    /**
     * Reads the next unit.
     *
     * @param decoder decodes units
     * @param <T>     the unit
     * @return the unit, or {@code null} at a clean end of stream (between units)
     * @throws EOFException if the stream ends inside a unit
     * @throws IOException  if reading fails
     */
    <T> T read(StreamDecoder<T> decoder) throws IOException {
        while (true) {
            T unit = decoder.decode(buffer);
            if (unit != null) {
                unitMayHaveEnded(decoder); // a piece of a unit (of DATA) leaves the clock running
                return unit;
            }
            if (!decoder.isIdle()) {
                startStallClock(decoder);
            }
            if (!fill()) {
                if (decoder.isIdle()) {
                    return null;
                }
                throw new EOFException("the peer closed the connection in the middle of a " + decoder.unitName());
            }
        }
    }

    /**
     * Tells whether the peer began a unit (a packet, a frame, the preface) longer ago than a limit and has
     * not finished it: a stalled or slowloris peer that holds the reader. Safe to call from any thread.
     *
     * @param now   the current {@link System#nanoTime()}
     * @param limit how long a unit may take to arrive, in nanoseconds
     * @return why the peer counts as stalled, or {@code null} if it does not
     */
    String stall(long now, long limit) {
        long started = unitStartedAt;
        if (started == 0 || now - started < limit) {
            return null;
        }
        return "the peer began a " + unitName + " " + TimeUnit.NANOSECONDS.toMillis(now - started)
                + " ms ago and has not finished it (a stalled or slowloris peer)";
    }

    /** Starts timing the unit the decoder is in, unless it is timed already. */
    private void startStallClock(StreamDecoder<?> decoder) {
        if (unitStartedAt == 0) {
            unitName = decoder.unitName();
            unitStartedAt = nanoTimeNotZero();
        }
    }

    private static long nanoTimeNotZero() {
        long now = System.nanoTime();
        return now == 0 ? 1 : now;
    }

    /**
     * Reads raw bytes until the target buffer is full. Large reads go straight into the target.
     *
     * @param into the buffer to fill
     * @throws EOFException if the stream ends first
     * @throws IOException  if reading fails
     */
    void readData(ByteBuffer into) throws IOException {
        Buffers.transfer(buffer, into);
        while (into.hasRemaining()) {
            if (into.remaining() >= buffer.capacity() / 2) {
                if (wire.read(into) < 0) {
                    throw dataCut(into);
                }
            } else {
                if (!fill()) {
                    throw dataCut(into);
                }
                Buffers.transfer(buffer, into);
            }
        }
    }

    /**
     * Reads bytes of the unit being decoded straight into a buffer of the caller's, and, in the same
     * read, up to {@code then} bytes that follow into the read buffer: the multiplexed wire's reader
     * reads the rest of a DATA frame a conversation waits for this way, with the next frame's header,
     * so that a bulk stream takes one read per frame and no copy. Called only when nothing is buffered.
     *
     * @param into    where the bytes go
     * @param then    how many of the bytes after {@code into} is full to read into the read buffer
     * @param decoder the decoder in the middle of a unit, for the stall clock and messages
     * @return how many bytes went into {@code into}, at least 1 unless the read buffer got some
     * @throws EOFException if the stream ends first
     * @throws IOException  if reading fails
     */
    int readDirect(ByteBuffer into, int then, StreamDecoder<?> decoder) throws IOException {
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("bytes are still buffered: they come first");
        }
        startStallClock(decoder);
        int start = into.position();
        buffer.clear().limit(then);
        try {
            if (wire.read(new ByteBuffer[] {into, buffer}) < 0) {
                throw new EOFException("the peer closed the connection in the middle of a " + decoder.unitName());
            }
        } finally {
            buffer.flip();
        }
        return into.position() - start;
    }

    private static EOFException dataCut(ByteBuffer into) {
        return new EOFException("the peer closed the connection with " + into.remaining()
                + " bytes of data still expected");
    }

    /**
     * Stops the stall clock if the decoder is between units: after {@link #read} returned a unit or a
     * piece of one, and after the caller read the end of a unit itself ({@link #readDirect}).
     *
     * @param decoder the decoder, idle if the unit is finished
     */
    void unitMayHaveEnded(StreamDecoder<?> decoder) {
        if (decoder.isIdle()) {
            unitStartedAt = 0;
        }
    }

    /**
     * Bounds the next read into the buffer: the multiplexed wire's reader reads the rest of a bulk DATA
     * frame with the next header and no more, so that it can read the next payload straight to where it
     * goes.
     *
     * @param n how many bytes the next read may take at most
     */
    void limitNextFill(int n) {
        nextFillLimit = n;
    }

    /** Reads more bytes into the buffer; returns false at end of stream. */
    private boolean fill() throws IOException {
        buffer.compact();
        if (nextFillLimit > 0) {
            buffer.limit(Math.min(buffer.capacity(), buffer.position() + nextFillLimit));
            nextFillLimit = 0;
        }
        try {
            return wire.read(buffer) >= 0;
        } finally {
            buffer.flip();
        }
    }
}
