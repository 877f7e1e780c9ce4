package dev.hbi.benchmarks;

import dev.hbi.HbiConfig;
import dev.hbi.HostingEnv;
import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.peers.HbiPeers;
import dev.hbi.benchmarks.peers.Peers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * Round trips at {@value #IN_FLIGHT} in flight on the multiplexed wire whose scripts differ only in their
 * literals ({@code echo('00..0123')}), landed by the server with each lander: the Groovy lander's shape
 * cache against the built-in lander. The {@code groovy} case needs {@code hbi-groovy-landing}'s lander on
 * the class path; {@code ./hbi bench} runs it only when it is.
 */
public class LandedRoundTripBenchmark extends LoadBenchmark {

    static final int IN_FLIGHT = 256;

    /** The server's lander. */
    @Param({HostingEnv.BUILTIN_LANDER, "groovy"})
    public String lander;

    @Override
    protected Peers open() {
        if (!HostingEnv.availableLanders().contains(lander)) {
            throw new IllegalStateException("no lander named '" + lander + "' is installed; available: "
                    + HostingEnv.availableLanders());
        }
        return new HbiPeers(HbiConfig.Wire.MULTIPLEXED, HbiPeers.Style.HAND_WRITTEN, lander);
    }

    @Override
    protected Peers.Load start(Peers pair, Meter done) {
        return pair.roundTrips(IN_FLIGHT, done);
    }

    /** Waits for the next batch of answers. */
    @Benchmark
    @OperationsPerInvocation(RoundTripBenchmark.BATCH)
    public void roundTrips() {
        meter.await(RoundTripBenchmark.BATCH);
    }
}
