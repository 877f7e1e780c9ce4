package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hbi.testing.TestServices;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A long run of conversations of mixed sizes over both wires at once: every answer right, every block of
 * data's CRC32 equal on both sides, and the heap used after a full GC flat from the first tenth of the run
 * to the end. The default test run does a short one; {@code mvn test -Psoak -pl hbi-core} does ten million
 * and writes its figures to {@code target/soak-report.txt}.
 */
class SoakTest {

    private static final long CONVERSATIONS = Long.getLong("hbi.soak.conversations", 20_000);
    private static final int MUX_CONNECTIONS = 4;
    private static final int CLASSIC_CONNECTIONS = 2;
    private static final int IN_FLIGHT_PER_CONNECTION = 32;
    private static final int CHECKPOINTS = 10;
    /** The hang guard grows with the run: two minutes, plus one per 250,000 conversations (9,000 a second here). */
    private static final Duration BUDGET = Duration.ofMinutes(2 + CONVERSATIONS / 250_000);

    private final AtomicLong next = new AtomicLong();
    private final AtomicLong crcChecks = new AtomicLong();
    private final AtomicLong dataBytes = new AtomicLong();
    private final List<Long> heapAfterGc = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(value = 2, unit = TimeUnit.HOURS) // lifts the default of 10 s: BUDGET, sized by the run, guards it
    void conversationsOfMixedSizesKeepTheHeapFlatAndEveryByteIntact() {
        assertTimeoutPreemptively(BUDGET, this::soak);
    }

    private void soak() throws Exception {
        long started = System.nanoTime();
        try (HbiServer server = Hbi.serve(Hbi.address("127.0.0.1:0"), TestServices::echo);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<HbiConnection> connections = new ArrayList<>();
            for (int i = 0; i < MUX_CONNECTIONS + CLASSIC_CONNECTIONS; i++) {
                HbiConfig.Wire wire = i < MUX_CONNECTIONS ? HbiConfig.Wire.MULTIPLEXED : HbiConfig.Wire.CLASSIC;
                connections.add(Hbi.connect(server.address(), HostingEnv.create(),
                        HbiConfig.builder().wire(wire).build()));
            }
            heapAfterGc.add(usedHeapAfterGc());
            List<Future<?>> workers = new ArrayList<>();
            for (HbiConnection conn : connections) {
                for (int i = 0; i < IN_FLIGHT_PER_CONNECTION; i++) {
                    workers.add(threads.submit(() -> work(conn)));
                }
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            connections.forEach(HbiConnection::close);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        heapAfterGc.add(usedHeapAfterGc());
        report(seconds);
        long baseline = heapAfterGc.get(Math.min(2, heapAfterGc.size() - 1));
        long last = heapAfterGc.getLast();
        assertThat(last).as("heap used after GC at the end vs. after the first tenth, bytes: %s", heapAfterGc)
                .isLessThanOrEqualTo(baseline + baseline / 4 + (16 << 20));
    }

    /** Takes conversation numbers until the run is done; one in ten of them checks the heap. */
    private Void work(HbiConnection conn) {
        long checkpointEvery = Math.max(1, CONVERSATIONS / CHECKPOINTS);
        for (long n; (n = next.getAndIncrement()) < CONVERSATIONS; ) {
            converse(conn, n);
            if (n > 0 && n % checkpointEvery == 0) {
                heapAfterGc.add(usedHeapAfterGc());
            }
        }
        return null;
    }

    /** Most conversations are small calls; some carry 4 KiB, 64 KiB or 1 MiB of data both ways. */
    private void converse(HbiConnection conn, long n) {
        int size = n % 10_000 == 7 ? 1 << 20 : n % 100 == 3 ? 64 << 10 : n % 10 == 1 ? 4 << 10 : 0;
        try (PostingConversation co = conn.postingEnd().newConversation()) {
            if (size == 0) {
                co.sendCode("echo(" + n + ")");
                co.startRecv();
                assertThat(((Number) co.recvObj()).longValue()).isEqualTo(n);
                return;
            }
            byte[] sent = new byte[size];
            new SplittableRandom(n).nextBytes(sent);
            co.sendCode("echo_data(" + size + ")");
            co.sendData(ByteBuffer.wrap(sent));
            co.startRecv();
            ByteBuffer back = ByteBuffer.allocate(size);
            co.recvData(back);
            assertThat(crc(back.array())).as("CRC32 of conversation %d's %d bytes", n, size).isEqualTo(crc(sent));
            crcChecks.incrementAndGet();
            dataBytes.addAndGet(2L * size);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void report(double seconds) throws Exception {
        List<String> heap = heapAfterGc.stream().map(b -> String.format(Locale.ROOT, "%.1f", b / 1048576.0)).toList();
        String text = String.format(Locale.ROOT, """
                soak: %,d conversations over %d multiplexed and %d classic connections, %d in flight on each
                time: %.1f s, %,.0f conversations/s
                data: %,d blocks checked by CRC32 on both sides, all equal; %.2f GB moved
                heap used after GC, MiB, at the start, each tenth and the end: %s
                jvm: %s %s, %d cores
                """, CONVERSATIONS, MUX_CONNECTIONS, CLASSIC_CONNECTIONS, IN_FLIGHT_PER_CONNECTION, seconds,
                CONVERSATIONS / seconds, crcChecks.get(), dataBytes.get() / 1e9, String.join(" ", heap),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.print(text);
        Path out = Path.of("target", "soak-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }
}
