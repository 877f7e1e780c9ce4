package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.testing.HbiPair;
import dev.hbi.testing.RandomChunks;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk data on the multiplexed wire arrives whole and in order whichever way the reader delivers it:
 * read straight from the socket into a waiting receiver's direct buffer, copied into a heap buffer, or
 * queued in pooled chunks for a receiver that is busy elsewhere.
 */
class MuxBulkReceiveTest {

    private static final HbiConfig MUX = HbiConfig.builder().wire(HbiConfig.Wire.MULTIPLEXED).build();
    private static final int TOTAL = (3 << 20) + 17;

    /** Sends {@code download(n, chunk, seed)}: n random bytes in chunks of a size, then their CRC32. */
    private static HostingEnv downloads(CountDownLatch allSent) {
        return HostingEnv.create().exposeProcedure("download", args -> {
            HostingConversation co = args.conversation();
            co.startSend();
            CRC32 crc = new CRC32();
            co.sendData(RandomChunks.of(args.intValue(0), args.intValue(1), new Random(args.longValue(2)), crc));
            allSent.countDown();
            co.sendValue(crc.getValue());
        });
    }

    @ParameterizedTest(name = "{0} buffers of {1} bytes")
    @CsvSource({"direct, 1", "direct, 777", "direct, 8192", "direct, 65536", "direct, 65545", "direct, 1048579",
            "heap, 777", "heap, 65536", "heap, 1048579"})
    @Timeout(60)
    void bulkDataArrivesIntactInBuffersOfAnySize(String kind, int bufferSize) {
        try (HbiPair pair = HbiPair.open(() -> downloads(new CountDownLatch(1)), HostingEnv.create(), MUX);
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("download(" + TOTAL + ", 100003, 7)");
            co.startRecv();
            ByteBuffer into = kind.equals("direct") ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.allocate(bufferSize);
            assertThat(receive(co, into, TOTAL)).isEqualTo(co.recvObj(Long.class));
        }
    }

    @Test
    @Timeout(30)
    void aReceiverBusyElsewhereGetsEveryByteFromTheQueue() throws Exception {
        CountDownLatch allSent = new CountDownLatch(1);
        int size = 900 << 10; // within the conversation's window: all of it arrives before anybody receives
        try (HbiPair pair = HbiPair.open(() -> downloads(allSent), HostingEnv.create(), MUX);
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("download(" + size + ", 65536, 11)");
            co.startRecv();
            assertThat(allSent.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(receive(co, ByteBuffer.allocateDirect(300_007), size)).isEqualTo(co.recvObj(Long.class));
        }
    }

    @Test
    @Timeout(30)
    void aQuietPeerAfterDataReadStraightIntoABufferIsNotTakenForAStalledOne() throws Exception {
        // the stall check ends a peer that began a frame recvTimeout ago and has not finished it; a frame
        // whose end the reader read straight into a buffer is finished, as one read whole is
        CountDownLatch hold = new CountDownLatch(1);
        HostingEnv server = HostingEnv.create().exposeProcedure("dataThenHold", args -> {
            HostingConversation co = args.conversation();
            co.startSend();
            co.sendData(ByteBuffer.allocateDirect(args.intValue(0)));
            assertThat(hold.await(20, TimeUnit.SECONDS)).isTrue();
        });
        HbiConfig shortStall = MUX.toBuilder().recvTimeout(Duration.ofMillis(100)).build();
        try (HbiPair pair = HbiPair.open(() -> server, HostingEnv.create(), shortStall);
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("dataThenHold(" + (4 << 16) + ")");
            co.startRecv();
            co.recvData(ByteBuffer.allocateDirect(4 << 16), Duration.ofSeconds(10));
            assertThat(pair.client().disconnected().toCompletableFuture())
                    .as("quiet for four times the recvTimeout, between frames").failsWithin(Duration.ofMillis(400))
                    .withThrowableOfType(java.util.concurrent.TimeoutException.class);
            hold.countDown();
        }
    }

    @Test
    void aReadOnlyBufferIsRefusedBeforeTheReaderCouldFailOnIt() {
        try (HbiPair pair = HbiPair.open(() -> downloads(new CountDownLatch(1)), HostingEnv.create(), MUX)) {
            try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                co.sendCode("download(1000, 1000, 1)");
                co.startRecv();
                assertThatThrownBy(() -> co.recvData(ByteBuffer.allocateDirect(1000).asReadOnlyBuffer()))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
                ByteBuffer into = ByteBuffer.allocate(1000);
                co.recvData(into);
                CRC32 crc = new CRC32();
                crc.update(into.flip());
                assertThat(crc.getValue()).isEqualTo(co.recvObj(Long.class));
            }
            assertThat(pair.client().isConnected()).isTrue();
        }
    }

    @Test
    @Timeout(60)
    void manyConversationsReceiveBulkDataAtOnce() throws Exception {
        try (HbiPair pair = HbiPair.open(() -> downloads(new CountDownLatch(8)), HostingEnv.create(), MUX)) {
            Thread[] receivers = new Thread[8];
            long[] mismatches = new long[1];
            for (int i = 0; i < receivers.length; i++) {
                int seed = i;
                receivers[i] = Thread.ofVirtual().start(() -> {
                    try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                        co.sendCode("download(" + (1 << 20) + ", 50000, " + seed + ")");
                        co.startRecv();
                        ByteBuffer into = seed % 2 == 0 ? ByteBuffer.allocateDirect(65536) : ByteBuffer.allocate(40000);
                        if (receive(co, into, 1 << 20) != co.recvObj(Long.class)) {
                            synchronized (mismatches) {
                                mismatches[0]++;
                            }
                        }
                    }
                });
            }
            for (Thread t : receivers) {
                assertThat(t.join(java.time.Duration.ofSeconds(50))).isTrue();
            }
            assertThat(mismatches[0]).isZero();
        }
    }

    private static long receive(PostingConversation co, ByteBuffer into, int total) {
        CRC32 crc = new CRC32();
        for (int left = total; left > 0; left -= into.limit()) {
            into.clear().limit(Math.min(into.capacity(), left));
            co.recvData(into);
            crc.update(into.flip());
        }
        return crc.getValue();
    }
}
