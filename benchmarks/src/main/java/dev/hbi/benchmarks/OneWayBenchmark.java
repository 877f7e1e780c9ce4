package dev.hbi.benchmarks;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.harness.Window;
import dev.hbi.benchmarks.peers.Peers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * Fire-and-forget messages of 32-byte values from one sender: messages the receiver handled per second.
 * Every library gets the same window of {@value #WINDOW} messages sent but not yet handled.
 */
public class OneWayBenchmark extends LoadBenchmark {

    static final int WINDOW = 8192;
    static final int BATCH = 4096;

    /** Which library; gRPC has no fire-and-forget. */
    @Param({"raw", "hbi-mux", "hbi-classic", "hbi-typed", "rsocket"})
    public String impl;

    @Override
    protected Peers open() {
        return Peers.open(impl);
    }

    @Override
    protected Peers.Load start(Peers pair, Meter done) {
        return pair.oneWay(new Window(WINDOW), done);
    }

    /** Waits until the receiver handled the next batch. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void oneWay() {
        meter.await(BATCH);
    }
}
