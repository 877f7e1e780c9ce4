package dev.hbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HbiTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a conversation's inbound data meets the reader: a waiting receiver lends its buffer, the reader
 * fills it (copying pieces, or reading the wire straight into it), and a receiver that gives up never
 * returns while the reader may still write into its buffer.
 */
class MuxInboundTest {

    private final AtomicLong credited = new AtomicLong();
    private final MuxInbound inbound = new MuxInbound(() -> "conversation 1", new ChunkPool(65536, 4), 1 << 20,
            (conversationIncrement, connectionBytes) -> credited.addAndGet(connectionBytes));

    @Test
    @Timeout(10)
    void aWaitingReceiversBufferIsFilledByTheReaderAndCreditedAtOnce() throws Exception {
        ByteBuffer into = ByteBuffer.allocateDirect(10_000);
        Thread receiver = Thread.ofVirtual().start(() -> inbound.receiveData(into, Deadline.after(Duration.ofSeconds(5))));
        awaitWaiting(receiver);
        inbound.offerData(ByteBuffer.wrap(new byte[4000]));
        assertThat(credited.get()).as("copied into the lent buffer: consumed").isEqualTo(4000);
        int read = inbound.offerDirect(6000, 1000, (buffer, endsFrame) -> {
            assertThat(endsFrame).isTrue();
            buffer.put(new byte[6000]);
            return 6000;
        });
        assertThat(read).isEqualTo(6000);
        assertThat(receiver.join(Duration.ofSeconds(5))).isTrue();
        assertThat(into.position()).isEqualTo(10_000);
        assertThat(credited.get()).isEqualTo(10_000);
    }

    @Test
    @Timeout(10)
    void withNobodyWaitingTheReaderReadsIntoAPooledChunkTheReceiverTakesLater() throws Exception {
        int read = inbound.offerDirect(50_000, 1000, (chunk, endsFrame) -> {
            assertThat(chunk.isDirect()).isTrue();
            byte[] bytes = new byte[chunk.remaining()];
            bytes[0] = 42;
            chunk.put(bytes);
            return bytes.length;
        });
        assertThat(read).isEqualTo(50_000);
        assertThat(credited.get()).as("queued, not consumed yet").isZero();
        ByteBuffer into = ByteBuffer.allocate(50_000);
        inbound.receiveData(into, Deadline.after(Duration.ofSeconds(5)));
        assertThat(into.get(0)).isEqualTo((byte) 42);
        assertThat(credited.get()).isEqualTo(50_000);
    }

    @Test
    @Timeout(10)
    void aReceiverWokenByTheConnectionsEndWaitsForTheReadIntoItsBufferToReturn() throws Exception {
        ByteBuffer into = ByteBuffer.allocateDirect(65536);
        CompletableFuture<RuntimeException> gaveUp = new CompletableFuture<>();
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                inbound.receiveData(into, Deadline.after(Duration.ofMillis(200)));
                gaveUp.complete(null);
            } catch (RuntimeException e) {
                gaveUp.complete(e);
            }
        });
        awaitWaiting(receiver);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch bytesArrive = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                inbound.offerDirect(65536, 1000, (buffer, endsFrame) -> {
                    reading.countDown();
                    try {
                        assertThat(bytesArrive.await(5, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    buffer.put(new byte[1000]);
                    return 1000;
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        inbound.fail(new IllegalStateException("the connection ended"));
        assertThat(gaveUp).as("the reader may still write into the buffer").isNotCompleted();
        assertThat(waitFor(gaveUp, 300)).as("still reading").isFalse();
        bytesArrive.countDown();
        assertThat(gaveUp.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(into.position()).as("what the read brought is in the buffer when the receiver returns")
                .isEqualTo(1000);
        assertThat(reader.join(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    @Timeout(10)
    void aReceiverThatTimesOutWithNoReadUnderWayReturnsAtOnceAndLendsNothingMore() throws Exception {
        ByteBuffer into = ByteBuffer.allocateDirect(1000);
        assertThatThrownBy(() -> inbound.receiveData(into, Deadline.after(Duration.ofMillis(50))))
                .isInstanceOf(HbiTimeoutException.class);
        inbound.offerData(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(into.position()).as("the buffer is no longer lent").isZero();
        ByteBuffer later = ByteBuffer.allocate(3);
        inbound.receiveData(later, Deadline.after(Duration.ofSeconds(5)));
        assertThat(later.array()).containsExactly(1, 2, 3);
    }

    private static boolean waitFor(CompletableFuture<?> future, long millis) throws Exception {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            return false;
        }
    }

    /** Waits until the receiver parks: it has lent its buffer and waits for it to be filled. */
    private static void awaitWaiting(Thread receiver) {
        while (receiver.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }
}
