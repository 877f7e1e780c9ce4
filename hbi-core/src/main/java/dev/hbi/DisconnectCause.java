package dev.hbi;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a connection ended. Given to {@link HostingEnv#onCleanup cleanup hooks} and carried by
 * {@link ConnectionClosedException}.
 *
 * <p>What is logged and what the peer is told are kept apart: a {@link LocalError} sends only its
 * {@link LocalError#reason() reason} to the peer, never the stack of its {@link LocalError#failure()
 * failure}.
 */
public sealed interface DisconnectCause {

    /**
     * Returns a one-line description of why the connection ended.
     *
     * @return the description
     */
    String message();

    /**
     * Tells whether the connection ended because something went wrong, as opposed to a close by either
     * side.
     *
     * @return {@code true} for errors
     */
    boolean isError();

    /**
     * Returns the local failure behind this cause, if there is one.
     *
     * @return the failure
     */
    default Optional<Throwable> error() {
        return Optional.empty();
    }

    /**
     * This side closed the connection.
     *
     * @param detail who or what closed it
     */
    record LocalClose(String detail) implements DisconnectCause {
        /**
         * Checks the detail.
         *
         * @param detail who or what closed it
         */
        public LocalClose {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String message() {
            return "closed: " + detail;
        }

        @Override
        public boolean isError() {
            return false;
        }
    }

    /**
     * The peer closed the connection cleanly, with no conversation left half-received.
     */
    record PeerClose() implements DisconnectCause {
        @Override
        public String message() {
            return "peer closed the connection";
        }

        @Override
        public boolean isError() {
            return false;
        }
    }

    /**
     * The peer reported an error ({@code err} on the classic wire) and closed the connection.
     *
     * @param reason the peer's own words
     */
    record PeerError(String reason) implements DisconnectCause {
        /**
         * Checks the reason.
         *
         * @param reason the peer's own words
         */
        public PeerError {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return "peer error: " + reason;
        }

        @Override
        public boolean isError() {
            return true;
        }
    }

    /**
     * Something failed here (landing, a protocol violation by the peer, a timeout); the peer was told
     * {@code reason} if the wire still worked.
     *
     * @param reason  what the peer is told
     * @param failure the local failure, for logs; may be {@code null}
     */
    record LocalError(String reason, Throwable failure) implements DisconnectCause {
        /**
         * Checks the reason.
         *
         * @param reason  what the peer is told
         * @param failure the local failure, for logs; may be {@code null}
         */
        public LocalError {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return reason;
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public Optional<Throwable> error() {
            return Optional.ofNullable(failure);
        }
    }

    /**
     * Reading or writing the socket failed (reset, broken pipe, end of stream in the middle of a
     * packet).
     *
     * @param failure the I/O failure
     */
    record IoFailure(IOException failure) implements DisconnectCause {
        /**
         * Checks the failure.
         *
         * @param failure the I/O failure
         */
        public IoFailure {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public String message() {
            return "wire error: " + failure.getMessage();
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public Optional<Throwable> error() {
            return Optional.of(failure);
        }
    }

    /**
     * The peer sent nothing for longer than the idle timeout, not even an answer to a ping (multiplexed
     * wire).
     *
     * @param idle how long it was silent
     */
    record IdleTimeout(Duration idle) implements DisconnectCause {
        /**
         * Checks the duration.
         *
         * @param idle how long it was silent
         */
        public IdleTimeout {
            Objects.requireNonNull(idle, "idle");
        }

        @Override
        public String message() {
            return "the peer sent nothing for " + idle.toMillis() + " ms, not even an answer to a ping";
        }

        @Override
        public boolean isError() {
            return true;
        }
    }
}
