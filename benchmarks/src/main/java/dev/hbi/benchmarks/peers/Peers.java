package dev.hbi.benchmarks.peers;

import dev.hbi.HbiConfig;
import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.harness.Window;

/**
 * A server and a client of one library, in this JVM, connected over one loopback TCP connection, and the
 * shapes of traffic the suite measures on it. Each library runs a shape the way its documentation
 * recommends for speed; a shape a library has no counterpart for throws
 * {@link UnsupportedOperationException} (the benchmarks do not ask for it).
 *
 * <p>The values of round trips and one-way messages are 32 bytes each way.
 */
public interface Peers extends AutoCloseable {

    /** The size of the small values of round trips and one-way messages. */
    int VALUE_BYTES = 32;

    /** The unit bulk throughput is counted in, so that any chunk size can be compared. */
    int BLOCK_BYTES = 64 << 10;

    /**
     * Opens a pair by the name the benchmarks use as a parameter.
     *
     * @param name {@code raw}, {@code hbi-classic}, {@code hbi-mux}, {@code hbi-typed}, {@code rsocket}
     *             or {@code grpc}
     * @return the connected pair
     */
    static Peers open(String name) {
        return switch (name) {
            case "raw" -> new RawPeers();
            case "hbi-classic" -> new HbiPeers(HbiConfig.Wire.CLASSIC, HbiPeers.Style.HAND_WRITTEN);
            case "hbi-mux" -> new HbiPeers(HbiConfig.Wire.MULTIPLEXED, HbiPeers.Style.HAND_WRITTEN);
            case "hbi-typed" -> new HbiPeers(HbiConfig.Wire.MULTIPLEXED, HbiPeers.Style.TYPED);
            case "rsocket" -> new RSocketPeers();
            case "grpc" -> new GrpcPeers();
            default -> throw new IllegalArgumentException("no peers named " + name);
        };
    }

    /**
     * Starts request/response round trips, keeping {@code inFlight} calls outstanding until closed.
     *
     * @param inFlight how many calls are outstanding at any time
     * @param meter    told of each completed call, with its latency
     * @return the running load
     */
    Load roundTrips(int inFlight, Meter meter);

    /**
     * Starts one-way messages from the client, as many as the window lets be unhandled by the server.
     *
     * @param window bounds the messages sent but not yet handled; the server releases it
     * @param meter  told of each message the server handled
     * @return the running load
     */
    Load oneWay(Window window, Meter meter);

    /**
     * Starts a bulk stream from the server to the client, in answers of {@code streamBytes} each sent in
     * chunks of {@code chunkBytes}, one answer after the other.
     *
     * @param chunkBytes  the size of each chunk
     * @param streamBytes the size of each answer (a multiple of the chunk size)
     * @param meter       told of each {@link #BLOCK_BYTES} received
     * @return the running load
     */
    Load download(int chunkBytes, long streamBytes, Meter meter);

    /**
     * Makes one small round trip from the calling thread and waits for its answer.
     */
    void call();

    /**
     * Starts {@code count} calls that the server holds until {@link Held#release()}, and returns once the
     * server holds all of them.
     *
     * @param count how many calls
     * @return the held calls
     */
    Held hold(int count);

    /** Closes the client and the server. */
    @Override
    void close();

    /** A load that runs until closed. */
    interface Load extends AutoCloseable {

        /** Stops issuing, and waits a bounded time for what is in flight. */
        @Override
        void close();
    }

    /** Calls held by the server. */
    interface Held {

        /** Lets the server answer all of them, and waits until every answer arrived. */
        void release();
    }
}
