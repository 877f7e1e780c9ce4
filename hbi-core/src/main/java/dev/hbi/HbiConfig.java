package dev.hbi;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a connection: which wire it speaks, the limits it enforces on what the peer sends, and
 * the deadlines of its blocking calls. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * @param wire               the wire protocol
 * @param maxPacketSize      the largest packet payload (a script or an object's code) accepted from the
 *                           peer, in bytes; larger ones are refused before anything is allocated
 * @param maxNesting         how deeply brackets and calls may nest in landed code
 * @param sendTimeout        how long a send may wait for its turn on the wire or for buffer space
 * @param recvTimeout        how long a receive may wait for the peer, the classic wire for a receiving
 *                           conversation to ask for its next packet, and a packet or frame the peer began to
 *                           send may take to arrive in full (a stalled or slowloris peer is disconnected)
 * @param closeTimeout       how long closing may take to flush what was sent
 * @param connectTimeout     how long {@link Hbi#connect} may take to establish the TCP connection
 * @param outboundQueueBytes how many bytes of packets may wait to be written before senders wait
 * @param readBufferSize     the size of the connection's read buffer
 * @param idleTimeout        multiplexed wire: how long the peer may stay silent (it is pinged after a third
 *                           of it) before the connection is closed
 * @param detectionWindow    how long a server of both wires waits for a client's first byte before it
 *                           decides the client speaks the classic wire, and how long an AUTO client waits
 *                           for the server's preface before it tries the classic wire
 *                           (docs/wire-protocol.md §10)
 * @param maxFrameSize       multiplexed wire: the largest frame payload accepted from the peer
 * @param initialWindowSize  multiplexed wire: how many unread bytes each conversation may hold; also bounds
 *                           the scripts the peer may send, with {@code maxPacketSize}
 * @param connectionWindowSize multiplexed wire: how many unread bytes the whole connection may hold
 * @param maxConcurrentConversations how many of the peer's conversations may be in flight at once: on the
 *                           multiplexed wire the peer is told and more are refused, on the classic wire
 *                           the next request is not read until one ends
 * @param maxConnections     a server's limit on connections open at once; one more is told the server is
 *                           busy and closed
 * @param security           TLS and token authentication, required of the peer before anything is landed
 */
public record HbiConfig(Wire wire, int maxPacketSize, int maxNesting, Duration sendTimeout, Duration recvTimeout,
                        Duration closeTimeout, Duration connectTimeout, int outboundQueueBytes,
                        int readBufferSize, Duration idleTimeout, Duration detectionWindow, int maxFrameSize,
                        int initialWindowSize, int connectionWindowSize, int maxConcurrentConversations,
                        int maxConnections, HbiSecurity security) {

    /** The wire protocols a connection can speak. */
    public enum Wire {
        /**
         * Both, as fits the peer (the default). A server tells them apart by the client's first byte
         * (docs/wire-protocol.md §10). A client speaks the multiplexed wire, and if the server turns out to
         * speak the classic one, dials again with the classic wire; the server will then have run its
         * init hook for the abandoned first connection.
         */
        AUTO,
        /**
         * The reference HBI's text packets ({@code [len#dir]payload}) and raw data: speaks with the
         * Python and Go implementations. One conversation sends at a time in each direction.
         */
        CLASSIC,
        /**
         * This project's binary frames (docs/wire-protocol.md): conversations interleave, each has its own
         * flow control, and a failure ends only its conversation. Java peers only.
         */
        MULTIPLEXED
    }

    private static final HbiConfig DEFAULTS = new HbiConfig(Wire.AUTO, 16 << 20, 100,
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10),
            4 << 20, 64 << 10, Duration.ofSeconds(60), Duration.ofMillis(500), 64 << 10, 1 << 20, 32 << 20,
            10_000, 4096, HbiSecurity.none());

    /**
     * Checks the settings.
     *
     * @param wire               the wire protocol
     * @param maxPacketSize      the largest packet payload accepted
     * @param maxNesting         how deeply landed code may nest
     * @param sendTimeout        the send deadline
     * @param recvTimeout        the receive deadline
     * @param closeTimeout       the close deadline
     * @param connectTimeout     the connect deadline
     * @param outboundQueueBytes the outbound queue's size
     * @param readBufferSize     the read buffer's size
     * @param idleTimeout        the idle timeout of the multiplexed wire
     * @param detectionWindow    how long a server waits to tell the wires apart
     * @param maxFrameSize       the largest frame payload accepted
     * @param initialWindowSize  each conversation's receive window
     * @param connectionWindowSize the connection's receive window
     * @param maxConcurrentConversations how many conversations the peer may have open
     * @param maxConnections     how many connections a server keeps open at once
     * @param security           TLS and token authentication
     */
    public HbiConfig {
        Objects.requireNonNull(wire, "wire");
        positive(maxPacketSize, "maxPacketSize");
        positive(maxNesting, "maxNesting");
        positive(sendTimeout, "sendTimeout");
        positive(recvTimeout, "recvTimeout");
        positive(closeTimeout, "closeTimeout");
        positive(connectTimeout, "connectTimeout");
        positive(outboundQueueBytes, "outboundQueueBytes");
        if (readBufferSize < 64) {
            throw new IllegalArgumentException("readBufferSize must be at least 64 bytes, not " + readBufferSize);
        }
        positive(idleTimeout, "idleTimeout");
        positive(detectionWindow, "detectionWindow");
        if (maxFrameSize < 16384 || maxFrameSize > (1 << 24) - 1) {
            throw new IllegalArgumentException("maxFrameSize must be between 16384 and 16777215, not " + maxFrameSize);
        }
        positive(initialWindowSize, "initialWindowSize");
        positive(connectionWindowSize, "connectionWindowSize");
        positive(maxConcurrentConversations, "maxConcurrentConversations");
        positive(maxConnections, "maxConnections");
        Objects.requireNonNull(security, "security");
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    /**
     * Returns the default settings: either wire as fits the peer, 16 MiB classic packets, nesting 100, 60 s
     * send and receive deadlines, 5 s to close, 10 s to connect, 4 MiB outbound queue, 64 KiB read buffer,
     * 60 s idle timeout, 500 ms to tell the wires apart, 64 KiB frames, 1 MiB conversation window, 32 MiB
     * connection window, 10,000 conversations at once, 4,096 connections per server, neither TLS nor a token.
     *
     * @return the defaults
     */
    public static HbiConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder that starts from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * Returns a builder that starts from these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link HbiConfig}. */
    public static final class Builder {
        private Wire wire;
        private int maxPacketSize;
        private int maxNesting;
        private Duration sendTimeout;
        private Duration recvTimeout;
        private Duration closeTimeout;
        private Duration connectTimeout;
        private int outboundQueueBytes;
        private int readBufferSize;
        private Duration idleTimeout;
        private Duration detectionWindow;
        private int maxFrameSize;
        private int initialWindowSize;
        private int connectionWindowSize;
        private int maxConcurrentConversations;
        private int maxConnections;
        private HbiSecurity security;

        private Builder(HbiConfig from) {
            wire = from.wire;
            maxPacketSize = from.maxPacketSize;
            maxNesting = from.maxNesting;
            sendTimeout = from.sendTimeout;
            recvTimeout = from.recvTimeout;
            closeTimeout = from.closeTimeout;
            connectTimeout = from.connectTimeout;
            outboundQueueBytes = from.outboundQueueBytes;
            readBufferSize = from.readBufferSize;
            idleTimeout = from.idleTimeout;
            detectionWindow = from.detectionWindow;
            maxFrameSize = from.maxFrameSize;
            initialWindowSize = from.initialWindowSize;
            connectionWindowSize = from.connectionWindowSize;
            maxConcurrentConversations = from.maxConcurrentConversations;
            maxConnections = from.maxConnections;
            security = from.security;
        }

        /**
         * Sets the wire protocol.
         *
         * @param value the wire
         * @return this builder
         */
        public Builder wire(Wire value) {
            wire = value;
            return this;
        }

        /**
         * Sets the largest packet payload accepted from the peer.
         *
         * @param value bytes
         * @return this builder
         */
        public Builder maxPacketSize(int value) {
            maxPacketSize = value;
            return this;
        }

        /**
         * Sets how deeply landed code may nest.
         *
         * @param value levels
         * @return this builder
         */
        public Builder maxNesting(int value) {
            maxNesting = value;
            return this;
        }

        /**
         * Sets the send deadline.
         *
         * @param value the deadline
         * @return this builder
         */
        public Builder sendTimeout(Duration value) {
            sendTimeout = value;
            return this;
        }

        /**
         * Sets the receive deadline.
         *
         * @param value the deadline
         * @return this builder
         */
        public Builder recvTimeout(Duration value) {
            recvTimeout = value;
            return this;
        }

        /**
         * Sets the close deadline.
         *
         * @param value the deadline
         * @return this builder
         */
        public Builder closeTimeout(Duration value) {
            closeTimeout = value;
            return this;
        }

        /**
         * Sets the connect deadline.
         *
         * @param value the deadline
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        /**
         * Sets how many bytes may wait to be written before senders wait.
         *
         * @param value bytes
         * @return this builder
         */
        public Builder outboundQueueBytes(int value) {
            outboundQueueBytes = value;
            return this;
        }

        /**
         * Sets the read buffer's size.
         *
         * @param value bytes
         * @return this builder
         */
        public Builder readBufferSize(int value) {
            readBufferSize = value;
            return this;
        }

        /**
         * Sets the idle timeout of the multiplexed wire.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /**
         * Sets how long a server of both wires waits for a client's first byte.
         *
         * @param value the window
         * @return this builder
         */
        public Builder detectionWindow(Duration value) {
            detectionWindow = value;
            return this;
        }

        /**
         * Sets the largest frame payload accepted on the multiplexed wire.
         *
         * @param value bytes, 16384 to 16777215
         * @return this builder
         */
        public Builder maxFrameSize(int value) {
            maxFrameSize = value;
            return this;
        }

        /**
         * Sets each conversation's receive window on the multiplexed wire.
         *
         * @param value bytes
         * @return this builder
         */
        public Builder initialWindowSize(int value) {
            initialWindowSize = value;
            return this;
        }

        /**
         * Sets the connection's receive window on the multiplexed wire.
         *
         * @param value bytes
         * @return this builder
         */
        public Builder connectionWindowSize(int value) {
            connectionWindowSize = value;
            return this;
        }

        /**
         * Sets how connections keep strangers out: TLS, a token, or both.
         *
         * @param value the security settings
         * @return this builder
         */
        public Builder security(HbiSecurity value) {
            security = value;
            return this;
        }

        /**
         * Sets how many connections a server keeps open at once.
         *
         * @param value connections
         * @return this builder
         */
        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        /**
         * Sets how many of the peer's conversations may be in flight at once.
         *
         * @param value conversations
         * @return this builder
         */
        public Builder maxConcurrentConversations(int value) {
            maxConcurrentConversations = value;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if a setting is out of range
         */
        public HbiConfig build() {
            return new HbiConfig(wire, maxPacketSize, maxNesting, sendTimeout, recvTimeout, closeTimeout,
                    connectTimeout, outboundQueueBytes, readBufferSize, idleTimeout, detectionWindow, maxFrameSize,
                    initialWindowSize, connectionWindowSize, maxConcurrentConversations, maxConnections, security);
        }
    }
}
