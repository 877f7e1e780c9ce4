package dev.hbi.benchmarks;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiServer;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of a small request/response while a bulk upload saturates the same connection, on each
 * wire. On the classic wire one conversation sends at a time, so the small call waits for a whole upload
 * to be written; on the multiplexed wire its frames go between the upload's. Sample mode, so the report
 * has the percentiles (p99) beside the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SmallCallUnderBulkBenchmark {

    /** Which wire the client speaks. */
    @Param({"CLASSIC", "MULTIPLEXED"})
    public String wire;

    /** The size of each upload of the saturating stream. */
    @Param("8388608")
    public int uploadBytes;

    private HbiServer server;
    private HbiConnection client;
    private Thread bulk;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong uploaded = new AtomicLong();

    /** Starts a server, a client, and the bulk stream. */
    @Setup(Level.Trial)
    public void start() {
        server = Hbi.serve(Hbi.address("127.0.0.1:0"), SmallCallUnderBulkBenchmark::env);
        client = Hbi.connect(server.address(), HostingEnv.create(),
                HbiConfig.builder().wire(HbiConfig.Wire.valueOf(wire)).build());
        running.set(true);
        bulk = Thread.ofVirtual().name("bulk").start(this::upload);
    }

    private static HostingEnv env() {
        return HostingEnv.create()
                .exposeProcedure("ping", args -> {
                    HostingConversation co = args.conversation();
                    co.startSend();
                    co.sendObj("1");
                })
                .exposeProcedure("sink", args -> {
                    HostingConversation co = args.conversation();
                    ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                    for (long left = args.longValue(0); left > 0; left -= chunk.position()) {
                        chunk.clear().limit((int) Math.min(chunk.capacity(), left));
                        co.recvData(chunk);
                    }
                });
    }

    private void upload() {
        ByteBuffer data = ByteBuffer.allocateDirect(uploadBytes);
        while (running.get()) {
            try (PostingConversation co = client.postingEnd().newConversation()) {
                co.sendCode("sink(" + uploadBytes + ")");
                co.sendData(data.clear());
                uploaded.addAndGet(uploadBytes);
            } catch (RuntimeException stopped) {
                return;
            }
        }
    }

    /**
     * One small call, while the upload goes on.
     *
     * @return the answer
     */
    @Benchmark
    public Object smallCall() {
        try (PostingConversation co = client.postingEnd().newConversation()) {
            co.sendCode("ping()");
            co.startRecv();
            return co.recvObj();
        }
    }

    /** Stops the stream and closes both sides. */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        running.set(false);
        client.close();
        bulk.join(10_000);
        server.close();
        System.out.printf("%n%s: bulk stream moved %.0f MiB during the trial%n", wire, uploaded.get() / 1048576.0);
    }
}
