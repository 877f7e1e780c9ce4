package dev.hbi.benchmarks;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.peers.Peers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * A bulk stream from server to client in chunks of 64 KiB or 1 MiB, answers of 64 MiB one after the
 * other (the raw socket streams without end). The score counts 64 KiB blocks received per second: divided
 * by 16, it is MiB/s.
 */
public class BulkBenchmark extends LoadBenchmark {

    static final int BATCH = 64;
    static final long STREAM_BYTES = 64L << 20;

    /** Which library. */
    @Param({"raw", "hbi-mux", "hbi-classic", "rsocket", "grpc"})
    public String impl;

    /** The size of each chunk. */
    @Param({"65536", "1048576"})
    public int chunkBytes;

    @Override
    protected Peers open() {
        return Peers.open(impl);
    }

    @Override
    protected Peers.Load start(Peers pair, Meter done) {
        return pair.download(chunkBytes, STREAM_BYTES, done);
    }

    /** Waits for the next {@value #BATCH} blocks of 64 KiB. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void blocks() {
        meter.await(BATCH);
    }
}
