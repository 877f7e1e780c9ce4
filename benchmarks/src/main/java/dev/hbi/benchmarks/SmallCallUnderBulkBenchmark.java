package dev.hbi.benchmarks;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.harness.Metrics;
import dev.hbi.benchmarks.peers.Peers;
import java.util.concurrent.TimeUnit;
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
 * The latency of a small round trip while a bulk stream from the server saturates the same connection
 * (answers of 8 MiB in 64 KiB chunks, one after the other). On HBI's classic wire one conversation sends
 * at a time, so the small answer waits for a whole bulk answer; on the multiplexed wire, as in RSocket and
 * gRPC (HTTP/2), its frames go between the stream's. Sample mode, so the report has the percentiles; the
 * bulk throughput meanwhile is the secondary result {@code bulk.rate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SmallCallUnderBulkBenchmark {

    static final int CHUNK_BYTES = 64 << 10;
    static final long STREAM_BYTES = 8L << 20;

    /** Which library; the raw socket has nothing to interleave with. */
    @Param({"hbi-mux", "hbi-classic", "rsocket", "grpc"})
    public String impl;

    private Peers peers;
    private Peers.Load bulk;
    private final Meter blocks = new Meter();
    private long iterationStart;
    private long blocksAtStart;

    /** Connects the pair and starts the bulk stream. */
    @Setup(Level.Trial)
    public void start() {
        peers = Peers.open(impl);
        bulk = peers.download(CHUNK_BYTES, STREAM_BYTES, blocks);
    }

    /** Notes where the stream is when the iteration starts. */
    @Setup(Level.Iteration)
    public void mark() {
        iterationStart = System.nanoTime();
        blocksAtStart = blocks.total();
    }

    /** One small call, while the stream goes on. */
    @Benchmark
    public void smallCall() {
        peers.call();
    }

    /** Records the bulk throughput of the iteration. */
    @TearDown(Level.Iteration)
    public void rate() {
        double seconds = (System.nanoTime() - iterationStart) / 1e9;
        double mib = (blocks.total() - blocksAtStart) * (double) Peers.BLOCK_BYTES / (1 << 20);
        Metrics.gauge("bulk.rate", mib / seconds, "MiB/s");
    }

    /** Stops the stream and closes the pair. */
    @TearDown(Level.Trial)
    public void stop() {
        bulk.close();
        peers.close();
    }
}
