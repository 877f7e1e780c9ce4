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
 * @param recvTimeout        how long a receive may wait for the peer, and the classic wire for a receiving
 *                           conversation to ask for its next packet
 * @param closeTimeout       how long closing may take to flush what was sent
 * @param connectTimeout     how long {@link Hbi#connect} may take to establish the TCP connection
 * @param outboundQueueBytes how many bytes of packets may wait to be written before senders wait
 * @param readBufferSize     the size of the connection's read buffer
 */
public record HbiConfig(Wire wire, int maxPacketSize, int maxNesting, Duration sendTimeout, Duration recvTimeout,
                        Duration closeTimeout, Duration connectTimeout, int outboundQueueBytes,
                        int readBufferSize) {

    /** The wire protocols a connection can speak. */
    public enum Wire {
        /**
         * The reference HBI's text packets ({@code [len#dir]payload}) and raw data: speaks with the
         * Python and Go implementations. One conversation sends at a time in each direction.
         */
        CLASSIC
    }

    private static final HbiConfig DEFAULTS = new HbiConfig(Wire.CLASSIC, 16 << 20, 100,
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10),
            4 << 20, 64 << 10);

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
     * Returns the default settings: classic wire, 16 MiB packets, nesting 100, 60 s send and receive
     * deadlines, 5 s to close, 10 s to connect, 4 MiB outbound queue, 64 KiB read buffer.
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
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if a setting is out of range
         */
        public HbiConfig build() {
            return new HbiConfig(wire, maxPacketSize, maxNesting, sendTimeout, recvTimeout, closeTimeout,
                    connectTimeout, outboundQueueBytes, readBufferSize);
        }
    }
}
