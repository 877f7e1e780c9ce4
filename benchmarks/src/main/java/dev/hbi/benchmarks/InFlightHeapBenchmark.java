package dev.hbi.benchmarks;

import dev.hbi.benchmarks.harness.Metrics;
import dev.hbi.benchmarks.peers.Peers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
 * {@value #CALLS} calls in flight at once on one connection, each held by the server until all have
 * arrived: the heap they occupy, client and server together (both are in this JVM), measured after full
 * collections as the gauge {@code heap.inFlight} (MiB more than with the pair idle) beside
 * {@code heap.used} (the whole heap in use then). The score is the time to start, hold and answer them all,
 * collections included, and is not compared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class InFlightHeapBenchmark {

    static final int CALLS = 10_000;
    private static final double MIB = 1 << 20;

    /** Which library. */
    @Param({"hbi-mux", "hbi-classic", "rsocket", "grpc"})
    public String impl;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private Peers peers;
    private long idle;

    /** Connects the pair. */
    @Setup(Level.Trial)
    public void connect() {
        peers = Peers.open(impl);
    }

    /** Measures the heap with the pair idle. */
    @Setup(Level.Iteration)
    public void baseline() {
        idle = usedAfterCollection();
    }

    /** Starts the calls, measures the heap while all are held, then lets them be answered. */
    @Benchmark
    public void holdAll() {
        Peers.Held held = peers.hold(CALLS);
        long used = usedAfterCollection();
        Metrics.gauge("heap.inFlight", (used - idle) / MIB, "MiB");
        Metrics.gauge("heap.used", used / MIB, "MiB");
        held.release();
    }

    /** Closes the pair. */
    @TearDown(Level.Trial)
    public void close() {
        peers.close();
    }

    private long usedAfterCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
