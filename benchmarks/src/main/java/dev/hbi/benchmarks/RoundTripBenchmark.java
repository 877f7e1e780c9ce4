package dev.hbi.benchmarks;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.peers.Peers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * Request/response round trips of 32-byte values with a fixed number of calls in flight on one
 * connection: calls per second, and (with {@code MetricsProfiler}) the percentiles of every call's
 * latency.
 */
public class RoundTripBenchmark extends LoadBenchmark {

    static final int BATCH = 256;

    /** Which library. */
    @Param({"raw", "hbi-mux", "hbi-classic", "hbi-typed", "rsocket", "grpc"})
    public String impl;

    /** How many calls are outstanding at any time. */
    @Param({"1", "16", "256", "1024"})
    public int inFlight;

    @Override
    protected Peers open() {
        return Peers.open(impl);
    }

    @Override
    protected Peers.Load start(Peers pair, Meter done) {
        return pair.roundTrips(inFlight, done);
    }

    /** Waits for the next batch of answers. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void roundTrips() {
        meter.await(BATCH);
    }
}
