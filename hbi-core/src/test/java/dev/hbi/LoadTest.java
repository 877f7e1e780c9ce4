package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.testing.TestServices;
import dev.hbi.testing.ThreadCensus;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thousand connections to one server, each with 16 conversations in flight at once, all in this JVM on
 * this machine: every answer is the right one, every byte of data comes back intact, and when the clients
 * are gone no thread is left.
 */
class LoadTest {

    private static final int CONNECTIONS = 1000;
    private static final int CONVERSATIONS = 16;
    private static final int DATA_BYTES = 4096;

    @ParameterizedTest
    @EnumSource(value = HbiConfig.Wire.class, names = {"CLASSIC", "MULTIPLEXED"})
    @Timeout(120)
    void aThousandConnectionsWithSixteenConversationsEachAllGetTheirAnswers(HbiConfig.Wire wire) throws Exception {
        ThreadCensus census = ThreadCensus.take();
        HbiConfig config = HbiConfig.builder().wire(wire).readBufferSize(8 << 10).build();
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<HbiConnection> connected = new ConcurrentLinkedQueue<>();
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo,
                config.toBuilder().wire(HbiConfig.Wire.AUTO).build());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> conversations = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int client = c;
                conversations.add(threads.submit(() -> {
                    HbiConnection conn = Hbi.connect(server.address(), HostingEnv.create(), config);
                    connected.add(conn);
                    List<Future<?>> mine = new ArrayList<>();
                    for (int i = 0; i < CONVERSATIONS; i++) {
                        int n = client * CONVERSATIONS + i;
                        mine.add(threads.submit(() -> converse(conn, n, answered)));
                    }
                    for (Future<?> f : mine) {
                        f.get();
                    }
                    return null;
                }));
            }
            for (Future<?> f : conversations) {
                f.get();
            }
            assertThat(answered).hasValue(CONNECTIONS * CONVERSATIONS);
            assertThat(server.connections()).hasSize(CONNECTIONS);
            for (HbiConnection conn : connected) {
                threads.submit(conn::close);
            }
        }
        census.assertNoneLeftBehind(Duration.ofSeconds(20));
    }

    /** Odd conversations echo a value, even ones a block of data whose CRC must match. */
    private static Void converse(HbiConnection conn, int n, AtomicInteger answered) {
        try (PostingConversation co = conn.postingEnd().newConversation()) {
            if (n % 2 == 1) {
                co.sendCode("echo(" + n + ")");
                co.startRecv();
                assertThat(((Number) co.recvObj()).intValue()).isEqualTo(n);
            } else {
                ByteBuffer data = ByteBuffer.allocate(DATA_BYTES);
                for (int i = 0; i < DATA_BYTES; i++) {
                    data.put(i, (byte) (n * 31 + i));
                }
                co.sendCode("echo_data(" + DATA_BYTES + ")");
                co.sendData(data.duplicate());
                co.startRecv();
                ByteBuffer back = ByteBuffer.allocate(DATA_BYTES);
                co.recvData(back);
                assertThat(crc(back.flip())).isEqualTo(crc(data));
            }
        }
        answered.incrementAndGet();
        return null;
    }

    private static long crc(ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        return crc.getValue();
    }
}
